import { HISTORY_ACTION_LABELS, type TransitionAction } from './labels';
import { hasRole, reasonRefusal, roleRefusal, type Actor, type ReviewDocument, type TransitionRefusal } from './review';

/**
 * The 整改 loop (domain §11) as data: a reviewer issues a notice, the unit answers it (submit), the reviewer accepts
 * (approve) or returns it; a returned notice is answered again. Who may take an action is the review workflow's rule
 * (the filler submits, a reviewer approves and returns: `roleRefusal`), and a return needs its reason as there.
 */
export const RECTIFICATION_STATUSES = ['issued', 'submitted', 'returned', 'accepted'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

export const RECTIFICATION_STATUS_LABELS: Record<RectificationStatus, string> = {
  issued: '待整改',
  submitted: '待验收',
  returned: '已退回',
  accepted: '已完成',
};

export const RECTIFICATION_ACTIONS = ['submit', 'approve', 'return'] as const satisfies readonly TransitionAction[];
export type RectificationAction = (typeof RECTIFICATION_ACTIONS)[number];

/** Each action: the statuses it starts from and the one it leads to. */
export const RECTIFICATION_FLOW: Readonly<Record<RectificationAction, { from: readonly RectificationStatus[]; to: RectificationStatus }>> = {
  submit: { from: ['issued', 'returned'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'accepted' },
  return: { from: ['submitted'], to: 'returned' },
};

/** The history labels of the loop's actions (with 下达 for the notice itself). */
export const RECTIFICATION_ACTION_LABELS: Record<RectificationAction | 'issue' | 'update', string> = {
  issue: '下达整改通知',
  update: '填写整改情况',
  submit: '提交整改情况',
  approve: '整改验收通过',
  return: '退回整改',
};

export const RECTIFICATION_DOCUMENT: ReviewDocument = { label: '整改通知', actionObject: '整改' };

/** Open: still waiting for the unit or the reviewer (shown on the 工作台 and on next year's target). */
export function isOpenRectification(status: RectificationStatus): boolean {
  return status !== 'accepted';
}

/** The unit writes its answer while the notice waits for it. */
export function isRectificationEditable(status: RectificationStatus): boolean {
  return RECTIFICATION_FLOW.submit.from.includes(status);
}

/** What `who` may do with a visible notice in `status`. */
export function rectificationActions(who: Actor, status: RectificationStatus): RectificationAction[] {
  return RECTIFICATION_ACTIONS.filter((a) => RECTIFICATION_FLOW[a].from.includes(status) && roleRefusal(RECTIFICATION_DOCUMENT, who, a) === null);
}

/** Why `who` may not take `action` on a notice in `from` (role, then state, then a return's reason), or null. */
export function rectificationRefusal(who: Actor, from: RectificationStatus, action: RectificationAction, comment: string | null): TransitionRefusal | null {
  const role = roleRefusal(RECTIFICATION_DOCUMENT, who, action);
  if (role) return role;
  if (!RECTIFICATION_FLOW[action].from.includes(from)) {
    return {
      status: 409,
      code: 'INVALID_TRANSITION',
      message: `${RECTIFICATION_DOCUMENT.label}处于「${RECTIFICATION_STATUS_LABELS[from]}」状态，不能${HISTORY_ACTION_LABELS[action]}`,
    };
  }
  return reasonRefusal(action, comment);
}

/** Only a reviewer issues a notice. */
export function mayIssueRectification(who: Actor): boolean {
  return hasRole(who, 'dept_reviewer') || hasRole(who, 'finance_reviewer');
}
