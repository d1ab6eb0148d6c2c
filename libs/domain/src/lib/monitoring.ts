/**
 * In-year monitoring (运行监控, domain README §7). Pure functions, exact decimals (`Dec`).
 *
 * Traffic light of one indicator:
 * - progress of a positive (≥ >) or equal (= with target > 0) indicator:
 *     cumulative: current / (target × month / 12)   (the share of the annual target due by that month)
 *     otherwise:  current / target
 *   `cumulative` defaults to true, except for rate indicators (unit %, ％ or ‰), which default to false
 *   ("a rate indicator's progress = current / target"); an explicit `cumulative` is obeyed.
 * - thresholds on the progress shown (percent rounded half-up to 2 decimals, so the colour always
 *   agrees with the number displayed): red < 60, yellow 60–<80, green 80–<120, blue ≥ 120.
 * - reverse (≤ <): green while current ≤ target, else red; progress = current / target when target > 0.
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

function isRateUnit(unit: string | null): boolean {
  const u = (unit ?? '').replace(/[\s\u3000()（）]/g, '');
  return u === '%' || u === '％' || u === '‰';
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

/** The light of one indicator (see the module comment for the rules). Throws RangeError for a month outside 1..12. */
export function indicatorLight(input: IndicatorLightInput): LightResult {
  const month = checkMonth(input.month);
  const t = input.target;
  const target = t.kind === 'quantitative' && !t.malformed ? Dec.parse((t.value ?? '').trim()) : null;
  const numeric = target !== null && (t.direction === 'positive' || t.direction === 'equal' || t.direction === 'reverse');
  if (!numeric) {
    const light = likelihoodLight(input.likelihood);
    return { light, progress: null, reason: light === 'none' ? 'NOT_QUANTITATIVE' : 'LIKELIHOOD' };
  }
  const raw = input.current;
  if (raw === null || raw === undefined || raw.trim() === '') return { light: 'none', progress: null, reason: 'MISSING_CURRENT' };
  const current = Dec.parse(raw.trim());
  if (!current) return { light: 'none', progress: null, reason: 'INVALID_CURRENT' };

  if (t.direction === 'reverse') {
    const progress = target.isPositive() ? current.div(target).mul(HUNDRED).toFixed(2) : null;
    return { light: current.lte(target) ? 'green' : 'red', progress, reason: target.isPositive() ? 'REVERSE' : 'TARGET_ZERO' };
  }
  if (!target.isPositive()) {
    const ok = t.direction === 'equal' ? current.lte(target) : current.gte(target);
    return { light: ok ? 'green' : 'red', progress: null, reason: 'TARGET_ZERO' };
  }
  const cumulative = input.cumulative ?? !isRateUnit(t.unit);
  const due = cumulative ? target.mul(month).div(TWELVE) : target;
  const percent = current.div(due).mul(HUNDRED).roundHalfUp(2);
  return { light: lightFor(percent, true), progress: percent.toFixed(2) };
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
