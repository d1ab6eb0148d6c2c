import { ApiHttpException } from '@pt/api/core';
import { requireApproved } from '@pt/api/targets/data-access';
import type { EvaluationDbRow, EvaluationStore } from '@pt/api/targets/data-access';
import type { Reviewable, ReviewHooks } from './review.service';

/** The self-evaluation (绩效自评) of an approved target under review. */
export const EVALUATION_REVIEW: Reviewable = { document: { label: '自评', actionObject: '自评' }, auditType: 'evaluation', historyPrefix: 'eval_' };

/**
 * The self-evaluation's own rules: only an approved target's, saved before it is submitted, and complete (every
 * missed target explained, the funds adding up) when submitted.
 */
export function evaluationReviewHooks(evaluations: EvaluationStore): ReviewHooks {
  let current: EvaluationDbRow | undefined;
  return {
    status: async (m, row) => {
      requireApproved(row, '自评');
      current = await evaluations.row(m, row.id);
      return current?.status ?? 'draft';
    },
    ready: async () => {
      if (!current) throw new ApiHttpException(409, 'INVALID_TRANSITION', '自评尚未保存，不能提交');
    },
    check: async (m, row, action) => {
      if (action === 'submit' && current) await evaluations.assertComplete(m, row, current);
    },
    setStatus: (m, id, to) => evaluations.setStatus(m, id, to),
  };
}
