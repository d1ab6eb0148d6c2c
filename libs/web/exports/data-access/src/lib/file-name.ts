/** Characters a saved file name must not contain (path separators, reserved on Windows, control characters). */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f/\\:*?"<>|]+/g;

/** A file name safe to offer to the browser's save dialog: no path, no reserved characters, not empty. */
export function safeFileName(name: string, fallback = 'download'): string {
  const cleaned = name.replace(UNSAFE, '_').replace(/^[\s.]+|[\s.]+$/g, '').trim();
  return cleaned === '' || /^_+$/.test(cleaned) ? fallback : cleaned;
}

/** Decode `%XX` escapes as ISO-8859-1 bytes (RFC 5987 allows that charset besides UTF-8). */
function decodeLatin1(s: string): string {
  return s.replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The value of one parameter (`name=`) of a header, quoted (with `\"` escapes) or a token; null when absent. */
function param(header: string, name: string): string | null {
  const re = new RegExp(`(?:^|;)\\s*${name.replace('*', '\\*')}\\s*=\\s*("(?:[^"\\\\]|\\\\.)*"|[^;]*)`, 'i');
  const m = re.exec(header);
  if (!m) return null;
  const raw = m[1].trim();
  return raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
}

/**
 * The file name of a download from its `Content-Disposition` header: the RFC 6266/5987 form
 * `filename*=UTF-8''%E7%94%B3…` first (the server names files in Chinese that way), else the plain
 * ASCII fallback `filename="export.xlsx"`, else `fallback`. The result is safe to save (no path).
 */
export function fileNameFromContentDisposition(header: string | null | undefined, fallback = 'download'): string {
  if (!header) return safeFileName(fallback);
  const extended = param(header, 'filename*');
  if (extended) {
    const m = /^([\w-]+)'[^']*'(.*)$/.exec(extended);
    if (m) {
      const charset = m[1].toLowerCase();
      try {
        const decoded = charset === 'utf-8' ? decodeURIComponent(m[2]) : charset === 'iso-8859-1' ? decodeLatin1(m[2]) : null;
        if (decoded) return safeFileName(decoded, safeFileName(fallback));
      } catch {
        // malformed escapes: fall back to the plain parameter
      }
    }
  }
  const plain = param(header, 'filename');
  if (plain) return safeFileName(plain, safeFileName(fallback));
  return safeFileName(fallback);
}
