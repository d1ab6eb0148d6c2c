import type { Role } from '../roles';
import { HISTORY_ACTION_LABELS, statusLabel, type ProjectStatus, type TransitionAction } from './labels';

/**
 * The review workflow of domain §6, for any reviewable document (a target's declaration, a self-evaluation): the
 * filler submits and withdraws, 主管部门 reviews a submitted document, 财政 a department-approved one.
 */
export type ReviewStatus = ProjectStatus;

/** Whoever acts: only the roles matter to the workflow. */
export interface Actor {
  roles: readonly string[];
}

/** A document that can be reviewed, as the refusals name it: 「项目处于…」, 「只有填报人可以提交或撤回自评」. */
export interface ReviewDocument {
  /** The document's name at the start of a sentence (项目, 自评). */
  label: string;
  /** What follows a refused action's verb ('' for the targets, 自评 for the self-evaluation). */
  actionObject: string;
}

export const EDITABLE_STATUSES: readonly ReviewStatus[] = ['draft', 'returned'];

/** The status each reviewer role reviews (its inbox). */
export const REVIEW_STEP: Readonly<Record<'dept_reviewer' | 'finance_reviewer', ReviewStatus>> = {
  dept_reviewer: 'submitted',
  finance_reviewer: 'dept_approved',
};

export function hasRole(who: Actor, role: Role): boolean {
  return who.roles.includes(role);
}

export function isEditable(status: ReviewStatus): boolean {
  return EDITABLE_STATUSES.includes(status);
}

/** Submit and withdraw are the filler's; approve and return a reviewer's. */
export function isFillerAction(action: TransitionAction): boolean {
  return action === 'submit' || action === 'withdraw';
}

/** The statuses waiting for this user's review (the list's 待我审核). */
export function waitingStatuses(who: Actor): ReviewStatus[] {
  return (Object.keys(REVIEW_STEP) as (keyof typeof REVIEW_STEP)[]).filter((r) => hasRole(who, r)).map((r) => REVIEW_STEP[r]);
}

/** What `who` may do with a visible document in `status`. */
export function allowedActions(who: Actor, status: ReviewStatus): TransitionAction[] {
  const out: TransitionAction[] = [];
  if (hasRole(who, 'filler')) {
    if (isEditable(status)) out.push('submit');
    if (status === 'submitted') out.push('withdraw');
  }
  if (waitingStatuses(who).includes(status)) out.push('approve', 'return');
  return out;
}

/** The state after an allowed action: the targets and the self-evaluation go the same way. */
export function nextStatus(from: ReviewStatus, action: TransitionAction): ReviewStatus {
  if (action === 'submit') return 'submitted';
  if (action === 'withdraw') return 'draft';
  if (action === 'return') return 'returned';
  return from === 'submitted' ? 'dept_approved' : 'approved';
}

/** Why a transition is refused, as the API answers it. */
export interface TransitionRefusal {
  status: 400 | 403 | 409 | 422;
  /** REVIEW_NOT_PASSING: an approval whose structured review's overall result is 中 or 差 (structured-review.ts). */
  code: 'VALIDATION_FAILED' | 'FORBIDDEN' | 'INVALID_TRANSITION' | 'REVIEW_NOT_PASSING';
  message: string;
  /** The request field at fault (a return's missing reason). */
  field?: string;
}

/** The role check: only a filler submits or withdraws, only a reviewer approves or returns. */
export function roleRefusal(doc: ReviewDocument, who: Actor, action: TransitionAction): TransitionRefusal | null {
  const byFiller = isFillerAction(action);
  if (byFiller ? hasRole(who, 'filler') : hasRole(who, 'dept_reviewer') || hasRole(who, 'finance_reviewer')) return null;
  const message = byFiller ? `只有填报人可以提交或撤回${doc.actionObject}` : `只有审核人可以审核通过或退回${doc.actionObject}`;
  return { status: 403, code: 'FORBIDDEN', message };
}

/** The state check: the action must be one `who` may take in `from`. */
export function stateRefusal(doc: ReviewDocument, who: Actor, from: ReviewStatus, action: TransitionAction): TransitionRefusal | null {
  if (allowedActions(who, from).includes(action)) return null;
  return { status: 409, code: 'INVALID_TRANSITION', message: `${doc.label}处于「${statusLabel(from)}」状态，不能${HISTORY_ACTION_LABELS[action]}` };
}

/** A return needs a reason (the comment, trimmed). */
export function reasonRefusal(action: TransitionAction, comment: string | null): TransitionRefusal | null {
  if (action !== 'return' || comment) return null;
  return { status: 400, code: 'VALIDATION_FAILED', message: '退回须填写理由', field: 'comment' };
}
