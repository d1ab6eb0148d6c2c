/**
 * Limits of a JSON request body, checked on the raw bytes before it is parsed: a body nested thousands deep
 * parses fine but overflows the stack of whatever walks it next (class-transformer, the validators), and a
 * body of 100,000 keys costs every step after it. No request of the contract comes near either limit.
 */
export const JSON_MAX_DEPTH = 32;
export const JSON_MAX_KEYS = 20_000;

export type JsonLimitProblem = { kind: 'depth'; limit: number } | { kind: 'keys'; limit: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;

/**
 * One pass over the text outside strings: the depth of `{`/`[` and the number of keys (each `:` outside a string
 * is one). Exact for UTF-8 (no byte of a multi-byte character is ASCII); other encodings are decoded first.
 * The syntax itself is left to the parser.
 */
export function checkJsonLimits(body: Buffer | string, maxDepth = JSON_MAX_DEPTH, maxKeys = JSON_MAX_KEYS): JsonLimitProblem | null {
  const at = typeof body === 'string' ? (i: number) => body.charCodeAt(i) : (i: number) => body[i];
  let depth = 0;
  let keys = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = at(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > maxDepth) return { kind: 'depth', limit: maxDepth };
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
    } else if (c === COLON && ++keys > maxKeys) {
      return { kind: 'keys', limit: maxKeys };
    }
  }
  return null;
}

/** The Chinese message of a refused body. */
export function jsonLimitMessage(p: JsonLimitProblem): string {
  return p.kind === 'depth' ? `请求体嵌套过深（最多 ${p.limit} 层）` : `请求体的字段过多（最多 ${p.limit} 个）`;
}
