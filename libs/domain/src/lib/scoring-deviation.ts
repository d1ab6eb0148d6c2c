/**
 * Deviations of a self-evaluation (财预〔2020〕10号; domain README §8 and §11):
 *
 * 1. A row that misses its target needs a 偏差原因分析及改进措施 before the evaluation is submitted. "Misses"
 *    is the row's `achieved` as scored: quantitative — the actual does not meet the 指标值 (a missing actual
 *    too); qualitative — the grade is not 达成; compare — not achieved. Rows with 分值 0 (empty placeholder
 *    rows, a 一级 outside the framework) need none. A 达成 row given a lower score, and a row the reviewer
 *    cut for a far-exceeded target, count as met. Saving a draft never needs the reason (nothing typed is
 *    lost); `submissionProblems` is what 提交 checks.
 * 2. An actual far above a positive target (more than the `farAboveThreshold`, default 20 %) is flagged; the
 *    reason is asked for (a warning, not a refusal), as §8 says it is "flagged for a reason, not cut".
 * 3. 10号 lets the reviewer reduce the score of such a row "by the deviation" when the target was set too low.
 *    Rule (one simple line, continuous where the flag starts): with deviation d = (actual − target) / target
 *    and the threshold h, the row keeps the fraction max(0, 1 − (d − h)) of its 分值 — the part of the
 *    deviation beyond what is tolerated comes off, point for point: at 50 % above (h 20 %) it keeps 70 %, at
 *    100 % above 20 %, from 120 % above nothing. Only the reviewer applies it, with a reason (the API checks
 *    that); the domain scores it wherever the row input says `deduction: true`.
 */
import { Dec } from './decimal';
import { fundsProblems, type EvaluationFundsInput } from './scoring-funds';
import type { EvaluationProblem, EvaluationResult, EvaluationRowInput } from './scoring';

/** The fraction of 分值 kept by the reviewer's deduction (rule 3): max(0, min(1, 1 − ((a − t) / t − h))); t > 0. */
export function farAboveDeductionFraction(actual: Dec, target: Dec, threshold: Dec): Dec {
  const deviation = actual.sub(target).div(target);
  return Dec.min(Dec.max(Dec.ONE.sub(deviation.sub(threshold)), Dec.ZERO), Dec.ONE);
}

function blank(s: string | null | undefined): boolean {
  return s === null || s === undefined || s.trim() === '';
}

/** Whether a scored row misses its target (rule 1): it carries points and is not achieved. */
export function missesTarget(item: Pick<EvaluationResult['items'][number], 'weight' | 'achieved' | 'flags'>): boolean {
  if (item.flags.includes('PLACEHOLDER')) return false;
  const w = Dec.parse(item.weight);
  return !!w && w.isPositive() && item.achieved !== true;
}

/** The row as a message names it: `第4行「预算执行率」`. */
export function rowLabel(index: number, name: string | null | undefined): string {
  const n = (name ?? '').trim();
  return `第${index + 1}行${n ? `「${n}」` : ''}`;
}

/**
 * What 提交 checks beyond the scoring rules: every row that misses its target has a 偏差原因分析及改进措施
 * (error `MISSING_DEVIATION_REASON`, field `deviationReason`, the row named); a far-exceeded row without one
 * is a warning; and, when given, the funds block adds up (`fundsProblems`). Errors refuse the submission,
 * never a save.
 */
export function submissionProblems(
  rows: readonly Pick<EvaluationRowInput, 'name' | 'deviationReason'>[],
  result: Pick<EvaluationResult, 'items'>,
  funds?: EvaluationFundsInput | null,
): EvaluationProblem[] {
  const out: EvaluationProblem[] = [];
  result.items.forEach((item, i) => {
    const row = rows[item.index ?? i];
    if (!row || !blank(row.deviationReason)) return;
    const place = rowLabel(item.index ?? i, row.name);
    if (missesTarget(item)) {
      out.push({
        index: item.index ?? i,
        field: 'deviationReason',
        code: 'MISSING_DEVIATION_REASON',
        // a row left empty scores 0 and misses its target as well; most likely its value is still to be entered
        message:
          item.achieved === null
            ? `${place}未填写完成情况，按未达到年度指标值计：提交前请填写完成情况，或填写偏差原因分析及改进措施`
            : `${place}未达到年度指标值，提交前须填写偏差原因分析及改进措施`,
        severity: 'error',
      });
    } else if (item.flags.includes('FAR_ABOVE_TARGET')) {
      out.push({
        index: item.index ?? i,
        field: 'deviationReason',
        code: 'MISSING_DEVIATION_REASON',
        message: `${place}实际完成值远超年度指标值，请说明原因（指标值是否设定偏低）`,
        severity: 'warning',
      });
    }
  });
  if (funds) out.push(...fundsProblems(funds));
  return out;
}
