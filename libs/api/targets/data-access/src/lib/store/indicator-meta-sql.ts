import { type IndicatorBasis, type IndicatorMeta, textOrNull } from '@pt/domain';

/** The four description columns of the rows (unnest arrays of the one INSERT), blank text stored as null. */
export function metaColumns(rows: readonly IndicatorMeta[]): (string | null)[][] {
  return [rows.map((r) => textOrNull(r.explanation)), rows.map((r) => r.basis ?? null), rows.map((r) => textOrNull(r.scoringRule)), rows.map((r) => textOrNull(r.dataSource))];
}

/** A stored row's description columns. */
export type StoredMeta = { id: string; explanation: string | null; basis: IndicatorBasis | null; scoring_rule: string | null; data_source: string | null };

/**
 * A kept row's fields that the request left out (undefined, not null) keep their stored value: a client that does not
 * know them (an older page, an import) does not erase what someone wrote. Null or "" clears a field.
 */
export function withStoredMeta(row: IndicatorMeta, keptId: string | null, stored: readonly StoredMeta[]): IndicatorMeta {
  const s = keptId ? stored.find((e) => e.id === keptId) : undefined;
  if (!s) return row;
  return {
    explanation: row.explanation === undefined ? s.explanation : row.explanation,
    basis: row.basis === undefined ? s.basis : row.basis,
    scoringRule: row.scoringRule === undefined ? s.scoring_rule : row.scoringRule,
    dataSource: row.dataSource === undefined ? s.data_source : row.dataSource,
  };
}
