import { NUMERIC_RUN_RE, canonicalDecimal, normaliseTargetChars, normaliseUnit, parseNumberAndUnit, parseUnitPart } from './target-value-parts';
import { parseRangeForm, parseWordForm } from './target-value-words';
import type { CompareParts, TargetDirection, TargetOperator, TargetValue } from './types';

export { canonicalDecimal, normaliseTargetChars, normaliseUnit, unitsEqual } from './target-value-parts';
export { TARGET_WORD_OPERATORS } from './target-value-words';

/**
 * Target-value (指标值) parser and formatter — domain README §4 and §11.
 *
 * Grammar (after normalisation):
 *   Value   := Quant | Compare | Words | Range | Bare | Qual | ""
 *   Quant   := Op Num Unit?                  (white space allowed between the parts)
 *   Words   := comparison words before or after Num Unit?, e.g. 不低于95%, 90%以上, 控制在5%以内
 *              (the word list and the rules: target-value-words.ts) → the same operators as Quant
 *   Range   := Num Unit? Sep Num Unit?       e.g. 90%-95%, 90%～95%, 3-5个 → operator `between`
 *   Bare    := Num Unit                      e.g. 100%, 12期, 4次/年 → `=` with `impliedOperator: true`
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
 * - Canonical text: `≥90.00(%)`, `=4.00(家)`, `≥90.00` (no unit); ranges: lower and upper bound joined by
 *   "-", the unit once at the end: `90.00-95.00(%)` (the way tables write ranges; it reads back as the same
 *   range, negative bounds included: `-5.00--3.00(%)`); words and bare numbers print as their symbol
 *   form (`不低于95%` → `≥95.00(%)`, `100%` → `=100.00(%)`); compare values:
 *   `比年初规划低不少于2.00(万元)`; qualitative and malformed values: the trimmed raw text;
 *   empty values: "".
 * - Direction: ≥ > positive; = and between equal (neither more nor less is better: a range scores as an
 *   equal value against its nearer bound); ≤ < reverse; compare → manual; qualitative, malformed and
 *   empty → qualitative (an empty value cannot be measured; the checks report it as EMPTY_TARGET).
 * - Malformed values keep kind "qualitative" with `malformed: true` and operator/value/unit null.
 *   A value is malformed when, not being a valid Quant or Compare, it
 *     a) starts with an operator (≥ ≤ > < = in any width), e.g. `>=abc`, `≥9O%`, `=1.2.3(%)`, `≥`, and a
 *        symbol with a word (`≥90%以上`): one way of saying it, the fixes offer `≥90.00(%)`;
 *     b) is a number without a unit and without an operator, e.g. `90`, `1,500`, `1.2.3` (with a unit it is
 *        Bare: `=`; without one nobody can tell a count from a percentage — target-value-fixes.ts offers both);
 *     c) has the shape of a Compare whose number part does not parse, e.g. `比上年低不少于两万元`;
 *     d) is a Range whose lower bound is above its upper one, e.g. `95%-90%`.
 *   A sentence that merely begins with a digit (`3个工作日内完成`) or contains an operator in the
 *   middle (`旗舰店访问量≥3000000`) is qualitative and NOT malformed.
 * - A bare unit (without brackets) is 1–8 characters with no white space, no ASCII digit, no
 *   bracket/operator/punctuation character; a "%" or "‰" must be the whole unit; it may not start
 *   with a digit look-alike letter (O o I l) and may not contain words that make it a phrase
 *   (以上 以下 以内 左右 内 前 后 完成 达到 确保 及 和 或 的 不). Such values are not Quant.
 *   A bracketed unit is the trimmed text inside the brackets (at most 16 characters, no sentence
 *   punctuation or operator); empty brackets mean "no unit".
 * - `valueMax` is set only on a range; `impliedOperator` only on a Bare value (both absent otherwise, so
 *   the answers of the API keep their shape for every other value).
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
  between: 'equal',
  '≤': 'reverse',
  '<': 'reverse',
};

const OPERATOR_RE = /^(>=|<=|==|≥|≤|>|<|=)/;
const OPERATOR_START_RE = /^[>=<≥≤]/;
const COMPARE_RE = /^比\s*(.+?)\s*(低|高|减少|增加|节约)\s*(不少于|不低于|不超过|不高于)\s*(.*)$/s;

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
  const known = PARSED.get(input);
  if (known) return known;
  let value: TargetValue;
  try {
    value = parseInner(input);
  } catch {
    // Defensive: the grammar above cannot throw, but a parser of user input must not either.
    value = qualitative(input, input.trim(), false);
  }
  if (PARSED.size >= PARSED_MAX) PARSED.clear();
  PARSED.set(input, Object.freeze(value));
  return value;
}

/**
 * Parsed values by their text. The same few thousand texts ("≥90%", "=100%", "明显提升"…) come back on every read of a
 * project on the server and on every key typed in the browser's table editor, whose checks parse all its rows each
 * time; the grammar of §11 made a parse dearer. Frozen, as they are shared; cleared when it holds 10,000 texts.
 */
const PARSED = new Map<string, TargetValue>();
const PARSED_MAX = 10_000;

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
    if (nu) return quantitative(raw, operator, nu.value, nu.unit);
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

  const words = parseWordForm(s);
  if (words) return quantitative(raw, words.operator, words.value, words.unit);

  const range = parseRangeForm(s);
  if (range) {
    if (range.reversed) return qualitative(raw, trimmed, true);
    const t = quantitative(raw, 'between', range.value, range.unit);
    t.valueMax = range.valueMax;
    t.text = formatTargetValue(t);
    return t;
  }

  // A number without an operator: with a unit it is `=` (said as an info finding), without one malformed.
  const run = NUMERIC_RUN_RE.exec(s);
  if (run) {
    const nu = parseNumberAndUnit(s);
    if (nu && nu.unit !== null) {
      const t = quantitative(raw, '=', nu.value, nu.unit);
      t.impliedOperator = true;
      return t;
    }
    if (parseUnitPart(s.slice(run[0].length)) !== undefined) return qualitative(raw, trimmed, true);
  }
  return qualitative(raw, trimmed, false);
}

function quantitative(raw: string, operator: TargetOperator, value: string, unit: string | null): TargetValue {
  const t: TargetValue = { raw, text: '', kind: 'quantitative', operator, value, unit, direction: DIRECTION_OF[operator] };
  t.text = formatTargetValue(t);
  return t;
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
      if (t.operator === 'between') return `${formatNumber(t.value)}-${formatNumber(t.valueMax ?? null)}${formatUnit(t.unit)}`;
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

/** True for the percent unit in any writing: `%`, `％`, `(%)`, `（%）`. */
export function isPercentUnit(unit: string | null | undefined): boolean {
  return normaliseUnit(unit) === '%';
}
