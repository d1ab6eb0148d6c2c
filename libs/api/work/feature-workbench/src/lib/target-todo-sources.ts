import { readRows } from '@pt/api/core';
import type { WorkbenchTodoSource } from '@pt/api/work/data-access';
import { hasRole, waitingStatuses, type ProjectStatus, type TaskKind } from '@pt/domain';
import type { WorkbenchTodo, WorkTask } from '@pt/shared/api-types';
import type { EntityManager } from 'typeorm';

/** At most this many items of one source: the 工作台 shows what is due, the lists show everything. */
export const TODO_LIMIT = 100;

type TargetRow = { id: string; name: string; year: number; org_id: string; org_name: string; status: ProjectStatus; reason: string | null };

/** The earliest deadline of a task of `kind` covering the unit for that year (and month), if any. */
export function deadlineFor(tasks: readonly WorkTask[], kind: TaskKind, year: number, orgId: string, month: number | null = null): string | null {
  const due = tasks.filter((t) => t.kind === kind && t.year === year && t.orgIds.includes(orgId) && (month === null || t.month === month)).map((t) => t.deadline);
  return due.length ? due.sort()[0] : null;
}

/** The latest reason given with a return of `action` (return / eval_return), for the filler to read. */
const lastReason = (action: string) =>
  `(SELECT h.comment FROM project_history h WHERE h.project_id = p.id AND h.action = '${action}' ORDER BY h.id DESC LIMIT 1) AS reason`;

function targets(m: EntityManager, where: string, params: unknown[], reason = 'NULL::text AS reason'): Promise<TargetRow[]> {
  return readRows<TargetRow>(
    m,
    `SELECT p.id, p.name, p.year, p.org_id, o.name AS org_name, p.status, ${reason}
       FROM project p JOIN org o ON o.id = p.org_id
      WHERE p.org_id = ANY($1::uuid[]) AND ${where} ORDER BY p.updated_at DESC, p.id LIMIT ${TODO_LIMIT}`,
    params,
  );
}

function item(type: WorkbenchTodo['type'], document: WorkbenchTodo['document'], r: TargetRow, status: string, deadline: string | null): WorkbenchTodo {
  return { type, document, targetId: r.id, name: r.name, orgName: r.org_name, year: r.year, status, deadline };
}

/**
 * The 待办 of targets, self-evaluations and monitoring reports, by role: a filler's drafts to finish, returned
 * targets (with the reason), monitoring reports and self-evaluations due under a task; a reviewer's inbox.
 */
export function targetTodoSources(m: () => EntityManager): WorkbenchTodoSource[] {
  const fill: WorkbenchTodoSource = {
    name: 'fill',
    todo: async (user, ctx) => {
      if (!hasRole(user, 'filler')) return [];
      const rows = await targets(m(), `p.status = 'draft'`, [ctx.visibleOrgIds]);
      return rows.map((r) => item('fill', 'target', r, r.status, deadlineFor(ctx.tasks, 'declaration', r.year, r.org_id)));
    },
  };
  const returned: WorkbenchTodoSource = {
    name: 'returned',
    todo: async (user, ctx) => {
      if (!hasRole(user, 'filler')) return [];
      const rows = await targets(m(), `p.status = 'returned'`, [ctx.visibleOrgIds], lastReason('return'));
      return rows.map((r) => ({ ...item('returned', 'target', r, r.status, deadlineFor(ctx.tasks, 'declaration', r.year, r.org_id)), reason: r.reason }));
    },
  };
  const review: WorkbenchTodoSource = {
    name: 'review',
    todo: async (user, ctx) => {
      const waiting = waitingStatuses(user);
      if (!waiting.length) return [];
      const declared = await targets(m(), `p.status = ANY($2::text[])`, [ctx.visibleOrgIds, waiting]);
      const evaluated = await readRows<TargetRow>(
        m(),
        `SELECT p.id, p.name, p.year, p.org_id, o.name AS org_name, e.status, NULL::text AS reason
           FROM project_evaluation e JOIN project p ON p.id = e.project_id JOIN org o ON o.id = p.org_id
          WHERE p.org_id = ANY($1::uuid[]) AND e.status = ANY($2::text[]) ORDER BY e.updated_at DESC, p.id LIMIT ${TODO_LIMIT}`,
        [ctx.visibleOrgIds, waiting],
      );
      return [
        ...declared.map((r) => item('review', 'target', r, r.status, deadlineFor(ctx.tasks, 'declaration', r.year, r.org_id))),
        ...evaluated.map((r) => item('review', 'evaluation', r, r.status, deadlineFor(ctx.tasks, 'evaluation', r.year, r.org_id))),
      ];
    },
  };
  const monitoring: WorkbenchTodoSource = {
    name: 'monitoring',
    todo: async (user, ctx) => {
      if (!hasRole(user, 'filler')) return [];
      const out: WorkbenchTodo[] = [];
      for (const t of ctx.tasks.filter((x) => x.kind === 'monitoring')) {
        const rows = await targets(
          m(),
          `p.year = $2 AND p.status = 'approved' AND p.org_id = ANY($3::uuid[])
           AND NOT EXISTS (SELECT 1 FROM project_monitoring r WHERE r.project_id = p.id AND r.month = $4)`,
          [ctx.visibleOrgIds, t.year, t.orgIds, t.month],
        );
        out.push(...rows.map((r) => ({ ...item('monitoring', 'monitoring', r, r.status, t.deadline), month: t.month })));
      }
      return out;
    },
  };
  const evaluation: WorkbenchTodoSource = {
    name: 'evaluation',
    todo: async (user, ctx) => {
      if (!hasRole(user, 'filler')) return [];
      const years = [...new Set(ctx.tasks.filter((x) => x.kind === 'evaluation').map((x) => x.year))];
      if (!years.length) return [];
      const rows = await readRows<TargetRow & { e_status: ProjectStatus | null }>(
        m(),
        `SELECT p.id, p.name, p.year, p.org_id, o.name AS org_name, p.status, e.status AS e_status, ${lastReason('eval_return')}
           FROM project p JOIN org o ON o.id = p.org_id LEFT JOIN project_evaluation e ON e.project_id = p.id
          WHERE p.org_id = ANY($1::uuid[]) AND p.year = ANY($2::int[]) AND p.status = 'approved'
            AND (e.status IS NULL OR e.status IN ('draft', 'returned')) ORDER BY p.updated_at DESC, p.id LIMIT ${TODO_LIMIT}`,
        [ctx.visibleOrgIds, years],
      );
      return rows
        .map((r) => ({ r, deadline: deadlineFor(ctx.tasks, 'evaluation', r.year, r.org_id) }))
        .filter((x) => x.deadline !== null)
        .map(({ r, deadline }) => ({ ...item('evaluation', 'evaluation', r, r.e_status ?? 'none', deadline), reason: r.e_status === 'returned' ? r.reason : null }));
    },
  };
  return [fill, returned, review, monitoring, evaluation];
}

