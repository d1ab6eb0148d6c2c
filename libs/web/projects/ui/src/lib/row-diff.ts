import { INDICATOR_COLUMN_LABELS, normaliseLevelName } from '@pt/domain';
import type { RowDiffDto } from '@pt/shared/api-types';

/**
 * How a row diff of two indicator tables is shown (label, colour, changed cells), grouped by 一级: the revisions
 * page (版本与调整) and the review screen (what changed since the target was returned) alike. Pure, no Angular.
 */

export type RowKind = RowDiffDto['kind'];

export interface RowKindMeta {
  label: string;
  /** `nz-tag` colour. */
  color: string;
  /** CSS class of the table row. */
  className: string;
}

export const ROW_KIND_META: Record<RowKind, RowKindMeta> = {
  added: { label: '新增', color: 'green', className: 'kind-added' },
  removed: { label: '删除', color: 'red', className: 'kind-removed' },
  changed: { label: '修改', color: 'orange', className: 'kind-changed' },
  unchanged: { label: '未变', color: 'default', className: 'kind-unchanged' },
};

export const ROW_KINDS: readonly RowKind[] = ['added', 'removed', 'changed', 'unchanged'];

export function rowKindMeta(kind: string): RowKindMeta {
  return (ROW_KIND_META as Record<string, RowKindMeta>)[kind] ?? ROW_KIND_META.unchanged;
}

export const DIFF_COLUMNS = ['level1', 'level2', 'name', 'target', 'core', 'weight'] as const;
export type DiffColumn = (typeof DIFF_COLUMNS)[number];

/** The catalogue's column labels; 核心 is short here (its cell holds only ★). */
export const DIFF_COLUMN_LABELS: Record<DiffColumn, string> = { ...INDICATOR_COLUMN_LABELS, core: '核心' };

type DiffSide = NonNullable<RowDiffDto['before']>;

function cellText(row: DiffSide | null, column: DiffColumn): string {
  if (!row) return '';
  switch (column) {
    case 'core':
      return row.core ? '★' : '';
    case 'weight':
      return row.weight ?? '';
    default:
      return (row[column] ?? '').toString();
  }
}

export interface DiffCell {
  column: DiffColumn;
  /** The value shown (after the change; for removed rows the old value). */
  text: string;
  /** The old value, for changed cells only. */
  before: string | null;
  changed: boolean;
}

export interface DiffRowView {
  kind: RowKind;
  meta: RowKindMeta;
  cells: DiffCell[];
  /** Stable key for `@for`. */
  key: string;
  /** Labels of the changed columns, e.g. 「指标值、分值」. */
  changedLabels: string;
}

export function diffRowView(d: RowDiffDto, index = 0): DiffRowView {
  const shown = d.kind === 'removed' ? d.before : (d.after ?? d.before);
  const changedFields = d.kind === 'changed' ? d.fields : [];
  const cells = DIFF_COLUMNS.map<DiffCell>((column) => {
    const changed = changedFields.includes(column);
    return { column, text: cellText(shown, column), before: changed ? cellText(d.before, column) : null, changed };
  });
  return {
    kind: d.kind,
    meta: rowKindMeta(d.kind),
    cells,
    key: `${d.kind}:${d.beforeIndex ?? '-'}:${d.afterIndex ?? '-'}:${index}`,
    changedLabels: DIFF_COLUMNS.filter((c) => changedFields.includes(c))
      .map((c) => DIFF_COLUMN_LABELS[c])
      .join('、'),
  };
}

export type KindCounts = Record<RowKind, number>;

export function diffCounts(rows: readonly RowDiffDto[]): KindCounts {
  const counts: KindCounts = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  for (const r of rows) if (r.kind in counts) counts[r.kind] += 1;
  return counts;
}

export function hasRowChanges(rows: readonly RowDiffDto[]): boolean {
  return rows.some((r) => r.kind !== 'unchanged');
}

export interface DiffGroup {
  /** 一级指标 as written in the (new, or for removed rows the old) table; 「（未填一级指标）」 when empty. */
  level1: string;
  rows: DiffRowView[];
  counts: KindCounts;
}

/**
 * Row diffs grouped by 一级 (groups in order of first appearance, rows in table order). With
 * `onlyChanges`, unchanged rows are left out and so are groups left empty.
 */
export function groupDiffRows(rows: readonly RowDiffDto[], onlyChanges = false): DiffGroup[] {
  const groups = new Map<string, DiffGroup>();
  rows.forEach((d, i) => {
    if (onlyChanges && d.kind === 'unchanged') return;
    const side = d.kind === 'removed' ? d.before : (d.after ?? d.before);
    const raw = (side?.level1 ?? '').trim();
    const key = normaliseLevelName(raw);
    let g = groups.get(key);
    if (!g) {
      g = { level1: raw || '（未填一级指标）', rows: [], counts: { added: 0, removed: 0, changed: 0, unchanged: 0 } };
      groups.set(key, g);
    }
    g.rows.push(diffRowView(d, i));
    g.counts[d.kind] += 1;
  });
  return [...groups.values()];
}

/** A summary like 「新增 2 条，删除 1 条，修改 3 条」 (「指标无变化」 when nothing changed). */
export function diffSummary(counts: KindCounts): string {
  const parts = (['added', 'removed', 'changed'] as const).filter((k) => counts[k] > 0).map((k) => `${ROW_KIND_META[k].label} ${counts[k]} 条`);
  return parts.length ? parts.join('，') : '指标无变化';
}

/** A header field value as shown in the change table. */
export function fieldValueText(v: string | null | undefined): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (v === 'true') return '是';
  if (v === 'false') return '否';
  return v;
}

