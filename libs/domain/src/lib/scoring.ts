/**
 * Self-evaluation scoring (绩效自评, domain README §8; 财预〔2020〕10号 defaults). Pure functions, exact
 * decimals (`Dec`), no floats.
 *
 * Decisions (also listed in the hand-over notes):
 *
 * 1. Points: total = budgetPoints (10) for 预算执行率 + indicatorPoints (90) for the indicators.
 *    Framework group weights are points out of 90 and are scaled by indicatorPoints / 90 when the
 *    setting differs.
 * 2. Weight pools: every framework group with a weight is a pool; a `cost` group without a weight
 *    joins the pool of the framework's first `output` group (mof-2021: 成本 + 产出 rows share 50).
 *    Groups without a weight (all of shanghai-2020) share what the weighted groups leave of the
 *    indicator points (shanghai-2020: all 90) equally, counting only groups that have rows.
 * 3. A weighted pool without any rows (e.g. no 满意度 indicator): its weight is REDISTRIBUTED to the
 *    pools that have rows, proportionally to their weights (mof-2021 without 满意度: 产出 56.25, 效益
 *    33.75), and a warning `GROUP_WEIGHT_REDISTRIBUTED` names the group. Why: the 自评表 is always
 *    read out of 100 and the grade bands (优 ≥ 90) assume it; a table approved without 满意度 (a
 *    warning, not an error, in the checks) must not be capped at 90, and shanghai-2020 already
 *    splits the points among the groups that have rows — the same principle.
 * 4. Pool and row weights are whole cents that add up exactly: a pool's weight is split equally
 *    among its rows, the cents left over go one each to the first rows in table order
 *    (50 / 3 → 16.67, 16.67, 16.66). Pool weights are placed the same way (largest remainder).
 *    So the 分值 column always adds up to exactly 90.00 and a row's score never exceeds its 分值.
 * 5. Explicit 分值: all rows of a pool must carry one, each a decimal ≥ 0 with at most 2 decimals,
 *    adding up to the pool weight. Otherwise a problem (`WEIGHTS_INCOMPLETE`, `INVALID_DECIMAL`,
 *    `WEIGHTS_NOT_ADDING_UP`, field `weight`, naming the group) and that pool falls back to the
 *    default split so the result stays consistent.
 * 6. Unit mismatch (actualUnit given and different from the target unit after normalising brackets
 *    and full-width %): score 0, flag `UNIT_MISMATCH` and an error problem — no unit conversion is
 *    attempted, because a silently wrong score (0.95 vs 95 %) is worse than asking to restate it.
 * 7. executionRate is executed / annualBudget as a percentage with 2 decimals, NOT capped
 *    ("105.00" shows over-execution; a warning `EXECUTION_ABOVE_BUDGET` is added); the score uses
 *    min(rate, 1). With an invalid, negative or zero budget the rate and score are "0.00" and an
 *    error problem names the field.
 * 8. Problems that break a rule have severity 'error' (the API answers 422 with them); the rest
 *    are 'warning'. Whatever the problems, a complete, self-consistent result is returned: an
 *    explicit score outside its band / range is ignored and the default for the grade is used.
 * 9. Rows whose 指标值 is malformed or empty (but which have a name) and qualitative rows are
 *    scored by the evaluator's grade (flags `MALFORMED_TARGET` / `MISSING_TARGET` mark the first two).
 * 10. A compare row (比…) accepts an explicit score in [0, 分值] for achieved true or false (README §8);
 *    default full when achieved, 0 when not.
 * 11. `achieved` on an item: quantitative — the target is met (full score before rounding);
 *    qualitative — grade 达成; compare — as given; null when missing or for placeholders.
 */
import { Dec, DecimalError, isDecimalString } from './decimal';
import { normaliseLevelName } from './frameworks';
import type { Framework, FrameworkGroup, TargetValue } from './types';
import { farAboveDeductionFraction } from './scoring-deviation';
import { rangeFraction } from './scoring-range';

// Deviations (偏差原因 before 提交, the reviewer's deduction) and the funds block of the 自评表.
export * from './scoring-deviation';
export * from './scoring-funds';

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

// ---------------------------------------------------------------------------------------------
// Settings

interface ResolvedSettings {
  reverseRule: 'linear' | 'ratio';
  farAbove: Dec;
  budgetPoints: Dec;
  indicatorPoints: Dec;
  gradeBands: ScoringSettings['gradeBands'];
}

/** Framework group weights are expressed out of this many points. */
const FRAMEWORK_WEIGHT_BASE = Dec.fromInt(90);
const HUNDRED = Dec.fromInt(100);

function resolveSettings(s: Partial<ScoringSettings> | undefined): ResolvedSettings {
  const m = { ...DEFAULT_SCORING_SETTINGS, ...(s ?? {}) };
  if (m.reverseRule !== 'linear' && m.reverseRule !== 'ratio') {
    throw new DecimalError('INVALID_DECIMAL', `invalid reverseRule ${String(m.reverseRule)}`);
  }
  const nonNeg = (v: string, name: string, maxScale?: number): Dec => {
    if (!isDecimalString(v, maxScale)) throw new DecimalError('INVALID_DECIMAL', `invalid setting ${name}: ${v}`);
    const d = Dec.of(v);
    if (d.isNegative()) throw new DecimalError('INVALID_DECIMAL', `negative setting ${name}: ${v}`);
    return d;
  };
  return {
    reverseRule: m.reverseRule,
    farAbove: nonNeg(m.farAboveThreshold, 'farAboveThreshold'),
    budgetPoints: nonNeg(m.budgetPoints, 'budgetPoints', 2),
    indicatorPoints: nonNeg(m.indicatorPoints, 'indicatorPoints', 2),
    gradeBands: m.gradeBands.map((b, i) => ({ grade: b.grade, min: nonNeg(b.min, `gradeBands[${i}].min`, 2).toString() })),
  };
}

// ---------------------------------------------------------------------------------------------
// Weights

interface WeightRowLike {
  level1: string;
  name: string;
  target: TargetValue | string;
}

interface Pool {
  /** Pool name (the weighted group, or the group itself). */
  name: string;
  /** Label for messages, e.g. 产出指标（含成本指标）. */
  label: string;
  members: FrameworkGroup[];
  official: Dec | null;
  rows: number[];
  /** Weight in cents (after redistribution and cent placement). */
  cents: bigint;
}

interface WeightPlan {
  pools: Pool[];
  /** Pool index per row, -1 for placeholders, -2 for rows whose 一级 is unknown. */
  poolOf: number[];
  /** Framework group name per row (null for placeholders / unknown). */
  groupOf: (string | null)[];
  /** Default split in cents per row (0 for placeholders / unknown). */
  defaultCents: bigint[];
  problems: EvaluationProblem[];
}

function isPlaceholder(row: WeightRowLike): boolean {
  const t = row.target;
  const emptyTarget = typeof t === 'string' ? t.trim() === '' : t.kind === 'empty' || (t.raw ?? '').trim() === '';
  return emptyTarget && (row.name ?? '').trim() === '';
}

/** Strip a trailing 指标/目标 for lenient matching ("产出" ~ "产出指标"). */
function levelStem(name: string): string {
  return normaliseLevelName(name).replace(/(指标|目标)$/, '');
}

function matchGroup(framework: Framework, level1: string): FrameworkGroup | undefined {
  const n = normaliseLevelName(level1 ?? '');
  if (n === '') return undefined;
  return (
    framework.groups.find((g) => normaliseLevelName(g.name) === n) ??
    framework.groups.find((g) => levelStem(g.name) === levelStem(n))
  );
}

function weightToDec(w: number): Dec {
  const d = Dec.parse(String(w));
  if (!d) throw new DecimalError('INVALID_DECIMAL', `invalid framework weight ${w}`);
  return d;
}

const CENTS = Dec.fromInt(100);

function toCents(d: Dec): bigint {
  // d must have at most two decimals
  const c = d.mul(CENTS);
  return c.num / c.den;
}

function centsToString(c: bigint): string {
  return Dec.fraction(c, 100n).toFixed(2);
}

/**
 * Place exact shares as whole cents adding up to the rounded total (largest remainder, ties in order).
 */
function placeCents(shares: Dec[]): bigint[] {
  if (shares.length === 0) return [];
  const total = toCents(Dec.sum(shares).roundHalfUp(2));
  const floors = shares.map((s) => {
    const c = s.mul(CENTS);
    // floor for non-negative values
    return c.num / c.den;
  });
  let left = total - floors.reduce((a, b) => a + b, 0n);
  const rema = shares.map((s, i) => ({ i, r: s.mul(CENTS).sub(Dec.fromInt(floors[i])) }));
  rema.sort((a, b) => {
    const c = b.r.cmp(a.r);
    return c !== 0 ? c : a.i - b.i;
  });
  const out = [...floors];
  for (let k = 0; left > 0n && k < rema.length; k++, left--) out[rema[k].i] += 1n;
  return out;
}

/** Split `cents` equally over n rows; the left-over cents go to the first rows. */
function splitEqually(cents: bigint, n: number): bigint[] {
  if (n === 0) return [];
  const N = BigInt(n);
  const base = cents / N;
  const extra = Number(cents % N); // < n, a small integer
  return Array.from({ length: n }, (_, i) => base + (i < extra ? 1n : 0n));
}

function planWeights(framework: Framework, rows: readonly WeightRowLike[], settings: ResolvedSettings): WeightPlan {
  const problems: EvaluationProblem[] = [];
  // Build pools.
  const pools: Pool[] = [];
  const poolOfGroup = new Map<FrameworkGroup, number>();
  const firstOutput = framework.groups.find((g) => g.role === 'output');
  const ordered = [...framework.groups].sort((a, b) => {
    // Create the output group's pool before a cost group that shares it.
    const ka = a.role === 'cost' && a.weight === null && firstOutput ? 1 : 0;
    const kb = b.role === 'cost' && b.weight === null && firstOutput ? 1 : 0;
    return ka - kb;
  });
  for (const g of ordered) {
    if (g.role === 'cost' && g.weight === null && firstOutput && poolOfGroup.has(firstOutput)) {
      const p = poolOfGroup.get(firstOutput)!;
      pools[p].members.push(g);
      poolOfGroup.set(g, p);
      continue;
    }
    pools.push({
      name: g.name,
      label: g.name,
      members: [g],
      official: g.weight === null ? null : weightToDec(g.weight),
      rows: [],
      cents: 0n,
    });
    poolOfGroup.set(g, pools.length - 1);
  }

  // Assign rows.
  const poolOf: number[] = [];
  const groupOf: (string | null)[] = [];
  const used = new Set<FrameworkGroup>();
  rows.forEach((row, i) => {
    if (isPlaceholder(row)) {
      poolOf.push(-1);
      groupOf.push(null);
      return;
    }
    const g = matchGroup(framework, row.level1);
    if (!g) {
      poolOf.push(-2);
      groupOf.push(null);
      problems.push({
        index: i,
        field: 'level1',
        code: 'UNKNOWN_GROUP',
        message: `一级指标“${row.level1}”不属于指标体系“${framework.name}”，该行不计分值`,
        severity: 'warning',
      });
      return;
    }
    const p = poolOfGroup.get(g)!;
    pools[p].rows.push(i);
    poolOf.push(p);
    groupOf.push(g.name);
    used.add(g);
  });
  // Name a sharing group in messages only when it has rows: "产出指标（含成本指标）".
  for (const p of pools) {
    const sharing = p.members.slice(1).filter((m) => used.has(m));
    if (sharing.length > 0) p.label = `${p.name}（含${sharing.map((m) => m.name).join('、')}）`;
  }

  // Nominal pool weights.
  const scale = settings.indicatorPoints.div(FRAMEWORK_WEIGHT_BASE);
  const nominal: (Dec | null)[] = pools.map((p) => (p.official ? p.official.mul(scale) : null));
  const weightedSum = Dec.sum(nominal.filter((n): n is Dec => n !== null));
  const remainder = Dec.max(settings.indicatorPoints.sub(weightedSum), Dec.ZERO);
  const unweightedWithRows = pools.filter((p, k) => nominal[k] === null && p.rows.length > 0).length;
  const exact: Dec[] = pools.map((p, k) => {
    if (p.rows.length === 0) return Dec.ZERO;
    const n = nominal[k];
    if (n !== null) return n;
    return remainder.div(Dec.fromInt(unweightedWithRows));
  });
  const placed = Dec.sum(exact);
  const withRows = pools.filter((p) => p.rows.length > 0);
  if (withRows.length > 0) {
    let final: Dec[];
    if (placed.isZero()) {
      // Nothing placeable (e.g. only zero-weight groups have rows): split equally among them.
      const each = settings.indicatorPoints.div(Dec.fromInt(withRows.length));
      final = pools.map((p) => (p.rows.length > 0 ? each : Dec.ZERO));
    } else if (!placed.eq(settings.indicatorPoints)) {
      // Redistribute the weight of empty groups proportionally (decision 3).
      const factor = settings.indicatorPoints.div(placed);
      final = exact.map((e) => e.mul(factor));
    } else {
      final = exact;
    }
    pools.forEach((p, k) => {
      if (p.rows.length === 0 && nominal[k] !== null && nominal[k]!.isPositive()) {
        problems.push({
          index: null,
          field: 'weight',
          code: 'GROUP_WEIGHT_REDISTRIBUTED',
          message: `“${p.label}”没有三级指标，其权重 ${nominal[k]!.toFixed(2)} 分已按比例分配给其他一级指标`,
          severity: 'warning',
          group: p.label,
        });
      }
    });
    const cents = placeCents(final);
    pools.forEach((p, k) => (p.cents = cents[k]));
  } else {
    problems.push({
      index: null,
      field: 'rows',
      code: 'NO_INDICATORS',
      message: '没有可评分的三级指标',
      severity: 'error',
    });
  }

  const defaultCents: bigint[] = rows.map(() => 0n);
  for (const p of pools) {
    const split = splitEqually(p.cents, p.rows.length);
    p.rows.forEach((r, j) => (defaultCents[r] = split[j]));
  }
  return { pools, poolOf, groupOf, defaultCents, problems };
}

/**
 * Default 分值 per row (two-decimal strings, "0.00" for placeholder rows and rows outside the
 * framework), as the evaluation would use them without explicit weights. Accepts raw target text
 * or a parsed TargetValue.
 */
export function defaultWeights(
  framework: Framework,
  rows: ReadonlyArray<{ level1: string; name: string; target: TargetValue | string }>,
  settings?: Partial<ScoringSettings>,
): string[] {
  const plan = planWeights(framework, rows, resolveSettings(settings));
  return plan.defaultCents.map(centsToString);
}

// ---------------------------------------------------------------------------------------------
// Row scoring

interface RowOutcome {
  /** Fraction of the 分值 earned in [0, 1], or an explicit score. */
  fraction?: Dec;
  explicit?: Dec;
  achieved: boolean | null;
  flags: string[];
  problems: EvaluationProblem[];
}

function normUnit(u: string | null | undefined): string {
  return (u ?? '')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（(]/g, '')
    .replace(/[）)]/g, '')
    .replace(/％/g, '%');
}

function blank(s: string | null | undefined): boolean {
  return s === null || s === undefined || s.trim() === '';
}

const GRADES: readonly QualitativeGrade[] = ['达成', '部分达成', '未达成'];

function scoreQuantitative(
  row: EvaluationRowInput,
  index: number,
  target: Dec,
  settings: ResolvedSettings,
): RowOutcome {
  const flags: string[] = [];
  const problems: EvaluationProblem[] = [];
  if (!blank(row.score)) {
    problems.push({
      index,
      field: 'score',
      code: 'SCORE_IGNORED',
      message: '定量指标按公式计分，填写的得分不予采用',
      severity: 'warning',
    });
  }
  if (blank(row.actual)) {
    flags.push('MISSING_ACTUAL');
    problems.push({ index, field: 'actual', code: 'MISSING_ACTUAL', message: '未填写实际完成值，得分为0', severity: 'warning' });
    return { fraction: Dec.ZERO, achieved: null, flags, problems };
  }
  const a = Dec.parse(row.actual!.trim());
  if (!a) {
    flags.push('INVALID_ACTUAL');
    problems.push({
      index,
      field: 'actual',
      code: 'INVALID_DECIMAL',
      message: `实际完成值“${row.actual}”不是有效数字，得分为0`,
      severity: 'error',
    });
    return { fraction: Dec.ZERO, achieved: null, flags, problems };
  }
  if (!blank(row.actualUnit) && !blank(row.target.unit) && normUnit(row.actualUnit) !== normUnit(row.target.unit)) {
    flags.push('UNIT_MISMATCH');
    problems.push({
      index,
      field: 'actualUnit',
      code: 'UNIT_MISMATCH',
      message: `实际完成值的单位“${row.actualUnit}”与指标值单位“${row.target.unit}”不一致，请按指标值单位填写`,
      severity: 'error',
    });
    return { fraction: Dec.ZERO, achieved: null, flags, problems };
  }

  if (row.target.operator === 'between') {
    // §11 range: full inside, otherwise against the nearer bound (scoring-range.ts says how).
    const upper = Dec.parse((row.target.valueMax ?? '').trim()) ?? target;
    if (a.isNegative() && target.isPositive()) flags.push('NEGATIVE_ACTUAL');
    return { ...rangeFraction(a, target, upper, settings.reverseRule), flags, problems };
  }
  const dir = row.target.direction;
  let fraction: Dec;
  let achieved: boolean;
  if (dir === 'reverse') {
    if (a.lte(target)) {
      fraction = Dec.ONE;
    } else if (!target.isPositive()) {
      fraction = Dec.ZERO; // target 0 (or negative): anything above it scores 0
    } else if (settings.reverseRule === 'ratio') {
      fraction = target.div(a); // a > t > 0
    } else {
      // 1 − (a − t) / t, 0 from 2t on
      fraction = Dec.max(Dec.ONE.sub(a.sub(target).div(target)), Dec.ZERO);
    }
    achieved = a.lte(target);
  } else if (dir === 'equal' && !target.isPositive()) {
    // "=0(起)": nothing may happen; at or below the target is full, anything above is 0.
    fraction = a.lte(target) ? Dec.ONE : Dec.ZERO;
    achieved = a.lte(target);
  } else {
    // positive (≥, >) and equal with a positive target
    if (a.gte(target)) {
      fraction = Dec.ONE;
    } else if (!target.isPositive()) {
      fraction = Dec.ZERO; // e.g. "≥0": a negative actual misses it
    } else {
      if (a.isNegative()) flags.push('NEGATIVE_ACTUAL');
      fraction = Dec.max(a, Dec.ZERO).div(target);
    }
    achieved = a.gte(target);
    if (target.isPositive() && a.gt(target.mul(Dec.ONE.add(settings.farAbove)))) {
      flags.push('FAR_ABOVE_TARGET');
      if (row.deduction === true) {
        fraction = farAboveDeductionFraction(a, target, settings.farAbove);
        flags.push('DEVIATION_DEDUCTED');
      }
    }
  }
  return { fraction, achieved, flags, problems };
}

function parseExplicitScore(row: EvaluationRowInput, index: number, problems: EvaluationProblem[]): Dec | null {
  if (blank(row.score)) return null;
  const s = row.score!.trim();
  if (!isDecimalString(s, 2)) {
    problems.push({
      index,
      field: 'score',
      code: 'INVALID_DECIMAL',
      message: `得分“${row.score}”不是最多两位小数的数字`,
      severity: 'error',
    });
    return null;
  }
  return Dec.of(s);
}

function scoreQualitative(row: EvaluationRowInput, index: number, weight: Dec): RowOutcome {
  const flags: string[] = [];
  const problems: EvaluationProblem[] = [];
  if (blank(row.description)) {
    flags.push('MISSING_DESCRIPTION');
    problems.push({
      index,
      field: 'description',
      code: 'MISSING_DESCRIPTION',
      message: '定性指标需简要说明实际完成情况',
      severity: 'warning',
    });
  }
  const grade = row.grade;
  if (grade === null || grade === undefined || (grade as string) === '') {
    flags.push('MISSING_ACTUAL');
    problems.push({ index, field: 'grade', code: 'MISSING_ACTUAL', message: '未选择完成等级，得分为0', severity: 'warning' });
    return { fraction: Dec.ZERO, achieved: null, flags, problems };
  }
  if (!GRADES.includes(grade)) {
    flags.push('MISSING_ACTUAL');
    problems.push({
      index,
      field: 'grade',
      code: 'INVALID_GRADE',
      message: `完成等级“${String(grade)}”无效，应为达成、部分达成或未达成`,
      severity: 'error',
    });
    return { fraction: Dec.ZERO, achieved: null, flags, problems };
  }
  const band = GRADE_BANDS[grade];
  const achieved = grade === '达成';
  const explicit = parseExplicitScore(row, index, problems);
  if (explicit) {
    const lo = weight.mul(Dec.of(band.min));
    const hi = weight.mul(Dec.of(band.max));
    const inBand = explicit.gte(lo) && (band.maxInclusive ? explicit.lte(hi) : explicit.lt(hi));
    if (inBand) return { explicit, achieved, flags, problems };
    flags.push('SCORE_OUTSIDE_BAND');
    problems.push({
      index,
      field: 'score',
      code: 'SCORE_OUTSIDE_BAND',
      message: `得分 ${explicit.toString()} 不在“${band.label}”的分数区间 [${lo.toString()}, ${hi.toString()}${
        band.maxInclusive ? ']' : ')'
      } 内`,
      severity: 'error',
    });
  }
  return { fraction: Dec.of(band.default), achieved, flags, problems };
}

function scoreCompare(row: EvaluationRowInput, index: number, weight: Dec): RowOutcome {
  const flags: string[] = [];
  const problems: EvaluationProblem[] = [];
  if (row.achieved !== true && row.achieved !== false) {
    flags.push('MISSING_ACTUAL');
    problems.push({ index, field: 'achieved', code: 'MISSING_ACTUAL', message: '未说明是否达成，得分为0', severity: 'warning' });
    return { fraction: Dec.ZERO, achieved: null, flags, problems };
  }
  const explicit = parseExplicitScore(row, index, problems);
  if (explicit) {
    if (!explicit.isNegative() && explicit.lte(weight)) return { explicit, achieved: row.achieved, flags, problems };
    flags.push('SCORE_OUT_OF_RANGE');
    problems.push({
      index,
      field: 'score',
      code: 'SCORE_OUT_OF_RANGE',
      message: `得分 ${explicit.toString()} 应在 0 至 ${weight.toFixed(2)} 之间`,
      severity: 'error',
    });
  }
  return { fraction: row.achieved ? Dec.ONE : Dec.ZERO, achieved: row.achieved, flags, problems };
}

function scoreRow(row: EvaluationRowInput, index: number, weight: Dec, settings: ResolvedSettings): RowOutcome {
  const out = scoreRowByKind(row, index, weight, settings);
  if (row.deduction === true && !out.flags.includes('DEVIATION_DEDUCTED')) {
    out.flags.push('DEDUCTION_NOT_APPLICABLE');
    out.problems.push({
      index,
      field: 'deduction',
      code: 'DEDUCTION_NOT_APPLICABLE',
      message: '按偏离度扣分只适用于实际完成值远超正向指标值的定量指标，本行未扣分',
      severity: 'warning',
    });
  }
  return out;
}

function scoreRowByKind(row: EvaluationRowInput, index: number, weight: Dec, settings: ResolvedSettings): RowOutcome {
  const t = row.target;
  if (t.kind === 'compare') return scoreCompare(row, index, weight);
  if (t.kind === 'quantitative' && !t.malformed) {
    const v = Dec.parse((t.value ?? '').trim());
    if (v && (t.direction === 'positive' || t.direction === 'equal' || t.direction === 'reverse')) {
      return scoreQuantitative(row, index, v, settings);
    }
  }
  const out = scoreQualitative(row, index, weight);
  if (t.kind === 'empty') out.flags.unshift('MISSING_TARGET');
  else if (t.kind === 'quantitative' || t.malformed) out.flags.unshift('MALFORMED_TARGET');
  return out;
}

// ---------------------------------------------------------------------------------------------
// Budget

function scoreBudget(
  budget: EvaluationInput['budget'],
  settings: ResolvedSettings,
  problems: EvaluationProblem[],
): { rate: string; score: Dec } {
  const fields: Array<['annualBudget' | 'executed', string]> = [
    ['annualBudget', '全年预算数'],
    ['executed', '全年执行数'],
  ];
  const vals: Partial<Record<'annualBudget' | 'executed', Dec>> = {};
  for (const [key, label] of fields) {
    const raw = budget?.[key];
    const field = `budget.${key}`;
    if (raw === null || raw === undefined || String(raw).trim() === '') {
      problems.push({ index: null, field, code: 'MISSING_VALUE', message: `未填写${label}`, severity: 'error' });
      continue;
    }
    const d = Dec.parse(String(raw).trim());
    if (!d) {
      problems.push({ index: null, field, code: 'INVALID_DECIMAL', message: `${label}“${raw}”不是有效金额`, severity: 'error' });
      continue;
    }
    if (d.isNegative()) {
      problems.push({ index: null, field, code: 'NEGATIVE_VALUE', message: `${label}不能为负数`, severity: 'error' });
      continue;
    }
    vals[key] = d;
  }
  const b = vals.annualBudget;
  const e = vals.executed;
  if (b && b.isZero()) {
    problems.push({
      index: null,
      field: 'budget.annualBudget',
      code: 'BUDGET_ZERO',
      message: '全年预算数为0，无法计算预算执行率',
      severity: 'error',
    });
  }
  if (!b || !e || b.isZero()) return { rate: '0.00', score: Dec.ZERO };
  const rate = e.div(b);
  if (rate.gt(Dec.ONE)) {
    problems.push({
      index: null,
      field: 'budget.executed',
      code: 'EXECUTION_ABOVE_BUDGET',
      message: '全年执行数大于全年预算数，请核实',
      severity: 'warning',
    });
  }
  return { rate: rate.mul(HUNDRED).toFixed(2), score: settings.budgetPoints.mul(Dec.min(rate, Dec.ONE)).roundHalfUp(2) };
}

// ---------------------------------------------------------------------------------------------
// Main entry

/** Score a self-evaluation (README §8). Never throws for bad row/budget input (see `problems`); throws DecimalError for invalid settings. */
export function scoreEvaluation(input: EvaluationInput): EvaluationResult {
  const settings = resolveSettings(input.settings);
  const rows = input.rows ?? [];
  const plan = planWeights(input.framework, rows, settings);
  const problems: EvaluationProblem[] = [];

  const budget = scoreBudget(input.budget, settings, problems);
  problems.push(...plan.problems);

  // Weights: default split unless a pool's rows all carry valid explicit 分值 adding up to the pool weight.
  const weightCents = [...plan.defaultCents];
  for (const pool of plan.pools) {
    if (pool.rows.length === 0) continue;
    const given = pool.rows.filter((r) => !blank(rows[r].weight));
    if (given.length === 0) continue;
    if (given.length < pool.rows.length) {
      problems.push({
        index: null,
        field: 'weight',
        code: 'WEIGHTS_INCOMPLETE',
        message: `“${pool.label}”只有部分三级指标填写了分值：要么全部填写，要么全部留空按平均分配`,
        severity: 'error',
        group: pool.label,
      });
      continue;
    }
    let valid = true;
    const explicit: bigint[] = [];
    for (const r of pool.rows) {
      const w = rows[r].weight!.trim();
      if (!isDecimalString(w, 2)) {
        valid = false;
        problems.push({
          index: r,
          field: 'weight',
          code: 'INVALID_DECIMAL',
          message: `分值“${rows[r].weight}”不是最多两位小数的数字`,
          severity: 'error',
        });
        continue;
      }
      const d = Dec.of(w);
      if (d.isNegative()) {
        valid = false;
        problems.push({ index: r, field: 'weight', code: 'NEGATIVE_VALUE', message: '分值不能为负数', severity: 'error' });
        continue;
      }
      explicit.push(toCents(d));
    }
    if (!valid) continue;
    const sum = explicit.reduce((a, b) => a + b, 0n);
    if (sum !== pool.cents) {
      problems.push({
        index: null,
        field: 'weight',
        code: 'WEIGHTS_NOT_ADDING_UP',
        message: `“${pool.label}”各三级指标分值合计 ${centsToString(sum)}，应为 ${centsToString(pool.cents)}`,
        severity: 'error',
        group: pool.label,
      });
      continue;
    }
    pool.rows.forEach((r, j) => (weightCents[r] = explicit[j]));
  }

  const items: EvaluationItemResult[] = [];
  const poolScores = plan.pools.map(() => 0n);
  let indicatorCents = 0n;
  rows.forEach((row, i) => {
    const p = plan.poolOf[i];
    if (p === -1) {
      items.push({ index: i, group: null, weight: '0.00', score: '0.00', achieved: null, flags: ['PLACEHOLDER'] });
      return;
    }
    const weight = Dec.fraction(weightCents[i], 100n);
    const out = scoreRow(row, i, weight, settings);
    problems.push(...out.problems);
    const raw = out.explicit ?? weight.mul(out.fraction ?? Dec.ZERO);
    // Clamp defensively into [0, 分值] (all rules already keep it there).
    const scoreCents = toCents(Dec.min(Dec.max(raw, Dec.ZERO), weight).roundHalfUp(2));
    indicatorCents += scoreCents;
    if (p >= 0) poolScores[p] += scoreCents;
    const flags = p === -2 ? ['UNKNOWN_GROUP', ...out.flags] : out.flags;
    items.push({
      index: i,
      group: plan.groupOf[i],
      weight: centsToString(weightCents[i]),
      score: centsToString(scoreCents),
      achieved: out.achieved,
      flags,
    });
  });

  const totalCents = toCents(budget.score) + indicatorCents;
  const totalScore = centsToString(totalCents);
  return {
    executionRate: budget.rate,
    executionScore: budget.score.toFixed(2),
    items,
    indicatorScore: centsToString(indicatorCents),
    totalScore,
    grade: gradeFor(totalScore, settings.gradeBands),
    problems,
    groups: plan.pools
      .filter((p) => p.rows.length > 0)
      .map((p) => ({
        name: p.name,
        members: p.members.map((m) => m.name),
        weight: centsToString(p.rows.reduce((a, r) => a + weightCents[r], 0n)),
        score: centsToString(poolScores[plan.pools.indexOf(p)]),
        rowCount: p.rows.length,
      })),
  };
}
