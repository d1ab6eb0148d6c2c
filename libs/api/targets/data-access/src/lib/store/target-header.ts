import { ApiHttpException, UUID_RE } from '@pt/api/core';
import { PROJECT_FIELD_LABELS } from '@pt/domain';
import type { UpdateTargetDto } from '@pt/shared/contracts';
import type { EntityManager } from 'typeorm';
import type { ProjectRow } from './project-row';
import { kindColumnValues, loadTasks, replaceTasks, sameTasks } from './kind-fields';
import { nullIfBlank, PROJECT_KIND } from './target-kind';
import { setGoalText } from './target-sql';

/** 计划完成日期 not before 计划开始日期 (400 naming endDate). */
export function assertDateOrder(start: string | null | undefined, end: string | null | undefined): void {
  if (start && end && start > end) {
    const message = `${PROJECT_FIELD_LABELS.endDate}不能早于${PROJECT_FIELD_LABELS.startDate}`;
    throw new ApiHttpException(400, 'VALIDATION_FAILED', message, [{ field: 'endDate', message }]);
  }
}

/**
 * Apply a PATCH of the header, funds and goal texts inside a write; returns whether anything changed (the row is
 * updated only where a value differs, so a PATCH that repeats what is stored is no new version).
 */
export async function updateHeader(m: EntityManager, row: ProjectRow, dto: UpdateTargetDto): Promise<boolean> {
  const k = PROJECT_KIND;
  const sets: string[] = [];
  const params: unknown[] = [row.id];
  const setCols = new Set<string>();
  const set = (col: string, v: unknown) => {
    if (setCols.has(col)) return; // the kind's block names the column first (a policy's basis, a department's budget)
    setCols.add(col);
    params.push(v);
    sets.push(`${col} = $${params.length}`);
  };
  const kindValues = kindColumnValues(row.kind, dto);
  for (const [col, v] of Object.entries(kindValues)) set(col, v);
  for (const [field, col] of Object.entries(k.headerColumns)) {
    const v = (dto as Record<string, unknown>)[field];
    if (v === undefined) continue;
    if (field === 'name' && (v === null || String(v).trim() === '')) {
      throw new ApiHttpException(400, 'VALIDATION_FAILED', `请填写${k.label}名称`, [{ field: 'name', message: `请填写${k.label}名称` }]);
    }
    set(col, typeof v === 'string' ? nullIfBlank(v) : v);
  }
  if (dto.funds !== undefined) {
    for (const [key, col] of Object.entries(k.fundColumns)) {
      const v = dto.funds === null ? null : (dto.funds as Record<string, string | null | undefined>)[key];
      if (v !== undefined) set(col, nullIfBlank(v));
    }
  }
  // dates may be set one at a time: check the pair as it will be stored (a policy's 实施期 is its plan dates)
  const stored = (col: 'start_date' | 'end_date', field: 'startDate' | 'endDate') =>
    col in kindValues ? (kindValues[col] as string | null) : dto[field] !== undefined ? dto[field] : row[col];
  const start = stored('start_date', 'startDate');
  const end = stored('end_date', 'endDate');
  if (row.kind === 'policy' && start && end && start > end) {
    const message = '实施期的结束年度不能早于起始年度';
    throw new ApiHttpException(400, 'VALIDATION_FAILED', message, [{ field: dto.policy?.endYear !== undefined ? 'policy.endYear' : 'policy.startYear', message }]);
  }
  assertDateOrder(start, end);
  let changed = false;
  const tasks = row.kind === 'department' ? dto.department?.tasks : undefined;
  if (tasks !== undefined && !sameTasks((await loadTasks(m, [row.id])).get(row.id) ?? [], tasks)) {
    await replaceTasks(m, row.id, tasks);
    changed = true;
  }
  if (sets.length) {
    // the row only where a value differs (PostgreSQL compares: 500000 and 500000.00 are the same amount)
    const differs = sets.map((s) => s.replace(' = ', ' IS DISTINCT FROM ')).join(' OR ');
    const qr = m.queryRunner;
    if (!qr) throw new Error('update outside a transaction');
    const res = await qr.query(`UPDATE ${k.table} SET ${sets.join(', ')} WHERE id = $1 AND (${differs})`, params, true);
    changed = res.affected === 1;
  }
  const goalTexts: [string | null | undefined, 'overall' | 'annual', number | null][] = [
    [dto.totalGoal, 'overall', null],
    [dto.annualGoal, 'annual', row.year],
  ];
  for (const [text, kind, year] of goalTexts) {
    if (text === undefined) continue;
    const [g] = await m.query(`SELECT text FROM ${k.goalTable} WHERE ${k.ownerColumn} = $1 AND kind = $2 AND year IS NOT DISTINCT FROM $3`, [row.id, kind, year]);
    if (g && g.text === nullIfBlank(text)) continue;
    await setGoalText(m, row.id, kind, year, text);
    changed = true;
  }
  return changed;
}

/** The id of a goal of this target (404 when it is another's or none). */
export async function goalOf(m: EntityManager, targetId: string, goalId: string): Promise<string> {
  const [g] = await m.query(`SELECT id FROM ${PROJECT_KIND.goalTable} WHERE id = $1 AND ${PROJECT_KIND.ownerColumn} = $2`, [UUID_RE.test(goalId) ? goalId : null, targetId]);
  if (!g) throw new ApiHttpException(404, 'NOT_FOUND', '未找到该目标');
  return g.id;
}

/** Whether the target has the annual goal of `year` already. */
export async function hasAnnualGoal(m: EntityManager, targetId: string, year: number): Promise<boolean> {
  const [exists] = await m.query(`SELECT 1 FROM ${PROJECT_KIND.goalTable} WHERE ${PROJECT_KIND.ownerColumn} = $1 AND kind = 'annual' AND year = $2`, [targetId, year]);
  return !!exists;
}

/**
 * The annual rows of last year's same-name project of the same unit (the approved one first, else the latest
 * edited), or null when there is none.
 */
export async function lastYearAnnualRows(
  m: EntityManager,
  row: ProjectRow,
): Promise<{ level1: string; level2: string; name: string; target: string; core: boolean; weight: string | null }[] | null> {
  const [src] = await m.query(
    `SELECT p.id, p.year FROM project p WHERE p.org_id = $1 AND p.year = $2 AND btrim(p.name) = btrim($3) AND p.id <> $4 AND p.kind = $5
      ORDER BY (p.status = 'approved') DESC, p.updated_at DESC LIMIT 1`,
    [row.org_id, row.year - 1, row.name, row.id, row.kind],
  );
  if (!src) return null;
  const rows: { level1: string; level2: string; name: string; target_raw: string; core: boolean; weight: string | null }[] = await m.query(
    `SELECT i.level1, i.level2, i.name, i.target_raw, i.core, i.weight::text AS weight
       FROM indicator i JOIN project_goal g ON g.id = i.goal_id WHERE g.project_id = $1 AND g.kind = 'annual' AND g.year = $2 ORDER BY i.position`,
    [src.id, src.year],
  );
  return rows.map((r) => ({ level1: r.level1, level2: r.level2, name: r.name, target: r.target_raw, core: r.core, weight: r.weight }));
}
