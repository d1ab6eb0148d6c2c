/**
 * The score of one row by the kind of its 指标值 (quantitative, qualitative, 比…) and of 预算执行率 (domain README §8;
 * decisions 6–11 in scoring.ts), as a fraction of the row's 分值 or an explicit score, with its flags and problems.
 */
import { Dec, isDecimalString } from './decimal';
import { farAboveDeductionFraction } from './scoring-deviation';
import { GRADE_BANDS, type EvaluationInput, type EvaluationProblem, type EvaluationRowInput, type QualitativeGrade } from './scoring-model';
import { rangeFraction } from './scoring-range';
import { HUNDRED, type ResolvedSettings } from './scoring-weights';

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

export function blank(s: string | null | undefined): boolean {
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

export function scoreRow(row: EvaluationRowInput, index: number, weight: Dec, settings: ResolvedSettings): RowOutcome {
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

export function scoreBudget(
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
