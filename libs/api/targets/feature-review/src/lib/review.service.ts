import { Injectable } from '@nestjs/common';
import { ApiHttpException } from '@pt/api/core';
import { TargetStore, writeHistory, type ProjectRow } from '@pt/api/targets/data-access';
import {
  nextStatus,
  reasonRefusal,
  REVIEW_DIMENSIONS,
  roleRefusal,
  stateRefusal,
  structuredReviewRefusal,
  type ReviewDocument,
  type ReviewStatus,
  type StructuredReview,
  type TransitionAction,
  type TransitionRefusal,
} from '@pt/domain';
import type { UserSummary } from '@pt/shared/contracts';
import type { EntityManager } from 'typeorm';

/** A kind of reviewable document: how refusals name it, its audit object type and its history actions' prefix. */
export interface Reviewable {
  document: ReviewDocument;
  /** How refusals name the document read (a target by its kind: 「部门（单位）整体绩效目标处于…」); `document.label` otherwise. */
  labelOf?(row: ProjectRow): string;
  /** The audit's object type and event prefix (`project.submit`, `evaluation.return`). */
  auditType: 'project' | 'evaluation';
  /** The history action of a transition: `submit` for a target, `eval_submit` for its self-evaluation. */
  historyPrefix: '' | 'eval_';
}

/**
 * The parts of a transition that belong to one document, called inside the target's locked write: everything else
 * (the role check, the state check, a return's reason, the new status, history and audit) is `transition()`'s.
 */
export interface ReviewHooks {
  /** The document's current status (it may refuse first: a self-evaluation of a target not approved). */
  status(m: EntityManager, row: ProjectRow): Promise<ReviewStatus>;
  /** After the role check, before the state check (a self-evaluation never saved cannot be submitted). */
  ready?(m: EntityManager, row: ProjectRow): Promise<void>;
  /** The document's own rules once the common checks pass (a table with errors is not submitted). */
  check?(m: EntityManager, row: ProjectRow, action: TransitionAction): Promise<void>;
  setStatus(m: EntityManager, id: string, to: ReviewStatus): Promise<void>;
  /** After history and audit, with the history row's id (the reviewer's row comments). */
  after?(m: EntityManager, row: ProjectRow, action: TransitionAction, historyId: string): Promise<void>;
}

export interface TransitionRequest {
  action: TransitionAction;
  comment?: string | null;
  /** A reviewer's structured review (财预〔2015〕88号) with approve or return: stored on the history row. */
  review?: StructuredReview | null;
}

/** The five judgements alone, in their order (what is stored and audited). */
function reviewOf(r: StructuredReview): StructuredReview {
  return Object.fromEntries(REVIEW_DIMENSIONS.map((d) => [d, r[d]])) as StructuredReview;
}

export function refuse(r: TransitionRefusal | null): void {
  if (!r) return;
  throw new ApiHttpException(r.status, r.code, r.message, r.field ? [{ field: r.field, message: r.message }] : undefined);
}

/** The review workflow (domain §6) of every reviewable document: one transition, under the target's lock. */
@Injectable()
export class ReviewService {
  constructor(private readonly store: TargetStore) {}

  async transition(doc: Reviewable, hooks: ReviewHooks, user: UserSummary, id: string, ifMatch: string | undefined, req: TransitionRequest): Promise<void> {
    const { action } = req;
    const comment = req.comment?.trim() || null;
    await this.store.write(user, id, ifMatch, async (m, row) => {
      const from = await hooks.status(m, row);
      const document = doc.labelOf ? { ...doc.document, label: doc.labelOf(row) } : doc.document;
      refuse(roleRefusal(document, user, action));
      await hooks.ready?.(m, row);
      refuse(stateRefusal(document, user, from, action));
      refuse(reasonRefusal(action, comment));
      refuse(structuredReviewRefusal(action, req.review));
      await hooks.check?.(m, row, action);
      const to = nextStatus(from, action);
      await hooks.setStatus(m, id, to);
      const historyId = await writeHistory(m, id, user, `${doc.historyPrefix}${action}`, from, to, comment);
      if (req.review) await m.query(`UPDATE ${this.store.kind.historyTable} SET review = $2::jsonb WHERE id = $1`, [historyId, JSON.stringify(reviewOf(req.review))]);
      // the audit row is part of the transition: both or neither
      await this.store.audit.record({ event: `${doc.auditType}.${action}`, result: 'ok', objectType: doc.auditType, objectId: id, details: { from, to, ...(req.review ? { review: reviewOf(req.review) } : {}) } }, m);
      await hooks.after?.(m, row, action, historyId);
    });
  }
}
