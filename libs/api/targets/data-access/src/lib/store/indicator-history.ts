import { readRows, type PickRow } from '@pt/api/core';
import { indicatorKey, parseTargetValue, type IndicatorHistory } from '@pt/domain';
import type { IndicatorHistoryResponse } from '@pt/shared/contracts';
import type { EntityManager } from 'typeorm';
import type { IndicatorEntity } from '../entities/indicator.entity';
import { annualIndicators } from './target-sql';

type LastYearRow = PickRow<IndicatorEntity, 'level1' | 'level2' | 'name' | 'target_raw'> & {
  project_id: string;
  year: number;
  actual: string | null;
  actual_unit: string | null;
  grade: string | null;
};

/** The same-name target of the same unit and kind one year before (the one `loadLastYear` reads), as in `last` below. */
const LAST_YEAR_OF_P = `FROM project py WHERE py.org_id = p.org_id AND py.year = p.year - 1 AND py.name = p.name AND py.kind = p.kind`;

/** A column of a select over `project p`: whether last year's same-name target exists (`has_last_year`). */
export const HAS_LAST_YEAR = `EXISTS (SELECT 1 ${LAST_YEAR_OF_P}) AS has_last_year`;

/**
 * Last year's rows of the targets `projectIds` (the same-name target of the same unit and kind, one year before), with
 * their self-evaluation's actual, in one round trip for all of them, keyed by target then by `indicatorKey`. Where
 * several targets of last year share the name, the approved one (then the latest changed) wins.
 */
export async function loadLastYear(m: EntityManager, projectIds: readonly string[]): Promise<Map<string, Map<string, IndicatorHistory>>> {
  const rows = await readRows<LastYearRow>(
    m,
    // last year's evaluation items are expanded once per evaluation and joined by row id (a LATERAL per row expanded
    // them once per row: 30 rows × 30 items on every detail read)
    `WITH last AS (
       SELECT p.id AS project_id, py.id AS last_id, py.year, (py.status = 'approved') AS approved, py.updated_at
         FROM project p, LATERAL (SELECT py.id, py.year, py.status, py.updated_at ${LAST_YEAR_OF_P}) py
        WHERE p.id = ANY($1::uuid[])
     ), items AS (
       SELECT e.project_id AS last_id, it->>'indicatorId' AS indicator_id, it->>'actual' AS actual, it->>'actualUnit' AS actual_unit, it->>'grade' AS grade
         FROM project_evaluation e JOIN last ON last.last_id = e.project_id, jsonb_array_elements(e.items) it
     )
     SELECT l.project_id, l.year, i.level1, i.level2, i.name, i.target_raw, x.actual, x.actual_unit, x.grade
       FROM last l
       JOIN project_goal g ON g.project_id = l.last_id AND g.kind = 'annual' AND g.year = l.year
       JOIN indicator i ON i.goal_id = g.id
       LEFT JOIN items x ON x.last_id = l.last_id AND x.indicator_id = i.id::text
      ORDER BY l.project_id, l.approved DESC, l.updated_at DESC, i.position`,
    [projectIds],
  );
  const out = new Map<string, Map<string, IndicatorHistory>>();
  for (const r of rows) {
    let byKey = out.get(r.project_id);
    if (!byKey) out.set(r.project_id, (byKey = new Map()));
    const key = indicatorKey(r);
    if (byKey.has(key)) continue;
    byKey.set(key, { year: r.year, target: r.target_raw, actual: actualText(r) });
  }
  return out;
}

/** The actual as printed: the value in its unit (the target's unit when none was given), or a qualitative grade. */
function actualText(r: LastYearRow): string | null {
  if (r.actual !== null && r.actual.trim() !== '') return `${r.actual}${r.actual_unit ?? parseTargetValue(r.target_raw).unit ?? ''}`;
  return r.grade;
}

/** Last year's values of the rows of a target's own-year annual table (GET …/indicator-history). */
export async function indicatorHistory(m: EntityManager, target: { id: string; year: number }): Promise<IndicatorHistoryResponse> {
  const [indicators, lastYear] = await Promise.all([annualIndicators(m, target), loadLastYear(m, [target.id])]);
  const byKey = lastYear.get(target.id);
  return { year: target.year - 1, rows: indicators.map((i) => ({ indicatorId: i.id, history: byKey?.get(indicatorKey(i)) ?? null })) };
}

/** Last year's values of the given rows of one target, by their order (the findings' BELOW_LAST_YEAR_ACTUAL). */
export async function lastYearOf(m: EntityManager, projectId: string, rows: readonly { level1: string; level2: string; name: string }[]): Promise<(IndicatorHistory | null)[]> {
  const byKey = (await loadLastYear(m, [projectId])).get(projectId);
  return rows.map((r) => byKey?.get(indicatorKey(r)) ?? null);
}
