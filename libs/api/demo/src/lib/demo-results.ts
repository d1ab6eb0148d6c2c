import type { StoredEvaluationItem } from '@pt/api/targets/data-access';
import { Dec, type Likelihood } from '@pt/domain';
import type { Indicator } from '@pt/shared/contracts';

/** A demo actual for a row: `factor` × the target (a reverse target: (2 − factor) × it), two decimals. */
function scaled(ind: Indicator, factor: Dec): string | null {
  const t = ind.target;
  const value = t.kind === 'quantitative' && !t.malformed ? Dec.parse(t.value) : null;
  if (!value) return null;
  const f = t.direction === 'reverse' ? Dec.fromInt(2).sub(factor) : factor;
  return value.mul(f).toFixed(2);
}

/** Demo self-evaluation rows: every row filled at `factor` of its target (qualitative rows graded by it). */
export function demoEvaluationItems(indicators: readonly Indicator[], factor: string): StoredEvaluationItem[] {
  const f = Dec.of(factor);
  const grade = f.gte(Dec.of('0.9')) ? '达成' : f.gte(Dec.of('0.6')) ? '部分达成' : '未达成';
  return indicators.map((ind) => {
    const kind = ind.target.kind;
    const quantitative = kind === 'quantitative' && scaled(ind, f) !== null;
    return {
      indicatorId: ind.id,
      actual: quantitative ? scaled(ind, f) : null,
      actualUnit: null,
      grade: quantitative || kind === 'compare' ? null : grade,
      score: null,
      weight: null,
      achieved: kind === 'compare' ? f.gte(Dec.of('0.8')) : null,
      description: quantitative || kind === 'compare' ? null : grade === '达成' ? '已按计划完成' : grade === '部分达成' ? '部分完成，效果一般' : '未能按计划完成',
      deviationReason: f.lt(Dec.ONE) ? '受年度工作安排调整影响，部分指标未完全达成；下一年度将提前谋划、加强过程跟踪。' : null,
    };
  });
}

/** Demo monitoring rows of `month`: current values at `factor` of what is due by then. */
export function demoMonitoringItems(indicators: readonly Indicator[], factor: string, month: number) {
  const due = Dec.of(factor).mul(Dec.fromInt(month)).div(Dec.fromInt(12));
  const likelihood: Likelihood = Dec.of(factor).gte(Dec.of('0.8')) ? '确定能' : Dec.of(factor).gte(Dec.of('0.6')) ? '有可能' : '完全不可能';
  return indicators.map((ind) => ({
    indicatorId: ind.id,
    current: scaled(ind, ind.target.unit?.includes('%') ? Dec.of(factor) : due),
    expected: likelihood === '确定能' ? '预计全年可完成' : '预计全年难以完成',
    likelihood,
    reasons: likelihood === '确定能' ? [] : (['经费保障'] as const).slice(),
    measures: likelihood === '确定能' ? null : '加快项目实施进度，按月跟踪。',
  }));
}
