import { ApiHttpException, readRows, type PickRow } from '@pt/api/core';
import { getFramework, parseTargetValue } from '@pt/domain';
import type { CreateProjectDto, TargetKindKey, Goal, Indicator, IndicatorInputDto, ProjectStatus, UserSummary } from '@pt/shared/contracts';
import type { EntityManager } from 'typeorm';
import type { IndicatorEntity } from '../entities/indicator.entity';
import type { ProjectGoalEntity } from '../entities/project-goal.entity';
import { metaColumns, withStoredMeta, type StoredMeta } from './indicator-meta-sql';
import { nullIfBlank, PROJECT_KIND } from './target-kind';

/**
 * The target aggregate's writes and its goal read, as functions of a transaction's manager: the store uses them,
 * and so do the imports and the demo data (inside their own transactions).
 */

/** A goal with one of its rows (LEFT JOIN: `i_id` null for a goal without rows). */
export type GoalWithRow = PickRow<ProjectGoalEntity, 'id' | 'project_id' | 'kind' | 'year' | 'text'> &
  PickRow<IndicatorEntity, 'level1' | 'level2' | 'name' | 'target_raw' | 'core' | 'weight' | 'explanation' | 'basis' | 'scoring_rule' | 'data_source'> & { i_id: string | null };

/** The columns of a GoalWithRow (its name, its expression), once for the plain select and the detail's JSON. */
export const GOAL_ROW_COLUMNS: readonly (readonly [keyof GoalWithRow, string])[] = [
  ['id', 'g.id'],
  ['project_id', 'g.project_id'],
  ['kind', 'g.kind'],
  ['year', 'g.year'],
  ['text', 'g.text'],
  ['i_id', 'i.id'],
  ['level1', 'i.level1'],
  ['level2', 'i.level2'],
  ['name', 'i.name'],
  ['target_raw', 'i.target_raw'],
  ['core', 'i.core'],
  ['weight', 'i.weight::text'],
  ['explanation', 'i.explanation'],
  ['basis', 'i.basis'],
  ['scoring_rule', 'i.scoring_rule'],
  ['data_source', 'i.data_source'],
];
/** Goals with their rows (a goal without rows comes once, with i_id null), and the order `goalsFromRows` expects within a target. */
export const GOAL_ROWS_FROM = 'FROM project_goal g LEFT JOIN indicator i ON i.goal_id = g.id';
export const GOAL_ROWS_ORDER = 'g.kind DESC, g.year, g.id, i.position';

export async function loadGoals(m: EntityManager, projectIds: string[]): Promise<(Goal & { projectId: string })[]> {
  // goals and their rows in one round trip
  const rows = await readRows<GoalWithRow>(
    m,
    `SELECT ${GOAL_ROW_COLUMNS.map(([name, expr]) => `${expr} AS ${name}`).join(', ')}
       ${GOAL_ROWS_FROM}
      WHERE g.project_id = ANY($1::uuid[])
      ORDER BY g.project_id, ${GOAL_ROWS_ORDER}`,
    [projectIds],
  );
  return goalsFromRows(rows);
}

/** The goals of rows ordered by target, goal (overall first, then by year) and row position, each goal once with its rows. */
export function goalsFromRows(rows: readonly GoalWithRow[]): (Goal & { projectId: string })[] {
  const goals: (Goal & { projectId: string })[] = [];
  for (const r of rows) {
    let g = goals[goals.length - 1];
    if (!g || g.id !== r.id) {
      g = { id: r.id, projectId: r.project_id, kind: r.kind, year: r.year, text: r.text, indicators: [] };
      goals.push(g);
    }
    if (r.i_id !== null) {
      g.indicators.push({
        id: r.i_id,
        level1: r.level1,
        level2: r.level2,
        name: r.name,
        core: r.core,
        weight: r.weight,
        target: parseTargetValue(r.target_raw),
        explanation: r.explanation,
        basis: r.basis,
        scoringRule: r.scoring_rule,
        dataSource: r.data_source,
      });
    }
  }
  return goals;
}

/** The rows of a target's annual goal of its own year: what its self-evaluation and its monitoring reports cover. */
export async function annualIndicators(m: EntityManager, target: { id: string; year: number }): Promise<Indicator[]> {
  return (await loadGoals(m, [target.id])).find((g) => g.kind === 'annual' && g.year === target.year)?.indicators ?? [];
}

/**
 * Insert a target with its two goals (used by create, the imports and the demo data). Returns its id. `kind`
 * defaults to a project; `kindColumns` are the columns of its kind's block (kindColumnValues).
 */
export async function insertProject(
  m: EntityManager,
  p: CreateProjectDto & { status: ProjectStatus; createdBy: string | null; kind?: TargetKindKey; kindColumns?: Record<string, unknown> },
): Promise<string> {
  if (!getFramework(p.frameworkCode)) throw new ApiHttpException(400, 'VALIDATION_FAILED', '未知的指标体系', [{ field: 'frameworkCode', message: '未知的指标体系' }]);
  const cols = ['org_id', 'year', 'name', 'framework_code', 'status', 'created_by', 'kind', ...Object.keys(p.kindColumns ?? {})];
  const vals: unknown[] = [p.orgId, p.year, p.name.trim(), p.frameworkCode, p.status, p.createdBy, p.kind ?? 'project', ...Object.values(p.kindColumns ?? {})];
  for (const [field, col] of Object.entries(PROJECT_KIND.headerColumns)) {
    if (field === 'name') continue;
    const v = (p as unknown as Record<string, unknown>)[field];
    if (v === undefined || cols.includes(col)) continue;
    cols.push(col);
    vals.push(typeof v === 'string' ? nullIfBlank(v) : v);
  }
  for (const [key, col] of Object.entries(PROJECT_KIND.fundColumns)) {
    const v = p.funds ? (p.funds as Record<string, string | null | undefined>)[key] : undefined;
    if (v === undefined || cols.includes(col)) continue;
    cols.push(col);
    vals.push(nullIfBlank(v));
  }
  // declared under the latest framework and settings versions (an administrator's edit applies to new projects only)
  const [row] = await m.query(
    `INSERT INTO project (${cols.join(', ')}, framework_version, settings_version)
     VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')},
             (SELECT max(version) FROM framework_version WHERE code = $${cols.length + 1}), (SELECT max(version) FROM scoring_settings_version))
     RETURNING id`,
    [...vals, p.frameworkCode],
  );
  await m.query(`INSERT INTO project_goal (project_id, kind, year, text) VALUES ($1, 'overall', NULL, $2), ($1, 'annual', $3, $4)`, [
    row.id,
    nullIfBlank(p.totalGoal ?? null),
    p.year,
    nullIfBlank(p.annualGoal ?? null),
  ]);
  return row.id;
}

/** Replace a goal's rows, keeping the ids the client sent back for rows of this goal. */
export async function replaceIndicators(
  m: EntityManager,
  goalId: string,
  rows: Pick<IndicatorInputDto, 'id' | 'level1' | 'level2' | 'name' | 'target' | 'core' | 'weight' | 'explanation' | 'basis' | 'scoringRule' | 'dataSource'>[],
): Promise<void> {
  const existing: StoredMeta[] = await m.query(`SELECT id, explanation, basis, scoring_rule, data_source FROM indicator WHERE goal_id = $1`, [goalId]);
  const keep = new Set(existing.map((e) => e.id));
  await countIndicators(m, goalId, rows.filter((r) => r.name.trim() !== '').length);
  if (!rows.length) {
    await m.query(`DELETE FROM indicator WHERE goal_id = $1`, [goalId]);
    return;
  }
  const used = new Set<string>();
  const ids = rows.map((r) => {
    const id = r.id && keep.has(r.id) && !used.has(r.id) ? r.id : null;
    if (id) used.add(id);
    return id;
  });
  // the old rows out and every new one in, in the order sent, in one statement: one round trip, and the statement
  // triggers (the detail stamp) run once each on the table replaced. The old rows go first (the sub-select reads them
  // all out before a row goes in), so a kept id goes back in without a clash.
  await m.query(
    `WITH gone AS (DELETE FROM indicator WHERE goal_id = $1 RETURNING 1)
     INSERT INTO indicator (id, goal_id, position, level1, level2, name, target_raw, core, weight, explanation, basis, scoring_rule, data_source)
     SELECT COALESCE(r.id, gen_random_uuid()), $1, r.pos, r.level1, r.level2, r.name, r.target, r.core, r.weight, r.explanation, r.basis, r.scoring_rule, r.data_source
       FROM unnest($2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::boolean[], $9::numeric[], $10::text[], $11::text[], $12::text[], $13::text[])
            AS r(id, pos, level1, level2, name, target, core, weight, explanation, basis, scoring_rule, data_source)
      WHERE (SELECT count(*) FROM gone) >= 0`,
    [
      goalId,
      ids,
      rows.map((_, pos) => pos),
      rows.map((r) => r.level1.trim()),
      rows.map((r) => r.level2.trim()),
      rows.map((r) => r.name.trim()),
      rows.map((r) => r.target.trim()),
      rows.map((r) => r.core ?? false),
      rows.map((r) => r.weight ?? null),
      ...metaColumns(rows.map((r, k) => withStoredMeta(r, ids[k], existing))),
    ],
  );
}

/**
 * 指标数 of the list (migration 1734500000000): the named rows of the goal, kept on its target's row when the goal is
 * the annual goal of the target's own year; written only where it changes (a PUT that edits values leaves the row).
 */
async function countIndicators(m: EntityManager, goalId: string, named: number): Promise<void> {
  await m.query(
    `UPDATE project p SET indicator_count = $2 FROM project_goal g
      WHERE g.id = $1 AND p.id = g.project_id AND g.kind = 'annual' AND g.year = p.year AND p.indicator_count <> $2`,
    [goalId, named],
  );
}

/** One history row of a target (its id, for the review comments given with it). */
export async function writeHistory(
  m: EntityManager,
  projectId: string,
  user: Pick<UserSummary, 'id' | 'displayName'>,
  action: string,
  from: ProjectStatus | null,
  to: ProjectStatus | null,
  comment: string | null,
): Promise<string> {
  const k = PROJECT_KIND;
  const [h] = await m.query(
    `INSERT INTO ${k.historyTable} (${k.ownerColumn}, user_id, user_name, action, from_status, to_status, comment) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [projectId, user.id, user.displayName, action, from, to, comment],
  );
  return String(h.id);
}

/** Set a goal's text (creating the goal when missing); `undefined` leaves the text. Returns the goal id. */
export async function setGoalText(m: EntityManager, projectId: string, kind: 'overall' | 'annual', year: number | null, text: string | null | undefined): Promise<string> {
  const [g] = await m.query(`SELECT id FROM project_goal WHERE project_id = $1 AND kind = $2 AND year IS NOT DISTINCT FROM $3`, [projectId, kind, year]);
  if (g) {
    if (text !== undefined) await m.query(`UPDATE project_goal SET text = $2 WHERE id = $1`, [g.id, nullIfBlank(text)]);
    return g.id;
  }
  const [n] = await m.query(`INSERT INTO project_goal (project_id, kind, year, text) VALUES ($1, $2, $3, $4) RETURNING id`, [projectId, kind, year, nullIfBlank(text ?? null)]);
  return n.id;
}
