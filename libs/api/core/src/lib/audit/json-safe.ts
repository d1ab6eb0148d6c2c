/**
 * PostgreSQL's jsonb refuses U+0000 and unpaired UTF-16 surrogates, which hostile input can carry into an audit
 * entry's details (an object name, a refused field); the entry must still be written, so such characters become
 * U+FFFD before the row is hashed and stored.
 */
const NUL = String.fromCharCode(0);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function jsonSafe<T>(v: T): T {
  if (typeof v === 'string') return v.replaceAll(NUL, '\uFFFD').replace(LONE_SURROGATE, '\uFFFD') as T;
  if (Array.isArray(v)) return v.map((x) => jsonSafe(x)) as T;
  if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [jsonSafe(k), jsonSafe(x)])) as T;
  }
  return v;
}
