import { readRows } from '@pt/api/core';
import { monitoringState, type StepDocumentState, type TaskKind } from '@pt/domain';
import type { EntityManager } from 'typeorm';

/** What a task's step is about: its kind, year and (监控) month. */
export interface TaskStep {
  kind: TaskKind;
  year: number;
  month: number | null;
}

/** One document of the step for one unit, with the target it belongs to. */
export interface StepDocument {
  orgId: string;
  targetId: string;
  state: StepDocumentState;
}

type Row = { org_id: string; id: string; state: string | null; saved: boolean | null };

/**
 * The documents of the step of every unit in `orgIds`, in one query: 申报 — the unit's targets of the year and their
 * status; 监控 — its approved targets and whether the month's report is saved; 自评 — its approved targets and their
 * self-evaluation's status ('none' when never saved).
 */
export async function stepDocuments(m: EntityManager, step: TaskStep, orgIds: readonly string[]): Promise<StepDocument[]> {
  if (!orgIds.length) return [];
  let rows: Row[];
  if (step.kind === 'declaration') {
    rows = await readRows<Row>(m, `SELECT p.org_id, p.id, p.status AS state, NULL::boolean AS saved FROM project p WHERE p.year = $1 AND p.org_id = ANY($2::uuid[])`, [
      step.year,
      orgIds,
    ]);
  } else if (step.kind === 'monitoring') {
    rows = await readRows<Row>(
      m,
      `SELECT p.org_id, p.id, NULL AS state, (r.project_id IS NOT NULL) AS saved
         FROM project p LEFT JOIN project_monitoring r ON r.project_id = p.id AND r.month = $3
        WHERE p.year = $1 AND p.org_id = ANY($2::uuid[]) AND p.status = 'approved'`,
      [step.year, orgIds, step.month],
    );
  } else {
    rows = await readRows<Row>(
      m,
      `SELECT p.org_id, p.id, e.status AS state, NULL::boolean AS saved
         FROM project p LEFT JOIN project_evaluation e ON e.project_id = p.id
        WHERE p.year = $1 AND p.org_id = ANY($2::uuid[]) AND p.status = 'approved'`,
      [step.year, orgIds],
    );
  }
  return rows.map((r) => ({
    orgId: r.org_id,
    targetId: r.id,
    state: step.kind === 'monitoring' ? monitoringState(!!r.saved) : ((r.state ?? 'none') as StepDocumentState),
  }));
}

/** The documents grouped by unit (every unit of `orgIds` present, with none when it has none). */
export function byUnit(orgIds: readonly string[], docs: readonly StepDocument[]): Map<string, StepDocument[]> {
  const out = new Map<string, StepDocument[]>(orgIds.map((o) => [o, []]));
  for (const d of docs) out.get(d.orgId)?.push(d);
  return out;
}
