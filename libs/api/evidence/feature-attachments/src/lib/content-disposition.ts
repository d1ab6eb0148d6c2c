/**
 * `Content-Disposition: attachment` with the UTF-8 name (RFC 6266 / RFC 5987 `filename*`) and an ASCII fallback for
 * old clients (every other character as `_`). Stored names hold no control characters (refused on upload).
 */
export function attachmentDisposition(name: string): string {
  const ascii = [...name].map((ch) => (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) > 0x7e || ch === '"' || ch === '\\' ? '_' : ch)).join('');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
