import { ApiHttpException, readRows, type PickRow } from '@pt/api/core';
import { Dec, TARGET_KIND_LABELS, TARGET_NOUNS } from '@pt/domain';
import type { DepartmentFields, DepartmentFieldsInput, DepartmentTask, DepartmentTaskInput, PolicyFields, PolicyFieldsInput, TargetKindKey } from '@pt/shared/contracts';
import type { EntityManager } from 'typeorm';
import type { DepartmentTaskEntity } from '../entities/department-task.entity';
import { narrowedKind } from './kind-scope';
import type { ProjectRow } from './project-row';
import { nullIfBlank } from './target-kind';

/**
 * The blocks of the two other kinds of target and the columns they live in (see ProjectEntity): a department's
 * 年度预算申请 is the year's money of every kind (fund_annual_*) plus its budget by nature; a policy's 政策依据,
 * 实施期 and 资金规模 are the project's basis, plan dates and funds. One aggregate, one table, no copies.
 */

/** Department budget field → column. */
const DEPARTMENT_BUDGET_COLUMNS = {
  total: 'fund_annual_total',
  fiscal: 'fund_annual_fiscal',
  other: 'fund_annual_other',
  basic: 'dept_budget_basic',
  project: 'dept_budget_project',
} as const;

export function departmentOf(r: ProjectRow, tasks: DepartmentTask[]): DepartmentFields {
  return {
    budget: { total: r.fund_annual_total, fiscal: r.fund_annual_fiscal, other: r.fund_annual_other, basic: r.dept_budget_basic, project: r.dept_budget_project },
    tasks,
  };
}

const yearOf = (date: string | null): number | null => (date ? Number(date.slice(0, 4)) : null);

export function policyOf(r: ProjectRow): PolicyFields {
  return { basis: r.basis, startYear: yearOf(r.start_date), endYear: yearOf(r.end_date), totalFunds: r.fund_total, annualFunds: r.fund_annual_total };
}

/**
 * The column values of a kind's block in a create or PATCH (column → value; a field left out is not set). A block
 * of another kind is refused (400 naming it), never dropped.
 */
export function kindColumnValues(kind: TargetKindKey, dto: { department?: DepartmentFieldsInput | null; policy?: PolicyFieldsInput | null }): Record<string, unknown> {
  for (const block of ['department', 'policy'] as const) {
    if (dto[block] !== undefined && dto[block] !== null && block !== kind) {
      const message = `${TARGET_KIND_LABELS[kind]}绩效目标没有${TARGET_KIND_LABELS[block]}的字段（${block}）`;
      throw new ApiHttpException(400, 'VALIDATION_FAILED', message, [{ field: block, message }]);
    }
  }
  const out: Record<string, unknown> = {};
  if (kind === 'department' && dto.department?.budget !== undefined) {
    const budget = dto.department.budget;
    for (const [field, col] of Object.entries(DEPARTMENT_BUDGET_COLUMNS)) {
      const v = budget === null ? null : budget[field as keyof typeof DEPARTMENT_BUDGET_COLUMNS];
      if (v !== undefined) out[col] = nullIfBlank(v);
    }
  }
  const p = dto.policy;
  if (kind === 'policy' && p) {
    if (p.startYear != null && p.endYear != null && p.startYear > p.endYear) {
      const message = '实施期的结束年度不能早于起始年度';
      throw new ApiHttpException(400, 'VALIDATION_FAILED', message, [{ field: 'policy.endYear', message }]);
    }
    if (p.basis !== undefined) out['basis'] = nullIfBlank(p.basis);
    if (p.startYear !== undefined) out['start_date'] = p.startYear === null ? null : `${p.startYear}-01-01`;
    if (p.endYear !== undefined) out['end_date'] = p.endYear === null ? null : `${p.endYear}-12-31`;
    if (p.totalFunds !== undefined) out['fund_total'] = nullIfBlank(p.totalFunds);
    if (p.annualFunds !== undefined) out['fund_annual_total'] = nullIfBlank(p.annualFunds);
  }
  return out;
}

type TaskRow = PickRow<DepartmentTaskEntity, 'project_id' | 'name' | 'content' | 'amount' | 'fiscal' | 'other'>;

/** The 年度主要任务 of department targets, by target id, in their order (one round trip). */
export async function loadTasks(m: EntityManager, targetIds: string[]): Promise<Map<string, DepartmentTask[]>> {
  const out = new Map<string, DepartmentTask[]>();
  if (!targetIds.length) return out;
  const rows = await readRows<TaskRow>(
    m,
    `SELECT project_id, name, content, amount::text AS amount, fiscal::text AS fiscal, other::text AS other
       FROM department_task WHERE project_id = ANY($1::uuid[]) ORDER BY project_id, position`,
    [targetIds],
  );
  for (const r of rows) {
    const list = out.get(r.project_id) ?? [];
    list.push({ name: r.name, content: r.content, amount: r.amount, fiscal: r.fiscal, other: r.other });
    out.set(r.project_id, list);
  }
  return out;
}

/** Replace a department target's 年度主要任务 with `tasks`, in the order sent (one statement). */
export async function replaceTasks(m: EntityManager, targetId: string, tasks: readonly DepartmentTaskInput[]): Promise<void> {
  await m.query(`DELETE FROM department_task WHERE project_id = $1`, [targetId]);
  if (!tasks.length) return;
  await m.query(
    `INSERT INTO department_task (project_id, position, name, content, amount, fiscal, other)
     SELECT $1, r.pos, r.name, r.content, r.amount, r.fiscal, r.other
       FROM unnest($2::int[], $3::text[], $4::text[], $5::numeric[], $6::numeric[], $7::numeric[]) AS r(pos, name, content, amount, fiscal, other)`,
    [
      targetId,
      tasks.map((_, i) => i),
      tasks.map((t) => t.name.trim()),
      tasks.map((t) => nullIfBlank(t.content)),
      tasks.map((t) => nullIfBlank(t.amount)),
      tasks.map((t) => nullIfBlank(t.fiscal)),
      tasks.map((t) => nullIfBlank(t.other)),
    ],
  );
}

/** Whether two task lists are the same (a PATCH repeating the stored rows is no change): amounts compare as decimals. */
export function sameTasks(a: readonly DepartmentTask[], b: readonly DepartmentTaskInput[]): boolean {
  const amount = (v: string | null | undefined) => Dec.parse(nullIfBlank(v))?.toFixed(2) ?? null;
  return (
    a.length === b.length &&
    a.every(
      (t, i) =>
        t.name === b[i].name.trim() &&
        t.content === nullIfBlank(b[i].content) &&
        amount(t.amount) === amount(b[i].amount) &&
        amount(t.fiscal) === amount(b[i].fiscal) &&
        amount(t.other) === amount(b[i].other),
    )
  );
}

/**
 * How messages name a target: by its kind (「项目」「部门（单位）整体绩效目标」「政策绩效目标」), or — not yet read, as in a
 * 404 — by the path asked: 「项目」 under /api/projects, 「绩效目标」 under /api/targets.
 */
export function targetLabel(kind?: TargetKindKey): string {
  const k = kind ?? narrowedKind();
  return k ? TARGET_NOUNS[k] : '绩效目标';
}
