import { readRows } from '@pt/api/core';
import type { WorkbenchContext, WorkbenchTodoSource } from '@pt/api/work/data-access';
import { hasRole, waitingStatuses, type ProjectStatus, type TaskKind } from '@pt/domain';
import type { UserSummary, WorkbenchTodo, WorkTask } from '@pt/shared/api-types';
import type { EntityManager } from 'typeorm';

/** At most this many items of one source: the 工作台 shows what is due first, the lists show everything. */
export const TODO_LIMIT = 100;

type TargetRow = { id: string; name: string; year: number; org_id: string; org_name: string; status: ProjectStatus; reason: string | null; month: number | null };

/** The earliest deadline of a task of `kind` covering the unit for that year (and month), if any. */
export function deadlineFor(tasks: readonly WorkTask[], kind: TaskKind, year: number, orgId: string, month: number | null = null): string | null {
  const due = tasks.filter((t) => t.kind === kind && t.year === year && t.orgIds.includes(orgId) && (month === null || t.month === month)).map((t) => t.deadline);
  return due.length ? due.sort()[0] : null;
}

type Duties = { years: number[]; months: (number | null)[]; orgs: string[] };

/** The (year, month, unit) each task of `kind` asks for, once each: the rows a source joins its targets to. */
function duties(tasks: readonly WorkTask[], kind: TaskKind): Duties {
  const seen = new Set<string>();
  const out: Duties = { years: [], months: [], orgs: [] };
  for (const t of tasks.filter((x) => x.kind === kind)) {
    for (const o of t.orgIds) {
      const key = `${t.year}/${t.month}/${o}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.years.push(t.year);
      out.months.push(t.month);
      out.orgs.push(o);
    }
  }
  return out;
}

/** One source's query: the rows (FROM … WHERE …, `$1` the visible organisations) listed newest first or counted. */
interface TodoQuery {
  from: string;
  where: string;
  params: unknown[];
  /** Extra columns of the list (the status shown, a return's reason, the month). */
  columns: string;
}

const TARGETS_FROM = 'project p JOIN org o ON o.id = p.org_id';
const BASE_COLUMNS = 'p.id, p.name, p.year, p.org_id, o.name AS org_name';
/** The latest reason given with a return of `action` (return / eval_return), for the filler to read. */
const lastReason = (action: string) => `(SELECT h.comment FROM project_history h WHERE h.project_id = p.id AND h.action = '${action}' ORDER BY h.id DESC LIMIT 1)`;

const list = (m: EntityManager, q: TodoQuery) =>
  readRows<TargetRow>(m, `SELECT ${BASE_COLUMNS}, ${q.columns} FROM ${q.from} WHERE p.org_id = ANY($1::uuid[]) AND ${q.where} ORDER BY p.updated_at DESC, p.id LIMIT ${TODO_LIMIT}`, q.params);
const count = async (m: EntityManager, q: TodoQuery) =>
  (await readRows<{ n: number }>(m, `SELECT count(*)::int AS n FROM ${q.from} WHERE p.org_id = ANY($1::uuid[]) AND ${q.where}`, q.params))[0].n;

function item(type: WorkbenchTodo['type'], document: WorkbenchTodo['document'], r: TargetRow, deadline: string | null): WorkbenchTodo {
  return { type, document, targetId: r.id, name: r.name, orgName: r.org_name, year: r.year, status: r.status, deadline };
}

/** A source whose items are the rows of its queries (null: none for this user), listed and counted alike. */
function querySource(
  name: string,
  m: () => EntityManager,
  queries: (user: UserSummary, ctx: WorkbenchContext) => TodoQuery[] | null,
  toItem: (r: TargetRow, ctx: WorkbenchContext, query: number) => WorkbenchTodo,
): WorkbenchTodoSource {
  return {
    name,
    todo: async (user, ctx) => {
      const out: WorkbenchTodo[] = [];
      for (const [i, q] of (queries(user, ctx) ?? []).entries()) out.push(...(await list(m(), q)).map((r) => toItem(r, ctx, i)));
      return out;
    },
    count: async (user, ctx) => {
      let n = 0;
      for (const q of queries(user, ctx) ?? []) n += await count(m(), q);
      return n;
    },
  };
}

const filler = (user: UserSummary) => hasRole(user, 'filler');

/** A filler's query over the duties of the tasks of `kind` (none for a reviewer, or without such a task). */
function fillerDuty(kind: TaskKind, query: (d: Duties, ctx: WorkbenchContext) => TodoQuery): (user: UserSummary, ctx: WorkbenchContext) => TodoQuery[] | null {
  return (user, ctx) => {
    const d = duties(ctx.tasks, kind);
    return filler(user) && d.orgs.length ? [query(d, ctx)] : null;
  };
}

/**
 * The 待办 of targets, self-evaluations and monitoring reports, by role: a filler's drafts to finish, returned
 * targets (with the reason), monitoring reports and self-evaluations due under a task; a reviewer's inbox.
 */
export function targetTodoSources(m: () => EntityManager): WorkbenchTodoSource[] {
  const fill = querySource(
    'fill',
    m,
    (user, ctx) => (filler(user) ? [{ from: TARGETS_FROM, where: `p.status = 'draft'`, params: [ctx.visibleOrgIds], columns: 'p.status' }] : null),
    (r, ctx) => item('fill', 'target', r, deadlineFor(ctx.tasks, 'declaration', r.year, r.org_id)),
  );
  const returned = querySource(
    'returned',
    m,
    (user, ctx) => (filler(user) ? [{ from: TARGETS_FROM, where: `p.status = 'returned'`, params: [ctx.visibleOrgIds], columns: `p.status, ${lastReason('return')} AS reason` }] : null),
    (r, ctx) => ({ ...item('returned', 'target', r, deadlineFor(ctx.tasks, 'declaration', r.year, r.org_id)), reason: r.reason }),
  );
  const review = querySource(
    'review',
    m,
    (user, ctx) => {
      const waiting = waitingStatuses(user);
      if (!waiting.length) return null;
      return [
        { from: TARGETS_FROM, where: 'p.status = ANY($2::text[])', params: [ctx.visibleOrgIds, waiting], columns: 'p.status' },
        { from: `${TARGETS_FROM} JOIN project_evaluation e ON e.project_id = p.id`, where: 'e.status = ANY($2::text[])', params: [ctx.visibleOrgIds, waiting], columns: 'e.status' },
      ];
    },
    (r, ctx, i) => (i === 0 ? item('review', 'target', r, deadlineFor(ctx.tasks, 'declaration', r.year, r.org_id)) : item('review', 'evaluation', r, deadlineFor(ctx.tasks, 'evaluation', r.year, r.org_id))),
  );
  // an approved target of a unit a monitoring task covers, without the report of the task's month
  const monitoring = querySource(
    'monitoring',
    m,
    fillerDuty('monitoring', (d, ctx) => ({
      from: `${TARGETS_FROM} JOIN unnest($2::int[], $3::int[], $4::uuid[]) AS d(year, month, org_id) ON d.year = p.year AND d.org_id = p.org_id`,
      where: `p.status = 'approved' AND NOT EXISTS (SELECT 1 FROM project_monitoring r WHERE r.project_id = p.id AND r.month = d.month)`,
      params: [ctx.visibleOrgIds, d.years, d.months, d.orgs],
      columns: 'p.status, d.month',
    })),
    (r, ctx) => ({ ...item('monitoring', 'monitoring', r, deadlineFor(ctx.tasks, 'monitoring', r.year, r.org_id, r.month)), month: r.month }),
  );
  // an approved target of a unit an evaluation task covers, whose self-evaluation is not saved, a draft or returned
  const evaluation = querySource(
    'evaluation',
    m,
    fillerDuty('evaluation', (d, ctx) => ({
      from: `${TARGETS_FROM} LEFT JOIN project_evaluation e ON e.project_id = p.id`,
      where: `p.status = 'approved' AND (e.status IS NULL OR e.status IN ('draft', 'returned'))
              AND (p.year, p.org_id) IN (SELECT * FROM unnest($2::int[], $3::uuid[]))`,
      params: [ctx.visibleOrgIds, d.years, d.orgs],
      columns: `coalesce(e.status, 'none') AS status, CASE WHEN e.status = 'returned' THEN ${lastReason('eval_return')} END AS reason`,
    })),
    (r, ctx) => ({ ...item('evaluation', 'evaluation', r, deadlineFor(ctx.tasks, 'evaluation', r.year, r.org_id)), reason: r.reason }),
  );
  return [fill, returned, review, monitoring, evaluation];
}
