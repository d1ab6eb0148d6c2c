/**
 * The self-evaluation's model (绩效自评, domain README §8): inputs, results, problems and flags, the grade bands and
 * the default settings. The rules are in scoring.ts (the decisions), scoring-weights.ts, scoring-rows.ts.
 */
import { Dec } from './decimal';
import type { Framework, TargetValue } from './types';

export type QualitativeGrade = '达成' | '部分达成' | '未达成';
export type TotalGrade = '优' | '良' | '中' | '差';

export interface ScoringSettings {
  /** Reverse indicators above target: 'linear' = 分值 × (1 − (actual − target) / target), 'ratio' = 分值 × target / actual. */
  reverseRule: 'linear' | 'ratio';
  /** Flag an actual more than this fraction above a positive target (decimal string, "0.20"). */
  farAboveThreshold: string;
  /** Points for 预算执行率 (decimal string, "10"). */
  budgetPoints: string;
  /** Points for the indicators (decimal string, "90"). */
  indicatorPoints: string;
  /** Total grades with their inclusive lower bounds, best first (优 90, 良 80, 中 60, 差 0). */
  gradeBands: ReadonlyArray<{ grade: TotalGrade; min: string }>;
}

export const DEFAULT_SCORING_SETTINGS: Readonly<ScoringSettings> = Object.freeze({
  reverseRule: 'linear',
  farAboveThreshold: '0.20',
  budgetPoints: '10',
  indicatorPoints: '90',
  gradeBands: Object.freeze([
    { grade: '优', min: '90' },
    { grade: '良', min: '80' },
    { grade: '中', min: '60' },
    { grade: '差', min: '0' },
  ] as const),
});

export interface EvaluationRowInput {
  level1: string;
  level2: string;
  name: string;
  /** Parsed 指标值. */
  target: TargetValue;
  /** Explicit 分值 (decimal string) or null/undefined/"" for the default split. */
  weight?: string | null;
  /** Decimal string in the target's unit (quantitative rows). */
  actual?: string | null;
  /** Unit the actual was given in, if any; differing from the target unit → UNIT_MISMATCH. */
  actualUnit?: string | null;
  /** Qualitative rows (and rows with an empty/malformed target). */
  grade?: QualitativeGrade | null;
  /** Explicit score: qualitative — within the grade band; compare — within [0, 分值]. */
  score?: string | null;
  /** Compare rows. */
  achieved?: boolean | null;
  /** What was achieved (required for qualitative rows). */
  description?: string | null;
  /** 偏差原因分析及改进措施 (required before 提交 when the row misses its target: see scoring-deviation.ts). */
  deviationReason?: string | null;
  /** The reviewer applied 10号's deduction for a far-exceeded target set too low (scoring-deviation.ts rule 3). */
  deduction?: boolean | null;
}

export interface EvaluationInput {
  framework: Framework;
  rows: EvaluationRowInput[];
  budget: { annualBudget: string; executed: string };
  settings?: Partial<ScoringSettings>;
}

export type EvaluationProblemSeverity = 'error' | 'warning';

export interface EvaluationProblem {
  /** Row index in `rows`, null for the budget, a group or the whole evaluation. */
  index: number | null;
  /** Input field concerned: 'actual', 'score', 'weight', 'grade', 'achieved', 'actualUnit', 'description', 'level1', 'budget.annualBudget', 'budget.executed', 'rows'. */
  field: string;
  /** Stable code (see EVALUATION_PROBLEM_CODES). */
  code: string;
  /** Chinese message for users. */
  message: string;
  severity: EvaluationProblemSeverity;
  /** For group-level problems: the group (pool) name, e.g. "产出指标（含成本指标）". */
  group?: string;
}

export interface EvaluationItemResult {
  index: number;
  /** The framework's 一级 name this row belongs to, null for placeholders and unknown groups. */
  group: string | null;
  /** 分值, two decimals. */
  weight: string;
  /** 得分, rounded half-up to two decimals. */
  score: string;
  achieved: boolean | null;
  flags: string[];
}

export interface EvaluationGroupResult {
  /** Pool name: the weighted group's name (a cost group sharing it is listed in `members`). */
  name: string;
  members: string[];
  weight: string;
  score: string;
  rowCount: number;
}

export interface EvaluationResult {
  /** executed / annualBudget in percent, two decimals, not capped (e.g. "95.00", "105.00"). */
  executionRate: string;
  /** budgetPoints × min(rate, 1), two decimals. */
  executionScore: string;
  items: EvaluationItemResult[];
  /** Sum of the rounded row scores. */
  indicatorScore: string;
  /** executionScore + indicatorScore. */
  totalScore: string;
  grade: TotalGrade;
  problems: EvaluationProblem[];
  groups: EvaluationGroupResult[];
}

/** Flags on items. */
export const EVALUATION_FLAGS = [
  'PLACEHOLDER',
  'UNKNOWN_GROUP',
  'MISSING_ACTUAL',
  'INVALID_ACTUAL',
  'NEGATIVE_ACTUAL',
  'UNIT_MISMATCH',
  'FAR_ABOVE_TARGET',
  'MISSING_DESCRIPTION',
  'MISSING_TARGET',
  'MALFORMED_TARGET',
  'SCORE_OUTSIDE_BAND',
  'SCORE_OUT_OF_RANGE',
  'DEVIATION_DEDUCTED',
  'DEDUCTION_NOT_APPLICABLE',
] as const;

/** Problem codes. */
export const EVALUATION_PROBLEM_CODES = [
  'INVALID_DECIMAL', // error: a decimal field does not parse (or has more than 2 decimals where 2 are allowed)
  'MISSING_VALUE', // error: budget.annualBudget / budget.executed missing
  'NEGATIVE_VALUE', // error: a negative budget number or 分值 / score
  'BUDGET_ZERO', // error: 全年预算数 is 0
  'EXECUTION_ABOVE_BUDGET', // warning: 执行数 > 全年预算数
  'INVALID_GRADE', // error: grade not 达成/部分达成/未达成
  'SCORE_OUTSIDE_BAND', // error: qualitative explicit score outside its grade band
  'SCORE_OUT_OF_RANGE', // error: compare explicit score outside [0, 分值]
  'SCORE_IGNORED', // warning: explicit score on a quantitative row (scored by formula)
  'UNIT_MISMATCH', // error: actualUnit differs from the target unit
  'MISSING_ACTUAL', // warning: actual / grade / achieved missing (scored 0)
  'MISSING_DESCRIPTION', // warning: qualitative row without a description
  'WEIGHTS_NOT_ADDING_UP', // error: explicit 分值 of a group do not add up to its weight
  'WEIGHTS_INCOMPLETE', // error: explicit 分值 on some rows of a group but not all
  'GROUP_WEIGHT_REDISTRIBUTED', // warning: a weighted group has no rows; its weight went to the others
  'UNKNOWN_GROUP', // warning: 一级 not in the framework (row gets 分值 0)
  'NO_INDICATORS', // error: no scorable row at all
  'DEDUCTION_NOT_APPLICABLE', // warning: a deduction on a row that is not far above a positive target (not applied)
  'MISSING_DEVIATION_REASON', // at 提交 (submissionProblems): error for a missed target, warning for a far-exceeded one
  'FUNDS_NOT_ADDING_UP', // at 提交 (fundsProblems): error, the sources of a funds column do not add up to its total
] as const;

/**
 * Qualitative grade bands as fractions of 分值 (README §8): 达成 [0.80, 1.00], 部分达成 [0.60, 0.80),
 * 未达成 [0, 0.60); `default` is the fraction used without an explicit score.
 */
export const GRADE_BANDS: Readonly<
  Record<QualitativeGrade, { min: string; max: string; maxInclusive: boolean; default: string; label: string }>
> = Object.freeze({
  达成: { min: '0.80', max: '1.00', maxInclusive: true, default: '1.00', label: '达成年度指标' },
  部分达成: { min: '0.60', max: '0.80', maxInclusive: false, default: '0.70', label: '部分达成年度指标并具有一定效果' },
  未达成: { min: '0', max: '0.60', maxInclusive: false, default: '0', label: '未达成年度指标且效果较差' },
});

/** Total grade thresholds (inclusive lower bounds): 优 ≥ 90, 良 80–<90, 中 60–<80, 差 < 60. */
export const TOTAL_GRADE_BANDS: ReadonlyArray<{ grade: TotalGrade; min: string }> = DEFAULT_SCORING_SETTINGS.gradeBands;

/** The total grade for a total score (decimal string; throws DecimalError when it does not parse), by `bands` (best first). */
export function gradeFor(total: string, bands: ScoringSettings['gradeBands'] = TOTAL_GRADE_BANDS): TotalGrade {
  const t = Dec.of(total);
  for (const b of bands) {
    if (t.gte(Dec.of(b.min))) return b.grade;
  }
  return '差';
}
