import type { IndicatorHistory, RectificationAction, RectificationStatus } from '@pt/domain';

// Evidence and follow-up (domain §11): last year's values of the rows, the 自评报告, the 整改 loop.
export { EVALUATION_REPORT_LABELS, INDICATOR_BASES, INDICATOR_META_LABELS, RECTIFICATION_FIELD_LABELS, RECTIFICATION_STATUS_LABELS, RECTIFICATION_STATUSES } from '@pt/domain';
export type { EvaluationReportField, IndicatorBasis, IndicatorHistory, IndicatorMeta, RectificationAction, RectificationStatus } from '@pt/domain';

/**
 * GET /api/targets/:id/indicator-history: each row of the target's own-year annual table with the same indicator of
 * the same-name target (same unit, same kind) of the year before — its value and its self-evaluation's actual.
 * Served apart from the target's read so that the detail GET keeps its one document read.
 */
export interface IndicatorHistoryResponse {
  /** The year looked at (the target's year − 1). */
  year: number;
  rows: { indicatorId: string; history: IndicatorHistory | null }[];
}

/** The 自评报告 texts of a self-evaluation (null where not written). */
export interface EvaluationReport {
  completion: string | null;
  deviation: string | null;
  problems: string | null;
  measures: string | null;
}

/** One history row of a 整改通知. */
export interface RectificationHistoryEntry {
  at: string;
  user: string;
  action: RectificationAction | 'issue' | 'update';
  fromStatus: RectificationStatus | null;
  toStatus: RectificationStatus;
  comment: string | null;
}

/** A 整改通知 (GET /api/targets/:id/rectifications, newest first; its writes carry If-Match: "<version>"). */
export interface Rectification {
  id: string;
  targetId: string;
  targetName: string;
  targetYear: number;
  orgName: string;
  status: RectificationStatus;
  version: number;
  problems: string;
  requirements: string;
  /** 整改期限, YYYY-MM-DD. */
  deadline: string;
  feedback: string | null;
  /** Why it was issued: a red monitoring light or a 中/差 self-evaluation, as recorded then. */
  reason: string;
  issuedBy: string;
  issuedAt: string;
  history: RectificationHistoryEntry[];
  /** What the current user may do: write the answer (the unit), and the transitions. */
  permissions: { edit: boolean; actions: RectificationAction[] };
}

/** POST /api/targets/:id/rectifications (a reviewer). */
export interface CreateRectificationDto {
  problems: string;
  requirements: string;
  deadline: string;
}

/** PATCH /api/rectifications/:id (If-Match; the unit). */
export interface PatchRectificationDto {
  feedback: string | null;
}

/** POST /api/rectifications/:id/transitions (If-Match). */
export interface RectificationTransitionDto {
  action: RectificationAction;
  comment?: string | null;
}

/** GET /api/targets/:id/rectifications?carried=true: the open notices of the same-name target of the year before. */
export interface RectificationListQuery {
  carried?: boolean;
}
