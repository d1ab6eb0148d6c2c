import { diffFields, diffIndicatorRows, PROJECT_HEADER_LABELS, type DiffRow } from '@pt/domain';
import type { FieldChangeDto, Project, RowDiffDto } from '@pt/shared/api-types';

/** A target as the reviewer returned it: what the next review compares with (header fields and both tables). */
export interface ReviewBaseline {
  targetId: string;
  /** The version returned (the target's version after the return is newer). */
  version: number;
  /** When it was returned (ISO). */
  at: string;
  header: Record<string, unknown>;
  annual: DiffRow[];
  overall: DiffRow[];
}

/** What changed since the return: header fields, the annual and the overall table (the revision diff's shapes). */
export interface ReviewChanges {
  since: string;
  fields: FieldChangeDto[];
  annualRows: RowDiffDto[];
  overallRows: RowDiffDto[];
  /** Anything at all: a row added, removed or changed, or a header field. */
  any: boolean;
}

type Diffable = Pick<Project, 'id' | 'version' | 'year' | 'funds' | 'goals'>;

/** The header flattened as the revision diff does it (`funds.<key>` for the amounts). */
function flatHeader(p: Diffable): Record<string, unknown> {
  const funds = Object.entries(p.funds ?? {}).map(([k, v]) => [`funds.${k}`, v]);
  const header: Record<string, unknown> = {};
  const fields = p as unknown as Record<string, unknown>;
  for (const key of Object.keys(PROJECT_HEADER_LABELS)) if (!key.startsWith('funds.')) header[key] = fields[key];
  return { ...header, ...Object.fromEntries(funds) };
}

function rowsOf(p: Diffable, kind: 'annual' | 'overall'): DiffRow[] {
  const goal = (p.goals ?? []).find((g) => g.kind === kind && (kind === 'overall' || g.year === p.year));
  return (goal?.indicators ?? []).map((i) => ({
    id: i.id,
    level1: i.level1,
    level2: i.level2,
    name: i.name,
    target: typeof i.target === 'string' ? i.target : i.target.raw,
    core: i.core,
    weight: i.weight,
  }));
}

/** The target as returned, kept for the next review. */
export function reviewBaseline(p: Diffable, at: string): ReviewBaseline {
  return { targetId: p.id, version: p.version, at, header: flatHeader(p), annual: rowsOf(p, 'annual'), overall: rowsOf(p, 'overall') };
}

/** What changed between the return and the target now, or null when the baseline is not of this target or not older. */
export function reviewChanges(base: ReviewBaseline | null, p: Diffable): ReviewChanges | null {
  if (!base || base.targetId !== p.id || base.version >= p.version) return null;
  const fields = diffFields(base.header, flatHeader(p), PROJECT_HEADER_LABELS);
  const annualRows = diffIndicatorRows(base.annual, rowsOf(p, 'annual')) as RowDiffDto[];
  const overallRows = diffIndicatorRows(base.overall, rowsOf(p, 'overall')) as RowDiffDto[];
  const any = fields.length > 0 || [...annualRows, ...overallRows].some((r) => r.kind !== 'unchanged');
  return { since: base.at, fields, annualRows, overallRows, any };
}
