import { readRows } from '@pt/api/core';
import type { WorkbenchTodoSource } from '@pt/api/work/data-access';
import { hasRole, mayIssueRectification, RECTIFICATION_FLOW, type RectificationStatus } from '@pt/domain';
import type { WorkbenchTodo } from '@pt/shared/contracts';
import type { EntityManager } from 'typeorm';

/** At most this many notices on the 工作台 (the target's page lists them all). */
const LIMIT = 100;

/**
 * The 工作台's 待整改: for a filler, the notices waiting for the unit's answer (issued or returned); for a reviewer, the
 * answers waiting for acceptance — of the organisations the user sees, the nearest deadline first.
 */
export function rectificationTodoSource(m: () => EntityManager): WorkbenchTodoSource {
  return {
    name: 'rectification',
    todo: async (user, ctx) => {
      const statuses: RectificationStatus[] = [
        ...(hasRole(user, 'filler') ? RECTIFICATION_FLOW.submit.from : []),
        ...(mayIssueRectification(user) ? RECTIFICATION_FLOW.approve.from : []),
      ];
      if (!statuses.length) return [];
      const rows = await readRows<{ id: string; project_id: string; name: string; year: number; org_name: string; status: RectificationStatus; deadline: string; problems: string }>(
        m(),
        `SELECT r.id, r.project_id, p.name, p.year, o.name AS org_name, r.status, r.deadline::text AS deadline, r.problems
           FROM rectification r JOIN project p ON p.id = r.project_id JOIN org o ON o.id = p.org_id
          WHERE p.org_id = ANY($1::uuid[]) AND r.status = ANY($2::text[])
          ORDER BY r.deadline, r.created_at LIMIT ${LIMIT}`,
        [ctx.visibleOrgIds, statuses],
      );
      return rows.map(
        (r): WorkbenchTodo => ({
          type: 'rectification',
          document: 'rectification',
          id: r.id,
          targetId: r.project_id,
          name: r.name,
          orgName: r.org_name,
          year: r.year,
          status: r.status,
          deadline: r.deadline,
          reason: r.problems,
        }),
      );
    },
  };
}
