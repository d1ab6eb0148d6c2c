import type { PickRow } from '@pt/api/core';
import type { RectificationEntity } from '@pt/api/targets/data-access';
import { hasRole, isRectificationEditable, rectificationActions } from '@pt/domain';
import type { Rectification, UserSummary } from '@pt/shared/contracts';

/** A notice as read, with its target's name, year and unit (one join). */
export type RectificationRow = PickRow<
  RectificationEntity,
  'id' | 'project_id' | 'status' | 'version' | 'problems' | 'requirements' | 'deadline' | 'feedback' | 'reason' | 'issued_by_name' | 'history' | 'created_at'
> & { target_name: string; target_year: number; org_name: string; org_id: string };

export const RECTIFICATION_SELECT = `SELECT r.id, r.project_id, r.status, r.version, r.problems, r.requirements, r.deadline::text AS deadline, r.feedback,
       r.reason, r.issued_by_name, r.history, r.created_at, p.name AS target_name, p.year AS target_year, p.org_id, o.name AS org_name
  FROM rectification r JOIN project p ON p.id = r.project_id JOIN org o ON o.id = p.org_id`;

/** Newest first (the list's order). */
export const RECTIFICATION_ORDER = `ORDER BY r.created_at DESC, r.id DESC`;

export function toRectification(user: UserSummary, r: RectificationRow): Rectification {
  return {
    id: r.id,
    targetId: r.project_id,
    targetName: r.target_name,
    targetYear: r.target_year,
    orgName: r.org_name,
    status: r.status,
    version: r.version,
    problems: r.problems,
    requirements: r.requirements,
    deadline: r.deadline,
    feedback: r.feedback,
    reason: r.reason,
    issuedBy: r.issued_by_name,
    issuedAt: new Date(r.created_at).toISOString(),
    history: r.history,
    permissions: { edit: hasRole(user, 'filler') && isRectificationEditable(r.status), actions: rectificationActions(user, r.status) },
  };
}
