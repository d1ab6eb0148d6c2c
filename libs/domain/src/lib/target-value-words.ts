import { Dec } from './decimal';
import { parseNumberAndUnit, unitsEqual } from './target-value-parts';
import type { TargetOperator } from './types';

/**
 * The forms of §11 (domain README) that people write in published tables, on top of §4's `Op Num Unit`:
 *
 *   Words := Prefix Num Unit? | Num Unit? Suffix | 控制在 Num Unit? (以内|以下|之内)
 *   Range := (在|介于)? Num Unit? Sep Num Unit? (之间|区间内|范围内)?     Sep := - ~ 〜 — – 至 到
 *
 * Comparison words (民法典 第1259条: 以上、以下、以内 include the number; 超过、不满 exclude it):
 *   ≥  不低于 不少于 不小于 至少 大于等于 大于或等于, or after the number: 以上 及以上
 *   ≤  不高于 不超过 不大于 不多于 最多 至多 小于等于 小于或等于, or after the number: 以下 及以下 以内 之内
 *   >  高于 大于 超过 多于
 *   <  低于 小于 少于 不足 不满
 * `(含)` right before a trailing word (`90%(含)以上`) only repeats that the bound is included.
 * A word both before and after the number is refused (`不低于90%以上`), except 控制在…以内/以下.
 *
 * A range's bounds share one unit: written once at the end (`3-5个`), or on both sides and equal
 * (`90%-95%`). The lower bound must not exceed the upper one (`95%-90%` is refused, and
 * target-value-fixes.ts offers the swapped range). The first separator after a complete number
 * splits, so negative bounds still read (`-5--3`).
 */

const PREFIX_WORDS: ReadonlyArray<readonly [string, TargetOperator]> = (
  [
    ['大于或等于', '≥'],
    ['小于或等于', '≤'],
    ['大于等于', '≥'],
    ['小于等于', '≤'],
    ['不低于', '≥'],
    ['不少于', '≥'],
    ['不小于', '≥'],
    ['不高于', '≤'],
    ['不超过', '≤'],
    ['不大于', '≤'],
    ['不多于', '≤'],
    ['至少', '≥'],
    ['最多', '≤'],
    ['至多', '≤'],
    ['高于', '>'],
    ['大于', '>'],
    ['超过', '>'],
    ['多于', '>'],
    ['低于', '<'],
    ['小于', '<'],
    ['少于', '<'],
    ['不足', '<'],
    ['不满', '<'],
  ] as const
)
  .slice()
  .sort((a, b) => b[0].length - a[0].length);

const SUFFIX_RE = /(?:\(含\))?\s*(及以上|以上|及以下|以下|以内|之内)$/;
const SUFFIX_OPERATOR: Record<string, TargetOperator> = {
  及以上: '≥',
  以上: '≥',
  及以下: '≤',
  以下: '≤',
  以内: '≤',
  之内: '≤',
};
const CONTROL_PREFIX = '控制在';

/** Every comparison word the grammar reads, e.g. for a hint in the editor. */
export const TARGET_WORD_OPERATORS: ReadonlyArray<{ word: string; operator: TargetOperator; position: 'before' | 'after' }> = [
  ...PREFIX_WORDS.map(([word, operator]) => ({ word, operator, position: 'before' as const })),
  ...Object.entries(SUFFIX_OPERATOR).map(([word, operator]) => ({ word, operator, position: 'after' as const })),
];

/** The operator of a comparison word written before the number (`不低于` → ≥), or null. */
export function operatorBeforeNumber(word: string): TargetOperator | null {
  return PREFIX_WORDS.find(([w]) => w === word)?.[1] ?? null;
}

/** The operator of a comparison word written after the number (`以上` → ≥; `(含)` allowed in front), or null. */
export function operatorAfterNumber(word: string): TargetOperator | null {
  const m = SUFFIX_RE.exec(word);
  return m && m.index === 0 ? SUFFIX_OPERATOR[m[1]] : null;
}

export interface WordQuant {
  operator: TargetOperator;
  value: string;
  unit: string | null;
}

/** `s` normalised and trimmed. Returns the quantity when `s` is a Words form, else null. */
export function parseWordForm(s: string): WordQuant | null {
  let rest = s;
  let before: TargetOperator | null = null;
  let control = false;
  if (rest.startsWith(CONTROL_PREFIX)) {
    control = true;
    rest = rest.slice(CONTROL_PREFIX.length);
  } else {
    const p = PREFIX_WORDS.find(([w]) => rest.startsWith(w));
    if (p) {
      before = p[1];
      rest = rest.slice(p[0].length);
    }
  }
  let after: TargetOperator | null = null;
  const m = SUFFIX_RE.exec(rest);
  if (m) {
    after = SUFFIX_OPERATOR[m[1]];
    rest = rest.slice(0, m.index);
  }
  let operator: TargetOperator | null;
  if (control) operator = after === '≤' ? '≤' : null;
  else if (before && after) operator = null;
  else operator = before ?? after;
  if (!operator) return null;
  const nu = parseNumberAndUnit(rest);
  return nu ? { operator, value: nu.value, unit: nu.unit } : null;
}

const RANGE_SEPARATORS = new Set(['-', '~', '〜', '—', '–', '至', '到']);
const RANGE_PREFIX_RE = /^(?:在|介于)\s*/;
const RANGE_SUFFIX_RE = /\s*(?:之间|区间内|范围内)$/;

export interface RangeQuant {
  value: string;
  valueMax: string;
  unit: string | null;
  /** True when the lower bound is written above the upper one: not a valid range. */
  reversed: boolean;
}

/** `s` normalised and trimmed. Returns the bounds when `s` is a Range form, else null. */
export function parseRangeForm(s: string): RangeQuant | null {
  const body = s.replace(RANGE_PREFIX_RE, '').replace(RANGE_SUFFIX_RE, '');
  const chars = Array.from(body);
  let offset = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (i > 0 && RANGE_SEPARATORS.has(ch)) {
      const lo = parseNumberAndUnit(body.slice(0, offset));
      const hi = lo ? parseNumberAndUnit(body.slice(offset + ch.length)) : undefined;
      if (lo && hi && (lo.unit === null || hi.unit === null || unitsEqual(lo.unit, hi.unit))) {
        const reversed = Dec.of(lo.value).gt(Dec.of(hi.value));
        return { value: lo.value, valueMax: hi.value, unit: hi.unit ?? lo.unit, reversed };
      }
    }
    offset += ch.length;
  }
  return null;
}
