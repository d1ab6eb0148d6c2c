/**
 * In-year monitoring (运行监控, domain README §7). Pure functions, exact decimals (`Dec`).
 *
 * Traffic light of one indicator:
 * - progress of a positive (≥ >) or equal (= with target > 0) indicator:
 *     cumulative: current / (target × month / 12)   (the share of the annual target due by that month)
 *     otherwise:  current / target
 *   `cumulative` defaults to `isCumulativeUnit(unit)`: a running total (个, 人次, 万元, 次/年 …) is pro-rated,
 *   a level (%, ‰, 分, 级, 星, 倍, 元/人 …: "a rate indicator's progress = current / target") is not,
 *   so an assessment score ≥90(分) at 88 in July is 97.78 % green, not 167.62 % blue; an explicit
 *   `cumulative` is obeyed.
 * - thresholds on the progress shown (percent rounded half-up to 2 decimals, so the colour always
 *   agrees with the number displayed): red < 60, yellow 60–<80, green 80–<120, blue ≥ 120.
 * - reverse (≤ <): green while current ≤ target, else red; progress = current / target when target > 0.
 * - a range (between, `90%-95%`) is judged against its nearer bound, as it is scored: above the upper
 *   bound it is red like a reverse indicator (reason ABOVE_RANGE, progress = current / upper; the upper bound
 *   is never pro-rated, as a reverse target is not); otherwise it is an equal value against the lower
 *   bound (pro-rated when cumulative), red/yellow/green by the thresholds and never blue (the upper
 *   bound, not 120 %, says when there is too much). A lower bound ≤ 0: green inside, red below (TARGET_ZERO).
 * - target 0 (or negative), where a ratio is meaningless: equal/reverse ("=0(起)", "≤0") are green while
 *   current ≤ target, else red; positive ("≥0") is green while current ≥ target, else red; progress null.
 * - qualitative, compare, empty or malformed targets have no numeric progress: 'none', unless a
 *   likelihood (完成目标可能性) is given, which then decides: 确定能 green, 有可能 yellow, 完全不可能 red.
 * - a missing current value: 'none' with reason MISSING_CURRENT (an invalid one: INVALID_CURRENT).
 *
 * Budget: execution progress = (executed / annualBudget) / (month / 12), red < 60, yellow 60–<80,
 * green ≥ 80 (no blue). A zero, negative, missing or invalid budget number gives 'none' with a reason.
 *
 * Project: the worst light (red > yellow > green > blue), 'none' ignored; all 'none' → 'none'.
 */
import { Dec } from './decimal';
import { normaliseUnit } from './target-value-parts';
import type { TargetValue } from './types';

export type MonitoringLight = 'red' | 'yellow' | 'green' | 'blue' | 'none';
export type Likelihood = '确定能' | '有可能' | '完全不可能';
export type DeviationReason = '经费保障' | '制度保障' | '人员保障' | '硬件条件保障' | '其他';

export const LIKELIHOODS: readonly Likelihood[] = ['确定能', '有可能', '完全不可能'];
export const DEVIATION_REASONS: readonly DeviationReason[] = ['经费保障', '制度保障', '人员保障', '硬件条件保障', '其他'];

/** Lower bounds in percent (inclusive). */
export const LIGHT_THRESHOLDS = Object.freeze({ yellow: '60', green: '80', blue: '120' });

/** Why a light is what it is, where it is not a plain progress comparison. */
export type LightReason =
  | 'MISSING_CURRENT'
  | 'INVALID_CURRENT'
  | 'NOT_QUANTITATIVE'
  | 'LIKELIHOOD'
  | 'TARGET_ZERO'
  | 'REVERSE'
  | 'ABOVE_RANGE'
  | 'MISSING_BUDGET'
  | 'INVALID_BUDGET'
  | 'BUDGET_ZERO';

export interface LightResult {
  light: MonitoringLight;
  /** Progress in percent with 2 decimals ("87.50"), null when there is none. */
  progress: string | null;
  reason?: LightReason;
}

export interface BudgetLightResult extends LightResult {
  /** executed / annualBudget in percent with 2 decimals, null when it cannot be computed. */
  executionRate: string | null;
}

export interface IndicatorLightInput {
  target: TargetValue;
  current: string | null;
  /** 1..12 (monitoring is usually on Jan–Jul data: 7). */
  month: number;
  cumulative?: boolean;
  /** Used only for rows without a numeric target (qualitative / compare / empty). */
  likelihood?: Likelihood | null;
}

const HUNDRED = Dec.fromInt(100);
const TWELVE = Dec.fromInt(12);

function checkMonth(month: number): Dec {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`month must be an integer from 1 to 12, got ${month}`);
  }
  return Dec.fromInt(month);
}

/**
 * Units of a level (rate, score, grade, multiple, duration of one event): not running totals. Not here, as
 * they also count things: 名 and 位 (people: 招录20名), 度 (kWh), 天 and 小时 (days open, training hours).
 */
const LEVEL_UNITS = new Set(['%', '‰', '分', '级', '星', '星级', '等级', '档', '倍', '岁', '℃', '分贝', 'dB', '百分点', '个百分点', '秒', '分钟', '指数']);

/**
 * Whether an indicator with this unit is a running total whose due share by month m is target × m / 12.
 * Levels (LEVEL_UNITS) are not; a unit "a/b" is a level (元/人, 次/场, 分/次) unless it counts per year
 * (次/年, 期/年: those accumulate over the year). No unit: cumulative, as before (MISSING_UNIT asks for one).
 */
export function isCumulativeUnit(unit: string | null | undefined): boolean {
  const u = normaliseUnit(unit);
  if (u === '') return true;
  if (LEVEL_UNITS.has(u)) return false;
  const slash = u.indexOf('/');
  return slash < 0 || u.slice(slash + 1) === '年';
}

function lightFor(percent: Dec, withBlue: boolean): MonitoringLight {
  if (percent.lt(Dec.of(LIGHT_THRESHOLDS.yellow))) return 'red';
  if (percent.lt(Dec.of(LIGHT_THRESHOLDS.green))) return 'yellow';
  if (withBlue && percent.gte(Dec.of(LIGHT_THRESHOLDS.blue))) return 'blue';
  return 'green';
}

function likelihoodLight(l: Likelihood | null | undefined): MonitoringLight {
  switch (l) {
    case '确定能':
      return 'green';
    case '有可能':
      return 'yellow';
    case '完全不可能':
      return 'red';
    default:
      return 'none';
  }
}

/**
 * Whether a row's light is computed from its current value (a number in the target's unit): a readable
 * quantitative target. Other rows (qualitative, compare, malformed) are judged by the likelihood, and
 * their current value is a text (完成情况), kept as written.
 */
export function hasNumericProgress(t: TargetValue): boolean {
  const target = t.kind === 'quantitative' && !t.malformed ? Dec.parse((t.value ?? '').trim()) : null;
  return target !== null && (t.direction === 'positive' || t.direction === 'equal' || t.direction === 'reverse');
}

/** A current value as a number: a decimal in the target's unit, at most 15 digits and 4 decimals (as an actual value). */
const CURRENT_NUMBER_RE = /^-?\d{1,15}(\.\d{1,4})?$/;

/**
 * What is wrong with a row's 当前完成值, or null: a row whose light is computed from it needs a number;
 * a qualitative or compare row takes a text (完成情况), as written.
 */
export function monitoringCurrentProblem(target: TargetValue, current: string | null | undefined): string | null {
  const v = (current ?? '').trim();
  if (v === '' || !hasNumericProgress(target) || CURRENT_NUMBER_RE.test(v)) return null;
  return '当前完成值须为数字（最多四位小数），单位与指标值相同，如 95 或 12.5（定量指标；文字说明请填在“全年预计完成情况”）';
}

/** The light of one indicator (see the module comment for the rules). Throws RangeError for a month outside 1..12. */
export function indicatorLight(input: IndicatorLightInput): LightResult {
  const month = checkMonth(input.month);
  const t = input.target;
  const target = hasNumericProgress(t) ? Dec.parse((t.value ?? '').trim()) : null;
  if (target === null) {
    const light = likelihoodLight(input.likelihood);
    return { light, progress: null, reason: light === 'none' ? 'NOT_QUANTITATIVE' : 'LIKELIHOOD' };
  }
  const raw = input.current;
  if (raw === null || raw === undefined || raw.trim() === '') return { light: 'none', progress: null, reason: 'MISSING_CURRENT' };
  const current = Dec.parse(raw.trim());
  if (!current) return { light: 'none', progress: null, reason: 'INVALID_CURRENT' };

  if (t.operator === 'between') return rangeLight(target, Dec.parse((t.valueMax ?? '').trim()), current, month, input.cumulative ?? isCumulativeUnit(t.unit));
  if (t.direction === 'reverse') {
    const progress = target.isPositive() ? current.div(target).mul(HUNDRED).toFixed(2) : null;
    return { light: current.lte(target) ? 'green' : 'red', progress, reason: target.isPositive() ? 'REVERSE' : 'TARGET_ZERO' };
  }
  if (!target.isPositive()) {
    const ok = t.direction === 'equal' ? current.lte(target) : current.gte(target);
    return { light: ok ? 'green' : 'red', progress: null, reason: 'TARGET_ZERO' };
  }
  const cumulative = input.cumulative ?? isCumulativeUnit(t.unit);
  const due = cumulative ? target.mul(month).div(TWELVE) : target;
  const percent = current.div(due).mul(HUNDRED).roundHalfUp(2);
  return { light: lightFor(percent, true), progress: percent.toFixed(2) };
}

/** A range's light (see the module comment): reverse above the upper bound, equal against the lower one. */
function rangeLight(lower: Dec, upper: Dec | null, current: Dec, month: Dec, cumulative: boolean): LightResult {
  if (upper === null) return { light: 'none', progress: null, reason: 'NOT_QUANTITATIVE' };
  if (current.gt(upper)) {
    return { light: 'red', progress: upper.isPositive() ? current.div(upper).mul(HUNDRED).toFixed(2) : null, reason: 'ABOVE_RANGE' };
  }
  if (!lower.isPositive()) return { light: current.gte(lower) ? 'green' : 'red', progress: null, reason: 'TARGET_ZERO' };
  const due = cumulative ? lower.mul(month).div(TWELVE) : lower;
  const percent = current.div(due).mul(HUNDRED).roundHalfUp(2);
  return { light: lightFor(percent, false), progress: percent.toFixed(2) };
}

/** Budget execution light against month / 12, without blue. Throws RangeError for a month outside 1..12. */
export function budgetLight(input: { annualBudget: string | null; executed: string | null; month: number }): BudgetLightResult {
  const month = checkMonth(input.month);
  const none = (reason: LightReason): BudgetLightResult => ({ light: 'none', progress: null, executionRate: null, reason });
  const { annualBudget, executed } = input;
  if (annualBudget === null || annualBudget === undefined || annualBudget.trim() === '') return none('MISSING_BUDGET');
  if (executed === null || executed === undefined || executed.trim() === '') return none('MISSING_CURRENT');
  const b = Dec.parse(annualBudget.trim());
  const e = Dec.parse(executed.trim());
  if (!b || b.isNegative()) return none('INVALID_BUDGET');
  if (!e || e.isNegative()) return none('INVALID_CURRENT');
  if (b.isZero()) return none('BUDGET_ZERO');
  const rate = e.div(b);
  const percent = rate.mul(TWELVE).div(month).mul(HUNDRED).roundHalfUp(2);
  return { light: lightFor(percent, false), progress: percent.toFixed(2), executionRate: rate.mul(HUNDRED).toFixed(2) };
}

const SEVERITY: Record<Exclude<MonitoringLight, 'none'>, number> = { red: 4, yellow: 3, green: 2, blue: 1 };

/** The worst light (red > yellow > green > blue); 'none' is ignored; no lights → 'none'. */
export function projectLight(lights: readonly MonitoringLight[]): MonitoringLight {
  let worst: MonitoringLight = 'none';
  for (const l of lights) {
    if (l === 'none' || !(l in SEVERITY)) continue;
    if (worst === 'none' || SEVERITY[l] > SEVERITY[worst]) worst = l;
  }
  return worst;
}

export interface MonitoringProblem {
  field: 'likelihood' | 'reasons' | 'measures';
  code: 'LIKELIHOOD_INVALID' | 'REASON_REQUIRED' | 'REASON_INVALID' | 'MEASURES_REQUIRED';
  message: string;
}

/**
 * Checks one monitoring row (README §7): when the likelihood is not 确定能 at least one deviation
 * reason and non-empty measures (纠偏措施) are required. Unknown reasons are reported whatever the
 * likelihood; a missing/unknown likelihood is itself a problem (and the reasons/measures are then required).
 */
export function monitoringRowProblems(row: {
  likelihood: Likelihood | string | null | undefined;
  reasons: readonly string[] | null | undefined;
  measures: string | null | undefined;
}): MonitoringProblem[] {
  const problems: MonitoringProblem[] = [];
  const likelihood = row.likelihood;
  if (!LIKELIHOODS.includes(likelihood as Likelihood)) {
    problems.push({
      field: 'likelihood',
      code: 'LIKELIHOOD_INVALID',
      message: '请选择完成目标可能性：确定能、有可能或完全不可能',
    });
  }
  const reasons = row.reasons ?? [];
  const unknown = reasons.filter((r) => !DEVIATION_REASONS.includes(r as DeviationReason));
  if (unknown.length > 0) {
    problems.push({
      field: 'reasons',
      code: 'REASON_INVALID',
      message: `偏差原因“${unknown.join('、')}”无效，应为经费保障、制度保障、人员保障、硬件条件保障或其他`,
    });
  }
  if (likelihood !== '确定能') {
    if (reasons.filter((r) => DEVIATION_REASONS.includes(r as DeviationReason)).length === 0) {
      problems.push({ field: 'reasons', code: 'REASON_REQUIRED', message: '完成目标可能性不是“确定能”时，须选择至少一项偏差原因' });
    }
    if ((row.measures ?? '').trim() === '') {
      problems.push({ field: 'measures', code: 'MEASURES_REQUIRED', message: '完成目标可能性不是“确定能”时，须填写纠偏措施' });
    }
  }
  return problems;
}
