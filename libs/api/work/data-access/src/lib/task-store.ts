import { Injectable } from '@nestjs/common';
import { ApiHttpException, AuditService, readRows, UUID_RE } from '@pt/api/core';
import { OrgScopeService } from '@pt/api/targets/data-access';
import { beijingDate, hasRole, isOverdue, stepStatus } from '@pt/domain';
import type { CreateTaskBody, TaskProgressRow, UserSummary, WorkTask } from '@pt/shared/api-types';
import { DataSource, type EntityManager } from 'typeorm';
import { byUnit, stepDocuments } from './step-states';

/** A task as read: the columns named as in the contract, and the snake_case ones. */
type TaskRow = Pick<WorkTask, 'id' | 'kind' | 'year' | 'month' | 'title' | 'deadline'> & {
  setter_org_id: string;
  setter_org_name: string;
  created_by_name: string;
  created_at: Date | string;
  org_ids: string[];
};

/** The organisations a task may cover: units (and departments, for their own 部门整体 targets). */
const COVERABLE_KINDS = ['unit', 'department'];

/** The task's columns, with the covered organisations among those in `$1` (the user's visible ones). */
const TASK_SELECT = `SELECT t.id, t.kind, t.year, t.month, t.title, to_char(t.deadline, 'YYYY-MM-DD') AS deadline, t.setter_org_id,
       so.name AS setter_org_name, t.created_by_name, t.created_at,
       ARRAY(SELECT o.org_id::text FROM work_task_org o WHERE o.task_id = t.id AND o.org_id = ANY($1::uuid[]) ORDER BY o.org_id) AS org_ids
  FROM work_task t JOIN org so ON so.id = t.setter_org_id`;
const COVERS_VISIBLE = `EXISTS (SELECT 1 FROM work_task_org v WHERE v.task_id = t.id AND v.org_id = ANY($1::uuid[]))`;

function toTask(r: TaskRow): WorkTask {
  return {
    id: r.id,
    kind: r.kind,
    year: r.year,
    month: r.month,
    title: r.title,
    deadline: r.deadline,
    setterOrgId: r.setter_org_id,
    setterOrgName: r.setter_org_name,
    createdBy: r.created_by_name,
    createdAt: new Date(r.created_at).toISOString(),
    orgIds: r.org_ids,
  };
}

function invalid(field: string, message: string): ApiHttpException {
  return new ApiHttpException(400, 'VALIDATION_FAILED', message, [{ field, message }]);
}

/**
 * Tasks of the year (domain §11): set by the finance bureau for any unit or by a department for its own units —
 * both are "the units the setter sees" — and seen by every user whose organisation sees a covered unit.
 */
@Injectable()
export class TaskStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: OrgScopeService,
    private readonly audit: AuditService,
  ) {}

  async create(user: UserSummary, body: CreateTaskBody): Promise<WorkTask> {
    if (!hasRole(user, 'finance_reviewer') && !hasRole(user, 'dept_reviewer')) {
      throw new ApiHttpException(403, 'FORBIDDEN', '只有财政或主管部门审核人可以下达任务');
    }
    if (body.kind === 'monitoring' && (body.month === undefined || body.month === null)) throw invalid('month', '监控任务须填写监控月份（1–12）');
    if (body.kind !== 'monitoring' && body.month !== undefined && body.month !== null) throw invalid('month', '只有监控任务填写监控月份');
    const title = body.title.trim();
    const orgIds = await this.coveredOrgs(user, body.orgIds);
    const id = await this.dataSource.transaction(async (m) => {
      const [t] = await m.query(
        `INSERT INTO work_task (kind, year, month, title, deadline, setter_org_id, created_by, created_by_name)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [body.kind, body.year, body.kind === 'monitoring' ? body.month : null, title, body.deadline, user.orgId, user.id, user.displayName],
      );
      await m.query(`INSERT INTO work_task_org (task_id, org_id) SELECT $1, unnest($2::uuid[])`, [t.id, orgIds]);
      await this.audit.record({ event: 'task.create', result: 'ok', objectType: 'task', objectId: t.id, objectName: title, details: { kind: body.kind, year: body.year, units: orgIds.length } }, m);
      return t.id as string;
    });
    return this.get(user, id);
  }

  /** The tasks covering a unit the user sees, by deadline. */
  async list(user: UserSummary, year?: number): Promise<WorkTask[]> {
    const visible = await this.scope.visibleOrgIds(user);
    if (!visible.length) return [];
    const rows = await readRows<TaskRow>(
      this.dataSource.manager,
      `${TASK_SELECT} WHERE ${COVERS_VISIBLE} ${year === undefined ? '' : 'AND t.year = $2'} ORDER BY t.deadline, t.created_at, t.id`,
      year === undefined ? [visible] : [visible, year],
    );
    return rows.map(toTask);
  }

  async get(user: UserSummary, id: string, m: EntityManager = this.dataSource.manager): Promise<WorkTask> {
    const visible = await this.scope.visibleOrgIds(user, m);
    if (!UUID_RE.test(id) || !visible.length) throw this.notFound();
    const [row] = await readRows<TaskRow>(m, `${TASK_SELECT} WHERE t.id = $2 AND ${COVERS_VISIBLE}`, [visible, id]);
    if (!row) throw this.notFound();
    return toTask(row);
  }

  /** Each covered unit the user sees, by code: its status on the task's step and whether it is overdue. */
  async progress(user: UserSummary, id: string, today = beijingDate()): Promise<{ task: WorkTask; rows: TaskProgressRow[] }> {
    const task = await this.get(user, id);
    const m = this.dataSource.manager;
    const orgs = await readRows<{ id: string; name: string }>(m, `SELECT id, name FROM org WHERE id = ANY($1::uuid[]) ORDER BY code, id`, [task.orgIds]);
    const docs = byUnit(
      orgs.map((o) => o.id),
      await stepDocuments(m, task, task.orgIds),
    );
    const rows = orgs.map((o) => {
      const states = (docs.get(o.id) ?? []).map((d) => d.state);
      const status = stepStatus(states);
      return { orgId: o.id, orgName: o.name, status, targets: states.length, done: states.filter((s) => s === 'approved').length, overdue: isOverdue(task.deadline, today, status) };
    });
    return { task, rows };
  }

  /** The organisations a new task covers: the given ones (each visible and a unit or department) or every visible unit. */
  private async coveredOrgs(user: UserSummary, given: readonly string[] | undefined): Promise<string[]> {
    const visible = await this.scope.visibleOrgIds(user);
    const rows = await readRows<{ id: string; name: string; kind: string }>(
      this.dataSource.manager,
      `SELECT id, name, kind FROM org WHERE id = ANY($1::uuid[]) ORDER BY code, id`,
      [given ?? visible],
    );
    if (!given) {
      const units = rows.filter((r) => r.kind === 'unit').map((r) => r.id);
      if (!units.length) throw invalid('orgIds', '您管辖的范围内没有可下达任务的单位');
      return units;
    }
    const found = new Map(rows.map((r) => [r.id, r]));
    const outside = given.filter((o) => !visible.includes(o) || !found.has(o));
    if (outside.length) throw invalid('orgIds', `单位不存在或不在您的管辖范围内：${outside.join('、')}`);
    const wrongKind = rows.filter((r) => !COVERABLE_KINDS.includes(r.kind));
    if (wrongKind.length) throw invalid('orgIds', `任务只能下达给单位或部门，不能下达给：${wrongKind.map((r) => r.name).join('、')}`);
    return [...given];
  }

  private notFound(): ApiHttpException {
    return new ApiHttpException(404, 'NOT_FOUND', '任务不存在或无权查看');
  }
}
