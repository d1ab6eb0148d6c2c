import { Dec } from './decimal';
import { formatTargetValue, parseTargetValue } from './target-value';
import { canonicalDecimal, normaliseTargetChars, parseUnitPart } from './target-value-parts';
import { operatorAfterNumber, operatorBeforeNumber, parseRangeForm } from './target-value-words';
import type { TargetOperator, TargetValue } from './types';

/**
 * One-click fixes for a 指标值 that is not a clear quantity (domain README §11): the canonical texts the
 * value most likely means, best first, each of which parses as a quantitative value. The editor shows
 * them as buttons; nothing is applied without the user's click.
 *
 * - A value that already parses with a written operator, a compare value, a plain sentence without a
 *   number, or an empty value: no fixes ([]). Fixes are never qualitative: a number is never turned
 *   into words, and words around the number are only dropped when they are comparison or filler words
 *   (达到, 左右, 以上 …) or a remark after a comma behind a written operator (`≥90%，确保完成`).
 * - A bare number with a unit (`100%`, read as `=`): `=` and `≥` (so the implied `=` can be confirmed
 *   or corrected in one click); `≥` first, except for 100% where `=` is the likelier meaning.
 * - A number without a unit (`90`, `1,500`): the unit is taken from the indicator name when it says
 *   one (`满意度`/`…率` → %, `…人次` → 人次, `…（个）` → 个, …); without a hint, % for 0–100 and
 *   no unit above (the MISSING_UNIT error then asks for one).
 * - A range written high-low (`95%-90%`): the swapped range.
 * - Digit look-alike letters next to digits (`9O%` → 90%) and a leading dot (`.5` → 0.5) are repaired.
 * - Two numbers that are not a range (`=1.2.3(%)`, `2024年12月`): no fixes, as any choice would be a guess.
 */
export function suggestTargetFixes(raw: string, indicatorName?: string | null): string[] {
  const parsed = parseTargetValue(raw);
  if (parsed.kind === 'empty' || parsed.kind === 'compare') return [];
  if (parsed.kind === 'quantitative') {
    if (!parsed.impliedOperator || parsed.value === null) return [];
    return unique(impliedOperators(parsed.value, parsed.unit).map((op) => quant(op, parsed.value as string, parsed.unit)));
  }
  const s = repairLookalikes(normaliseTargetChars(raw).trim());
  const range = parseRangeForm(s);
  if (range) {
    if (!range.reversed) return [formatTargetValue(parseTargetValue(s))];
    return [formatTargetValue(between(range.valueMax, range.value, range.unit))];
  }
  return unique(fixesOfOneNumber(s, indicatorName ?? ''));
}

const NUMBER_G = /[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?|[+-]?\.[0-9]+/g;
const SYMBOL_OPERATORS: Record<string, TargetOperator> = { '>=': '≥', '≥': '≥', '>': '>', '=': '=', '==': '=', '<=': '≤', '≤': '≤', '<': '<' };
/** Words before a number that state a target to reach (≥, or exactly it) or an approximate value (=). */
const REACH_WORDS = new Set(['达到', '达', '确保', '实现', '保持', '力争', '争取', '确保达到', '力争达到']);
const ABOUT_WORDS = new Set(['约', '大约', '约为', '为']);
const ABOUT_TAIL_RE = /^(?:左右|上下)$/;
const DONE_TAIL_RE = /^(?:完成|达标)$/;
/** `3个工作日内完成`: within that many units → ≤. */
const INSIDE_TAIL_RE = /^内(?:完成|办结|解决|答复|处理)?$/;
const REMARK_TAIL_RE = /^[,;。，；、]/;

function fixesOfOneNumber(s: string, name: string): string[] {
  const numbers = [...s.matchAll(NUMBER_G)];
  if (numbers.length !== 1) return [];
  const m = numbers[0];
  const written = m[0].startsWith('.') || /^[+-]\./.test(m[0]) ? m[0].replace('.', '0.') : m[0];
  const value = canonicalDecimal(written);
  if (value === null) return [];
  const before = s.slice(0, m.index).trim();
  const after = s.slice((m.index ?? 0) + m[0].length);
  const symbol = SYMBOL_OPERATORS[before];
  const ops = operatorsBefore(before);
  if (ops === null) return [];
  for (const { unit, tail } of unitSplits(after)) {
    const tailOps = operatorsAfter(tail, symbol !== undefined);
    if (tailOps === null) continue;
    let chosen = ops.length > 0 ? ops : tailOps;
    if (ops.length > 0 && tailOps.length > 0 && !tailOps.includes(ops[0])) chosen = [...ops, ...tailOps];
    const u = unit ?? unitFromName(name, value);
    if (chosen.length === 0) chosen = impliedOperators(value, u);
    return chosen.map((op) => quant(op, value, u));
  }
  return [];
}

/** Operators stated before the number: [] for none, null when the text there is not a known word. */
function operatorsBefore(before: string): TargetOperator[] | null {
  if (before === '') return [];
  const symbol = SYMBOL_OPERATORS[before];
  if (symbol) return [symbol];
  if (before === '控制在') return ['≤'];
  const word = operatorBeforeNumber(before);
  if (word) return [word];
  if (REACH_WORDS.has(before)) return ['≥', '='];
  if (ABOUT_WORDS.has(before)) return ['='];
  return null;
}

/** Operators stated after the unit: [] for none, null when the text there is not a known word. */
function operatorsAfter(tail: string, symbolBefore: boolean): TargetOperator[] | null {
  const t = tail.trim();
  if (t === '') return [];
  const word = operatorAfterNumber(t);
  if (word) return [word];
  if (ABOUT_TAIL_RE.test(t)) return ['='];
  if (DONE_TAIL_RE.test(t)) return ['=', '≥'];
  if (INSIDE_TAIL_RE.test(t)) return ['≤'];
  if (symbolBefore && REMARK_TAIL_RE.test(t)) return [];
  return null;
}

/** The ways to read the text after the number as `Unit? Tail`, longest unit first. */
function unitSplits(after: string): { unit: string | null; tail: string }[] {
  const a = after.trim();
  const out: { unit: string | null; tail: string }[] = [];
  const bracket = /^\(([^()]*)\)/.exec(a);
  if (bracket) {
    const unit = parseUnitPart(bracket[0]);
    if (unit !== undefined) out.push({ unit, tail: a.slice(bracket[0].length) });
  }
  const chars = Array.from(a);
  for (let n = Math.min(chars.length, 8); n >= 1; n--) {
    const head = chars.slice(0, n).join('');
    const unit = parseUnitPart(head);
    if (unit) out.push({ unit, tail: chars.slice(n).join('') });
  }
  out.push({ unit: null, tail: a });
  return out;
}

/** `=` and `≥` for a number written without an operator; `=` first only for 100%. */
function impliedOperators(value: string, unit: string | null): TargetOperator[] {
  return unit === '%' && Dec.of(value).eq(Dec.fromInt(100)) ? ['=', '≥'] : ['≥', '='];
}

const NAME_UNIT_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/率|满意度|占比|比例|百分比|覆盖面/, '%'],
  [/人次/, '人次'],
  [/(?:得分|评分|分数|分值)$/, '分'],
  [/次数$/, '次'],
  [/人数$/, '人'],
  [/户数$/, '户'],
  [/家数$/, '家'],
  [/件数$/, '件'],
  [/天数$/, '天'],
  [/场次$/, '场'],
  [/篇数$/, '篇'],
  [/项数$/, '项'],
];

/** The unit an indicator name states (`（个）` at its end, or a word like 满意度), else % for 0–100. */
function unitFromName(name: string, value: string): string | null {
  const n = normaliseTargetChars(name).trim();
  const tag = /\(([^()]{1,8})\)$/.exec(n);
  if (tag && parseUnitPart(tag[0])) return parseUnitPart(tag[0]) ?? null;
  const rule = NAME_UNIT_RULES.find(([re]) => re.test(n));
  if (rule) return rule[1];
  const v = Dec.of(value);
  return !v.isNegative() && v.lte(Dec.fromInt(100)) ? '%' : null;
}

/** `9O%` → `90%`, `l00` → `100`: letters that look like digits, when next to a digit or a dot. */
function repairLookalikes(s: string): string {
  return s
    .replace(/(?<=[0-9.])[Oo]|[Oo](?=[0-9.])/g, '0')
    .replace(/(?<=[0-9.])[Il]|[Il](?=[0-9.])/g, '1');
}

/** The canonical text of a quantity (direction does not show in the text). */
function quant(operator: TargetOperator, value: string, unit: string | null): string {
  return formatTargetValue({ raw: '', text: '', kind: 'quantitative', operator, value, unit, direction: 'equal' });
}

function between(value: string, valueMax: string, unit: string | null): TargetValue {
  return { raw: '', text: '', kind: 'quantitative', operator: 'between', value, valueMax, unit, direction: 'equal' };
}

function unique(texts: string[]): string[] {
  return [...new Set(texts.filter((t) => t !== ''))];
}
