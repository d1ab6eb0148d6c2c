import { ApiHttpException } from '@pt/api/core';
import { keepReturnSnapshot, PROJECT_KIND, targetLabel, type TargetStore } from '@pt/api/targets/data-access';
import { isFillerAction } from '@pt/domain';
import type { RowCommentDto, UserSummary } from '@pt/shared/contracts';
import type { Reviewable, ReviewHooks } from './review.service';

/** A target's declaration under review, named in refusals by its kind (项目, 部门（单位）整体绩效目标, 政策绩效目标). */
export const TARGET_REVIEW: Reviewable = {
  document: { label: PROJECT_KIND.label, actionObject: '' },
  labelOf: (row) => targetLabel(row.kind),
  auditType: PROJECT_KIND.key,
  historyPrefix: '',
};

/**
 * The declaration's own rules: row comments are a reviewer's; a table with errors is not submitted (the domain's
 * findings, 422 with each place); the comments are stored with the transition's history row.
 */
export function targetReviewHooks(store: TargetStore, user: UserSummary, rowComments: readonly RowCommentDto[] | undefined): ReviewHooks {
  return {
    status: async (_m, row) => row.status,
    check: async (m, row, action) => {
      if (rowComments?.length && isFillerAction(action)) {
        throw new ApiHttpException(400, 'VALIDATION_FAILED', '逐行意见只能由审核人给出', [{ field: 'rowComments', message: '逐行意见只能由审核人给出' }]);
      }
      if (action !== 'submit') return;
      const errors = (await store.findingsOf(row, m)).filter((f) => f.severity === 'error');
      if (errors.length) {
        throw new ApiHttpException(
          422,
          'FINDINGS_BLOCK_SUBMIT',
          `指标表有 ${errors.length} 处错误，修改后才能提交`,
          errors.map((f) => ({ field: f.field ?? (f.indicatorIndex === null ? 'indicators' : `indicators[${f.indicatorIndex}]`), code: f.code, message: f.message })),
        );
      }
    },
    setStatus: (m, id, to) => store.setStatus(m, id, to),
    after: async (m, row, action, historyId) => {
      await store.insertRowComments(m, row, historyId, rowComments ?? [], user, action);
      // a return keeps the target as returned: the next review shows what changed since (single and batch alike)
      if (action === 'return') await keepReturnSnapshot(store, m, user, row, historyId);
    },
  };
}
