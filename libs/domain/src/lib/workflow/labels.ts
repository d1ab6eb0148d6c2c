import { labelOf } from '../text';

/**
 * The review workflow's states and the labels of its history (domain §6), in one place: the contracts, the API
 * (history, exports) and the web app (tags, timelines, filters) all read them from here.
 */
export const PROJECT_STATUSES = ['draft', 'submitted', 'dept_approved', 'approved', 'returned'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  dept_approved: '部门已审',
  approved: '已批复',
  returned: '已退回',
};

export const TRANSITION_ACTIONS = ['submit', 'approve', 'return', 'withdraw'] as const;
export type TransitionAction = (typeof TRANSITION_ACTIONS)[number];

/** Every action a history row may carry: the transitions of targets and of self-evaluations, edits, the reviewer's deduction. */
export type HistoryAction = TransitionAction | 'create' | 'update' | 'adjust' | `eval_${TransitionAction}` | 'eval_deduct';

export const HISTORY_ACTION_LABELS: Record<HistoryAction, string> = {
  create: '创建',
  update: '修改',
  adjust: '调整',
  submit: '提交',
  approve: '审核通过',
  return: '退回',
  withdraw: '撤回',
  eval_submit: '提交自评',
  eval_approve: '自评审核通过',
  eval_return: '退回自评',
  eval_withdraw: '撤回自评',
  eval_deduct: '自评扣分',
};

/** The label of a status, or the status itself when unknown (never an empty cell for a value the data has). */
export function statusLabel(status: string | null | undefined): string {
  return labelOf(PROJECT_STATUS_LABELS, status);
}

export function historyActionLabel(action: string | null | undefined): string {
  return labelOf(HISTORY_ACTION_LABELS, action);
}
