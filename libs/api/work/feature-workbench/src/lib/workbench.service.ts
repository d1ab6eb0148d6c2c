import { Injectable, type OnModuleInit } from '@nestjs/common';
import { readRows } from '@pt/api/core';
import { OrgScopeService, type ProjectHistoryEntity } from '@pt/api/targets/data-access';
import { byUnit, stepDocuments, TaskStore, WorkbenchTodoSources, type WorkbenchContext } from '@pt/api/work/data-access';
import { beijingDate, daysLeft, isOverdue, leastAdvanced, stepStatus, type HistoryAction, type ProjectStatus } from '@pt/domain';
import type { PickRow } from '@pt/api/core';
import type { UserSummary, Workbench, WorkbenchCounts, WorkbenchDone, WorkbenchTask, WorkbenchTodo, WorkTask } from '@pt/shared/api-types';
import { DataSource } from 'typeorm';
import { targetTodoSources } from './target-todo-sources';

/** 已办: the user's latest transitions. */
const DONE_LIMIT = 20;
const DONE_ACTIONS: HistoryAction[] = ['submit', 'approve', 'return', 'withdraw', 'eval_submit', 'eval_approve', 'eval_return', 'eval_withdraw'];

/** The 工作台 shows the tasks of this year and last (a 自评 task of last year's targets runs into this year). */
function recentYear(today: string): number {
  return Number(today.slice(0, 4)) - 1;
}

/** The 工作台 (home page) of the asking user: tasks with deadlines, 待办 from every registered source, 已办. */
@Injectable()
export class WorkbenchService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: OrgScopeService,
    private readonly tasks: TaskStore,
    private readonly sources: WorkbenchTodoSources,
  ) {}

  onModuleInit(): void {
    for (const s of targetTodoSources(() => this.dataSource.manager)) this.sources.register(s);
  }

  async workbench(user: UserSummary): Promise<Workbench> {
    const ctx = await this.context(user);
    const [tasks, todo, done] = [await this.taskStatuses(ctx), await this.todo(user, ctx), await this.done(user)];
    return { tasks, todo, done, counts: countsOf(await this.todoCounts(user, ctx), tasks) };
  }

  /** The menu's badges, asked on every page: one count per 待办 source (indexed) and the overdue tasks. */
  async counts(user: UserSummary): Promise<WorkbenchCounts> {
    const ctx = await this.context(user);
    // only tasks past their deadline need their status (overdue unless 已完成)
    const passed = ctx.tasks.filter((t) => t.deadline < ctx.today);
    return countsOf(await this.todoCounts(user, ctx), await this.taskStatuses({ ...ctx, tasks: passed }));
  }

  private async context(user: UserSummary): Promise<WorkbenchContext> {
    const today = beijingDate();
    const visibleOrgIds = await this.scope.visibleOrgIds(user);
    const tasks = visibleOrgIds.length ? (await this.tasks.list(user)).filter((t) => t.year >= recentYear(today)) : [];
    return { today, visibleOrgIds, tasks };
  }

  private async todo(user: UserSummary, ctx: WorkbenchContext): Promise<WorkbenchTodo[]> {
    if (!ctx.visibleOrgIds.length) return [];
    const out: WorkbenchTodo[] = [];
    for (const s of this.sources.all()) out.push(...(await s.todo(user, ctx)));
    // what is due first first; items without a deadline after them
    return out.sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'));
  }

  /** How many items each source has in all (its list may be capped), by source name. */
  private async todoCounts(user: UserSummary, ctx: WorkbenchContext): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (!ctx.visibleOrgIds.length) return out;
    for (const s of this.sources.all()) out.set(s.name, s.count ? await s.count(user, ctx) : (await s.todo(user, ctx)).length);
    return out;
  }

  /** Each task with the user's status on it: the least advanced of the covered units the user sees. */
  private async taskStatuses(ctx: WorkbenchContext): Promise<WorkbenchTask[]> {
    const m = this.dataSource.manager;
    const out: WorkbenchTask[] = [];
    for (const t of ctx.tasks) {
      const docs = byUnit(t.orgIds, await stepDocuments(m, t, t.orgIds));
      const statuses = [...docs.values()].map((d) => stepStatus(d.map((x) => x.state)));
      const units = {
        total: statuses.length,
        done: statuses.filter((s) => s === '已完成').length,
        overdue: statuses.filter((s) => isOverdue(t.deadline, ctx.today, s)).length,
      };
      out.push({ ...summary(t, leastAdvanced(statuses), ctx.today), units });
    }
    return out;
  }

  private async done(user: UserSummary): Promise<WorkbenchDone[]> {
    type Row = PickRow<ProjectHistoryEntity, 'project_id' | 'action' | 'comment' | 'at'> & { name: string; from_status: ProjectStatus | null; to_status: ProjectStatus | null };
    const rows = await readRows<Row>(
      this.dataSource.manager,
      `SELECT h.project_id, p.name, h.action, h.from_status, h.to_status, h.comment, h.at
         FROM project_history h JOIN project p ON p.id = h.project_id
        WHERE h.user_id = $1 AND h.action = ANY($2::text[]) ORDER BY h.id DESC LIMIT ${DONE_LIMIT}`,
      [user.id, DONE_ACTIONS],
    );
    return rows.map((r) => ({
      targetId: r.project_id,
      name: r.name,
      action: r.action,
      fromStatus: r.from_status,
      toStatus: r.to_status,
      comment: r.comment,
      at: new Date(r.at).toISOString(),
    }));
  }
}

function summary(t: WorkTask, status: WorkbenchTask['status'], today: string): Omit<WorkbenchTask, 'units'> {
  return {
    id: t.id,
    kind: t.kind,
    title: t.title,
    year: t.year,
    month: t.month,
    deadline: t.deadline,
    status,
    overdue: isOverdue(t.deadline, today, status),
    daysLeft: daysLeft(t.deadline, today),
  };
}

function countsOf(bySource: ReadonlyMap<string, number>, tasks: readonly WorkbenchTask[]): WorkbenchCounts {
  return {
    todo: [...bySource.values()].reduce((a, b) => a + b, 0),
    review: bySource.get('review') ?? 0,
    returned: bySource.get('returned') ?? 0,
    overdueTasks: tasks.filter((t) => t.overdue).length,
  };
}
