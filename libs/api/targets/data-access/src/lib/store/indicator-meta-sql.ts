import type { IndicatorMeta } from '@pt/domain';

/** The four description columns of the rows (unnest arrays of the one INSERT), blank text stored as null. */
export function metaColumns(rows: readonly IndicatorMeta[]): (string | null)[][] {
  const text = (v: string | null | undefined) => (v === undefined || v === null || v.trim() === '' ? null : v.trim());
  return [rows.map((r) => text(r.explanation)), rows.map((r) => r.basis ?? null), rows.map((r) => text(r.scoringRule)), rows.map((r) => text(r.dataSource))];
}
