import type { CompareParts, TargetDirection, TargetOperator, TargetValue } from './types';

/**
 * Target-value (指标值) parser and formatter — domain README §4.
 *
 * Grammar (after normalisation):
 *   Value   := Quant | Compare | Qual | ""
 *   Quant   := Op Num Unit?                  (white space allowed between the parts)
 *   Op      := ≥ | >= | > | = | == | ≤ | <= | <        (full-width ＞＝＜ and ≧ ≦ are mapped first)
 *   Num     := [+-]?digits(.digits)?         (thousands separators "3,000,000" are accepted and removed)
 *   Unit    := "(" text ")" | bare unit      (full-width brackets are mapped first)
 *   Compare := 比 Base (低|高|减少|增加|节约) (不少于|不低于|不超过|不高于) Num Unit?
 *   Qual    := anything else
 *
 * Decisions (other code relies on them):
 * - Numbers are never converted to floats. The canonical `value` is the written decimal with the
 *   leading "+" and redundant leading zeros removed, thousands separators removed, "-0" turned into
 *   "0", and the fraction padded to AT LEAST two digits (never truncated):
 *   "100" → "100.00", "0.1" → "0.10", "90.00" → "90.00", "0.125" → "0.125", "+007" → "7.00".
 *   With this rule `parseTargetValue(formatTargetValue(x))` returns exactly the same value string,
 *   because the canonical display prints `value` unchanged. The original writing stays in `raw`.
 * - Canonical text: `≥90.00(%)`, `=4.00(家)`, `≥90.00` (no unit); compare values:
 *   `比年初规划低不少于2.00(万元)`; qualitative and malformed values: the trimmed raw text;
 *   empty values: "".
 * - Direction: ≥ > positive; = equal; ≤ < reverse; compare → manual; qualitative, malformed and
 *   empty → qualitative (an empty value cannot be measured; the checks report it as EMPTY_TARGET).
 * - Malformed values keep kind "qualitative" with `malformed: true` and operator/value/unit null.
 *   A value is malformed when, not being a valid Quant or Compare, it
 *     a) starts with an operator (≥ ≤ > < = in any width), e.g. `>=abc`, `≥9O%`, `=1.2.3(%)`, `≥`;
 *     b) is a number with an optional unit but no operator, e.g. `100%`, `90`, `4.00(家)`, `1.2.3`;
 *     c) has the shape of a Compare whose number part does not parse, e.g. `比上年低不少于两万元`.
 *   A sentence that merely begins with a digit (`3个工作日内完成`) or contains an operator in the
 *   middle (`旗舰店访问量≥3000000`) is qualitative and NOT malformed.
 * - A bare unit (without brackets) is 1–8 characters with no white space, no ASCII digit, no
 *   bracket/operator/punctuation character; a "%" or "‰" must be the whole unit; it may not start
 *   with a digit look-alike letter (O o I l) and may not contain words that make it a phrase
 *   (以上 以下 以内 左右 内 前 后 完成 达到 确保 及 和 或 的 不). Such values are not Quant.
 *   A bracketed unit is the trimmed text inside the brackets (at most 16 characters, no sentence
 *   punctuation or operator); empty brackets mean "no unit".
 * - The parser never throws.
 */

const OPERATOR_MAP: Record<string, TargetOperator> = {
  '>=': '≥',
  '≥': '≥',
  '>': '>',
  '=': '=',
  '==': '=',
  '<=': '≤',
  '≤': '≤',
  '<': '<',
};

const DIRECTION_OF: Record<TargetOperator, TargetDirection> = {
  '≥': 'positive',
  '>': 'positive',
  '=': 'equal',
  '≤': 'reverse',
  '<': 'reverse',
};

const OPERATOR_RE = /^(>=|<=|==|≥|≤|>|<|=)/;
const OPERATOR_START_RE = /^[>=<≥≤]/;
/** A leading numeric run: sign, digits, dots and commas (validated separately). */
const NUMERIC_RUN_RE = /^[+-]?(?:[0-9][0-9.,]*|\.[0-9][0-9.,]*)/;
const NUMBER_RE = /^([+-]?)((?:[0-9]{1,3}(?:,[0-9]{3})+)|[0-9]+)(?:\.([0-9]+))?$/;
const COMPARE_RE = /^比\s*(.+?)\s*(低|高|减少|增加|节约)\s*(不少于|不低于|不超过|不高于)\s*(.*)$/s;
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
 * Canonical decimal string of a written number (see the file comment), or null when the text is
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
function parseUnitPart(rest: string): string | null | undefined {
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

/** Split "<number><unit>" (no operator). Returns undefined when it does not parse. */
function parseNumberAndUnit(s: string): { value: string; unit: string | null } | undefined {
  const t = s.trim();
  const run = NUMERIC_RUN_RE.exec(t);
  if (!run) return undefined;
  const value = canonicalDecimal(run[0]);
  if (value === null) return undefined;
  const unit = parseUnitPart(t.slice(run[0].length));
  if (unit === undefined) return undefined;
  return { value, unit };
}

function qualitative(raw: string, trimmed: string, malformed: boolean): TargetValue {
  const t: TargetValue = {
    raw,
    text: trimmed,
    kind: 'qualitative',
    operator: null,
    value: null,
    unit: null,
    direction: 'qualitative',
  };
  if (malformed) t.malformed = true;
  return t;
}

/** Parse a 指标值. Never throws; non-string input is treated as "". */
export function parseTargetValue(raw: string): TargetValue {
  const input = typeof raw === 'string' ? raw : '';
  try {
    return parseInner(input);
  } catch {
    // Defensive: the grammar above cannot throw, but a parser of user input must not either.
    return qualitative(input, input.trim(), false);
  }
}

function parseInner(raw: string): TargetValue {
  const trimmed = raw.trim();
  if (trimmed === '') {
    return {
      raw,
      text: '',
      kind: 'empty',
      operator: null,
      value: null,
      unit: null,
      direction: 'qualitative',
    };
  }
  const s = normaliseTargetChars(trimmed).trim();

  // Quant: Op Num Unit?
  const op = OPERATOR_RE.exec(s);
  if (op) {
    const operator = OPERATOR_MAP[op[1]];
    const nu = parseNumberAndUnit(s.slice(op[1].length));
    if (nu) {
      const t: TargetValue = {
        raw,
        text: '',
        kind: 'quantitative',
        operator,
        value: nu.value,
        unit: nu.unit,
        direction: DIRECTION_OF[operator],
      };
      t.text = formatTargetValue(t);
      return t;
    }
    return qualitative(raw, trimmed, true);
  }
  if (OPERATOR_START_RE.test(s)) return qualitative(raw, trimmed, true);

  // Compare: 比 Base Verb Bound Num Unit?
  const cm = COMPARE_RE.exec(s);
  if (cm) {
    const base = cm[1].trim();
    const nu = parseNumberAndUnit(cm[4]);
    if (base !== '' && nu) {
      const compare: CompareParts = {
        base,
        verb: cm[2] as CompareParts['verb'],
        bound: cm[3] as CompareParts['bound'],
      };
      const t: TargetValue = {
        raw,
        text: '',
        kind: 'compare',
        operator: null,
        value: nu.value,
        unit: nu.unit,
        direction: 'manual',
        compare,
      };
      t.text = formatTargetValue(t);
      return t;
    }
    return qualitative(raw, trimmed, true);
  }

  // A number with an optional unit but without an operator: malformed (missing operator).
  const run = NUMERIC_RUN_RE.exec(s);
  if (run && parseUnitPart(s.slice(run[0].length)) !== undefined) return qualitative(raw, trimmed, true);
  return qualitative(raw, trimmed, false);
}

function formatNumber(value: string | null): string {
  if (value === null || value === undefined) return '';
  return canonicalDecimal(String(value)) ?? String(value);
}

function formatUnit(unit: string | null | undefined): string {
  if (unit === null || unit === undefined) return '';
  const u = String(unit).trim();
  return u === '' ? '' : `(${u})`;
}

/** Canonical display of a parsed value (see the file comment). Never throws. */
export function formatTargetValue(t: TargetValue): string {
  if (!t) return '';
  switch (t.kind) {
    case 'empty':
      return '';
    case 'quantitative':
      return `${t.operator ?? ''}${formatNumber(t.value)}${formatUnit(t.unit)}`;
    case 'compare': {
      const c = t.compare;
      if (!c) return (t.raw ?? t.text ?? '').trim();
      return `比${c.base}${c.verb}${c.bound}${formatNumber(t.value)}${formatUnit(t.unit)}`;
    }
    default:
      return (typeof t.raw === 'string' ? t.raw : (t.text ?? '')).trim();
  }
}

/** Normalise a unit for comparison: width, surrounding brackets and white space removed. */
export function normaliseUnit(unit: string | null | undefined): string {
  if (unit === null || unit === undefined) return '';
  let u = normaliseTargetChars(String(unit)).trim();
  const m = /^\((.*)\)$/s.exec(u);
  if (m) u = m[1];
  return u.replace(/\s+/g, '');
}

/** True for the percent unit in any writing: `%`, `％`, `(%)`, `（%）`. */
export function isPercentUnit(unit: string | null | undefined): boolean {
  return normaliseUnit(unit) === '%';
}

/** Units compare equal after normalisation; null, undefined and "" are all "no unit". */
export function unitsEqual(a: string | null | undefined, b: string | null | undefined): boolean {
  return normaliseUnit(a) === normaliseUnit(b);
}
