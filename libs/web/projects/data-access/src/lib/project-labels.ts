import type { ProjectStatus, TransitionAction } from '@pt/shared/contracts';

/**
 * Chinese labels and tag colours of the review workflow (domain §6). The contracts hold the same
 * labels, but the web app imports the contracts as types only, so the runtime values live here.
 */
export const STATUS_LABELS: Record<ProjectStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  dept_approved: '部门已审',
  approved: '已批复',
  returned: '已退回',
};

/** ng-zorro `nz-tag` colours per status. */
export const STATUS_COLORS: Record<ProjectStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  dept_approved: 'cyan',
  approved: 'success',
  returned: 'error',
};

export const STATUS_OPTIONS: { value: ProjectStatus; label: string }[] = (
  ['draft', 'submitted', 'dept_approved', 'approved', 'returned'] as const
).map((value) => ({ value, label: STATUS_LABELS[value] }));

/** Labels of history actions (transitions and edits). */
export const ACTION_LABELS: Record<TransitionAction | 'create' | 'update' | 'adjust', string> = {
  create: '创建',
  update: '修改',
  adjust: '调整',
  submit: '提交',
  approve: '审核通过',
  return: '退回',
  withdraw: '撤回',
};

export function statusLabel(status: string | null | undefined): string {
  if (!status) return '';
  return (STATUS_LABELS as Record<string, string>)[status] ?? status;
}

export function statusColor(status: string | null | undefined): string {
  return (status && (STATUS_COLORS as Record<string, string>)[status]) || 'default';
}

export function actionLabel(action: string | null | undefined): string {
  if (!action) return '';
  return (ACTION_LABELS as Record<string, string>)[action] ?? action;
}

/** Colour of a history entry in the timeline. */
export function actionColor(action: string | null | undefined): string {
  switch (action) {
    case 'approve':
      return 'green';
    case 'return':
      return 'red';
    case 'withdraw':
      return 'gray';
    default:
      return 'blue';
  }
}
