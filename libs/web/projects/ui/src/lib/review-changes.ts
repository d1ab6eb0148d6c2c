import { diffFields, diffIndicatorRows, PROJECT_HEADER_LABELS, type DiffRow } from '@pt/domain';
import type { FieldChangeDto, Project, RowDiffDto, TargetChanges } from '@pt/shared/api-types';

/** What changed since the return: header fields, the annual and the overall table (the revision diff's shapes). */
export interface ReviewChanges {
  /** When the target was last returned (ISO) and by whom. */
  since: string;
  by: string;
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

/**
 * What changed between the target as last returned (the API keeps it with the return) and the target now; null when
 * it was never returned or nothing was written since the return (still the version the return left).
 */
export function reviewChanges(c: TargetChanges | null): ReviewChanges | null {
  if (!c || c.before.id !== c.after.id || c.before.version >= c.after.version) return null;
  const { before, after } = c;
  const fields = diffFields(flatHeader(before), flatHeader(after), PROJECT_HEADER_LABELS);
  const annualRows = diffIndicatorRows(rowsOf(before, 'annual'), rowsOf(after, 'annual')) as RowDiffDto[];
  const overallRows = diffIndicatorRows(rowsOf(before, 'overall'), rowsOf(after, 'overall')) as RowDiffDto[];
  const any = fields.length > 0 || [...annualRows, ...overallRows].some((r) => r.kind !== 'unchanged');
  return { since: c.returnedAt, by: c.returnedBy, fields, annualRows, overallRows, any };
}
