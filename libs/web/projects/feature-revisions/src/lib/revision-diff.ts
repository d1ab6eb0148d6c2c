import { normaliseLevelName } from '@pt/domain';
import type { Indicator, Project, ProjectRevision } from '@pt/shared/api-types';
import { rowCells } from '@pt/web/projects/ui';
import type { RowCells } from '@pt/web/projects/ui';

/**
 * Pure logic of the revisions page (版本与调整): rows of the revision list, the default comparison and the
 * read-only table of one revision with merged 一级/二级 cells (how a row diff is shown: row-diff in
 * @pt/web/projects/ui). No Angular, testable without a TestBed.
 */

export function revisionLabel(revision: number): string {
  return `第 ${revision} 版`;
}

// ---------------------------------------------------------------- revision list

export interface RevisionRow {
  revision: number;
  label: string;
  approvedAt: string | null;
  /** Why this revision was made (null for the first declaration). */
  reason: string | null;
  current: boolean;
}

/**
 * The revision list, oldest first. The API stores an adjustment's reason on the revision that was
 * adjusted (the snapshot it left behind); here each revision shows the reason it was made for,
 * i.e. the reason stored on the revision before it.
 */
export function revisionRows(revisions: readonly ProjectRevision[]): RevisionRow[] {
  const sorted = [...revisions].sort((a, b) => a.revision - b.revision);
  return sorted.map((r, i) => ({
    revision: r.revision,
    label: revisionLabel(r.revision),
    approvedAt: r.approvedAt,
    reason: i > 0 ? (sorted[i - 1].reason ?? null) : null,
    current: r.current,
  }));
}

export interface DiffRange {
  from: number;
  to: number;
}

/** Default comparison: the latest earlier (approved) revision → the current one; null with one revision only. */
export function defaultDiffRange(revisions: readonly ProjectRevision[]): DiffRange | null {
  if (revisions.length === 0) return null;
  const current = revisions.find((r) => r.current) ?? [...revisions].sort((a, b) => b.revision - a.revision)[0];
  const earlier = revisions.filter((r) => r.revision < current.revision);
  if (earlier.length === 0) return null;
  const approved = earlier.filter((r) => r.approvedAt);
  const pool = approved.length ? approved : earlier;
  const from = Math.max(...pool.map((r) => r.revision));
  return { from, to: current.revision };
}

/** A revision number from the URL, if the project has it. */
export function parseRevision(value: string | number | null | undefined, revisions: readonly ProjectRevision[]): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isInteger(n) && revisions.some((r) => r.revision === n) ? n : null;
}

/** The comparison asked for in the URL (each end falling back to the default), or null. */
export function resolveDiffRange(
  revisions: readonly ProjectRevision[],
  from: string | number | null | undefined,
  to: string | number | null | undefined,
): DiffRange | null {
  const def = defaultDiffRange(revisions);
  const f = parseRevision(from, revisions) ?? def?.from ?? null;
  const t = parseRevision(to, revisions) ?? def?.to ?? null;
  return f !== null && t !== null ? { from: f, to: t } : null;
}

/** 「发起调整」 is offered to a filler on an approved project (the server checks the unit). */
export function canStartAdjustment(user: { roles: readonly string[] } | null | undefined, project: Pick<Project, 'status'> | null | undefined): boolean {
  return !!user && !!project && user.roles.includes('filler') && project.status === 'approved';
}

// ---------------------------------------------------------------- read-only table of one revision

export interface ViewRow extends RowCells {
  n: number;
  /** Rows the 一级 cell spans (0: covered by the cell above). */
  level1Span: number;
  level2Span: number;
}

/** Indicators of the annual goal of the project's year (falling back to `indicators`) or of the overall goal. */
export function goalIndicators(p: Pick<Project, 'year' | 'goals' | 'indicators'>, kind: 'annual' | 'overall'): Indicator[] {
  const goals = p.goals ?? [];
  if (kind === 'overall') return goals.find((g) => g.kind === 'overall')?.indicators ?? [];
  return goals.find((g) => g.kind === 'annual' && g.year === p.year)?.indicators ?? p.indicators ?? [];
}

export function goalText(p: Pick<Project, 'year' | 'goals' | 'totalGoal' | 'annualGoal'>, kind: 'annual' | 'overall'): string | null {
  const g = (p.goals ?? []).find((x) => x.kind === kind && (kind === 'overall' || x.year === p.year));
  return (g?.text ?? (kind === 'overall' ? p.totalGoal : p.annualGoal)) || null;
}

/** Rows with the 一级 and 二级 cells merged over consecutive equal values, as in the published tables. */
export function viewRows(indicators: readonly Pick<Indicator, 'level1' | 'level2' | 'name' | 'core' | 'weight' | 'target'>[]): ViewRow[] {
  const rows: ViewRow[] = indicators.map((ind, i) => ({ n: i + 1, ...rowCells(ind), level1Span: 1, level2Span: 1 }));
  for (let i = 0; i < rows.length; ) {
    let j = i + 1;
    while (j < rows.length && normaliseLevelName(rows[j].level1) === normaliseLevelName(rows[i].level1)) j++;
    rows[i].level1Span = j - i;
    for (let k = i + 1; k < j; k++) rows[k].level1Span = 0;
    for (let a = i; a < j; ) {
      let b = a + 1;
      while (b < j && normaliseLevelName(rows[b].level2) === normaliseLevelName(rows[a].level2)) b++;
      rows[a].level2Span = b - a;
      for (let k = a + 1; k < b; k++) rows[k].level2Span = 0;
      a = b;
    }
    i = j;
  }
  return rows;
}
