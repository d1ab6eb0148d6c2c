/**
 * Low-level pieces of the 指标值 grammar (domain README §4, §11), shared by the parser
 * (target-value.ts), the word/range forms (target-value-words.ts) and the fixes
 * (target-value-fixes.ts). See target-value.ts for the rules they implement.
 */

/** A leading numeric run: sign, digits, dots and commas (validated separately). */
export const NUMERIC_RUN_RE = /^[+-]?(?:[0-9][0-9.,]*|\.[0-9][0-9.,]*)/;
const NUMBER_RE = /^([+-]?)((?:[0-9]{1,3}(?:,[0-9]{3})+)|[0-9]+)(?:\.([0-9]+))?$/;
const BARE_UNIT_FORBIDDEN_RE = /[\s0-9()[\]{}<>=≥≤,;:!?"'、。，；：！？“”‘’【】《》]/;
const BARE_UNIT_PHRASE_RE = /以上|以下|以内|左右|内|前|后|完成|达到|确保|及|和|或|的|不/;
const DIGIT_LOOKALIKE_RE = /^[OoIl]/;
/** A bracketed unit is at most 16 characters and contains no sentence punctuation or operator. */
const BRACKET_UNIT_MAX = 16;
const BRACKET_UNIT_FORBIDDEN_RE = /[<>=≥≤,;:!?、。，；：！？]/;

/**
 * Character-level normalisation used for parsing only: full-width ASCII (U+FF01–U+FF5E) to
 * half-width, ideographic space to space, ≧ ≦ to ≥ ≤, small/full-width percent and the minus
 * sign to ASCII. It is idempotent and never changes the length of the string.
 */
export function normaliseTargetChars(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else if (ch === '≧') out += '≥';
    else if (ch === '≦') out += '≤';
    else if (ch === '﹪') out += '%';
    else if (ch === '−') out += '-';
    else out += ch;
  }
  return out;
}

/**
 * Canonical decimal string of a written number (see target-value.ts), or null when the text is
 * not a valid number. Accepts `[+-]?digits(.digits)?` with optional correct thousands grouping.
 */
export function canonicalDecimal(written: string): string | null {
  const m = NUMBER_RE.exec(written);
  if (!m) return null;
  const sign = m[1] === '-' ? '-' : '';
  let int = m[2].replace(/,/g, '').replace(/^0+(?=[0-9])/, '');
  if (int === '') int = '0';
  let frac = m[3] ?? '';
  if (frac.length < 2) frac = frac.padEnd(2, '0');
  const isZero = /^0+$/.test(int) && /^0*$/.test(frac);
  return `${isZero ? '' : sign}${int}.${frac}`;
}

function isValidBareUnit(u: string): boolean {
  const chars = Array.from(u);
  if (chars.length < 1 || chars.length > 8) return false;
  if (BARE_UNIT_FORBIDDEN_RE.test(u)) return false;
  if (/^[+\-.]/.test(u)) return false;
  if (DIGIT_LOOKALIKE_RE.test(u)) return false;
  if (/[%‰]/.test(u) && u !== '%' && u !== '‰') return false;
  if (BARE_UNIT_PHRASE_RE.test(u)) return false;
  return true;
}

/**
 * Parse the unit part that follows a number (already normalised). Returns `undefined` when the
 * text is not a valid unit, `null` for "no unit", or the unit string.
 */
export function parseUnitPart(rest: string): string | null | undefined {
  const r = rest.trim();
  if (r === '') return null;
  if (r.startsWith('(')) {
    const m = /^\(([^()]*)\)$/.exec(r);
    if (!m) return undefined;
    const inner = m[1].trim();
    if (inner === '') return null;
    if (Array.from(inner).length > BRACKET_UNIT_MAX || BRACKET_UNIT_FORBIDDEN_RE.test(inner)) return undefined;
    return inner;
  }
  return isValidBareUnit(r) ? r : undefined;
}

/** Split "<number><unit>" (no operator, already normalised). Returns undefined when it does not parse. */
export function parseNumberAndUnit(s: string): { value: string; unit: string | null } | undefined {
  const t = s.trim();
  const run = NUMERIC_RUN_RE.exec(t);
  if (!run) return undefined;
  const value = canonicalDecimal(run[0]);
  if (value === null) return undefined;
  const unit = parseUnitPart(t.slice(run[0].length));
  if (unit === undefined) return undefined;
  return { value, unit };
}

/** Normalise a unit for comparison: width, surrounding brackets and white space removed. */
export function normaliseUnit(unit: string | null | undefined): string {
  if (unit === null || unit === undefined) return '';
  let u = normaliseTargetChars(String(unit)).trim();
  const m = /^\((.*)\)$/s.exec(u);
  if (m) u = m[1];
  return u.replace(/\s+/g, '');
}

/** Units compare equal after normalisation; null, undefined and "" are all "no unit". */
export function unitsEqual(a: string | null | undefined, b: string | null | undefined): boolean {
  return normaliseUnit(a) === normaliseUnit(b);
}
