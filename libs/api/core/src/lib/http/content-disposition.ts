/**
 * `Content-Disposition: attachment` with the UTF-8 name (RFC 6266 / RFC 5987 `filename*`) and an ASCII `filename`
 * for old clients: by default the name with every other character as `_`. One header for the exports and the
 * 佐证材料 downloads. The name must hold no control characters (callers clean or refuse them first).
 */
export function contentDisposition(name: string, asciiFallback = asciiOf(name)): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiOf(asciiFallback)}"; filename*=UTF-8''${encoded}`;
}

function asciiOf(name: string): string {
  return [...name].map((ch) => (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) > 0x7e || ch === '"' || ch === '\\' ? '_' : ch)).join('');
}
