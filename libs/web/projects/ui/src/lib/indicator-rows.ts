import { INDICATOR_META_KEYS, normaliseLevelName } from '@pt/domain';
import type { Framework, FrameworkGroup, Funds, IndicatorBasis, IndicatorMeta, IndicatorRow } from '@pt/domain';

/**
 * Pure logic of the indicator-table editor (no Angular): rows and level options (keyboard navigation and
 * pasting blocks copied from Excel: indicator-clipboard.ts). Kept here so it is testable without a TestBed.
 */

/** One 三级 row as edited. `key` is a client-side identity; `id` is the server's row id (kept on save). */
export interface EditorRow {
  key: string;
  id?: string;
  level1: string;
  level2: string;
  name: string;
  /** 指标值 as typed (raw text). */
  target: string;
  core: boolean;
  /** 分值 as typed ("" = default split). */
  weight: string;
  /** 指标解释, 设定依据, 评(扣)分标准, 数据来源 (domain §11): absent on rows never read from the server (a save then leaves them as stored). */
  explanation?: string | null;
  basis?: IndicatorBasis | null;
  scoringRule?: string | null;
  dataSource?: string | null;
}

/** The part of a framework the editor needs (GET /api/frameworks or `@pt/domain` FRAMEWORKS). */
export interface TableFramework {
  code: string;
  name?: string;
  /** `role` and `weight` come with a whole framework version (the checks then use it instead of the shipped one). */
  groups: readonly { name: string; children: readonly string[]; role?: FrameworkGroup['role']; weight?: number | null }[];
}

/** The framework version itself when `fw` carries every group's role (GET /api/frameworks, the domain's), else null. */
export function wholeFramework(fw: TableFramework): Framework | null {
  const groups: FrameworkGroup[] = [];
  for (const g of fw.groups) {
    if (!g.role) return null;
    groups.push({ name: g.name, weight: g.weight ?? null, role: g.role, children: [...g.children] });
  }
  return { code: fw.code, name: fw.name ?? fw.code, groups };
}

/** Budget year, plan dates and funds of the project, for the table-level checks. */
export interface TableCheckContext {
  year?: number;
  startDate?: string | null;
  endDate?: string | null;
  funds?: Funds | null;
}

/** Editable columns in keyboard order. */
export const COLUMNS = ['level1', 'level2', 'name', 'target', 'core', 'weight'] as const;
export type ColumnKey = (typeof COLUMNS)[number];
export const COLUMN_COUNT = COLUMNS.length;

export interface CellPos {
  row: number;
  col: number;
}

let keySeq = 0;
/** A new client-side row key, unique within the page. */
export function newRowKey(): string {
  keySeq += 1;
  return `row-${Date.now().toString(36)}-${keySeq}`;
}

export function emptyRow(partial: Partial<Omit<EditorRow, 'key'>> = {}): EditorRow {
  return { key: newRowKey(), level1: '', level2: '', name: '', target: '', core: false, weight: '', ...partial };
}

/** An indicator's six columns as a saved table gives them (its 指标值 as typed, or parsed with the text kept). */
export interface SavedCells {
  level1: string;
  level2: string;
  name: string;
  core?: boolean;
  weight?: string | null;
  target: { raw: string } | string;
}

/** The six columns of a row as text: the editor's rows and the read-only tables' (revisions). */
export type RowCells = Pick<EditorRow, 'level1' | 'level2' | 'name' | 'target' | 'core' | 'weight'>;

export function rowCells(ind: SavedCells): RowCells {
  return {
    level1: ind.level1 ?? '',
    level2: ind.level2 ?? '',
    name: ind.name ?? '',
    target: typeof ind.target === 'string' ? ind.target : (ind.target?.raw ?? ''),
    core: !!ind.core,
    weight: ind.weight ?? '',
  };
}

/** Rows of a saved table (`indicators` of a project) as editor rows. */
export function toEditorRows(indicators: readonly (SavedCells & { id?: string } & IndicatorMeta)[], keys: readonly string[] = []): EditorRow[] {
  return indicators.map((ind, i) => ({ key: keys[i] ?? newRowKey(), id: ind.id, ...rowCells(ind), ...metaOf(ind) }));
}

/** The description fields a row came with (none when the source has none: a pasted or picked row). */
export function metaOf(ind: IndicatorMeta): IndicatorMeta {
  const out: IndicatorMeta = {};
  for (const k of INDICATOR_META_KEYS) if (ind[k] !== undefined) (out as Record<string, unknown>)[k] = ind[k];
  return out;
}

/** Whether any description field of the row is filled. */
export function hasMeta(r: IndicatorMeta): boolean {
  return INDICATOR_META_KEYS.some((k) => (r[k] ?? '').trim() !== '');
}

/** Rows as the domain checks read them. */
export function toIndicatorRows(rows: readonly EditorRow[]): IndicatorRow[] {
  return rows.map((r) => ({
    level1: r.level1,
    level2: r.level2,
    name: r.name,
    target: r.target,
    core: r.core,
    weight: r.weight.trim() === '' ? null : r.weight.trim(),
  }));
}

/** A row with neither 三级 name nor value (ignored by the checks and not saved). */
export function isBlankRow(r: EditorRow): boolean {
  return r.name.trim() === '' && r.target.trim() === '';
}

/** 分值: empty, or 0–999 with at most two decimals. */
export function isValidWeight(w: string): boolean {
  const s = w.trim();
  return s === '' || /^\d{1,3}(\.\d{1,2})?$/.test(s);
}

// ---------------------------------------------------------------- framework options

export function findGroupName(fw: TableFramework | null | undefined, level1: string): string | null {
  if (!fw) return null;
  const n = normaliseLevelName(level1);
  return fw.groups.find((g) => normaliseLevelName(g.name) === n)?.name ?? null;
}

/** The one 一级 whose children include this 二级 (null when none or ambiguous). */
export function inferLevel1(fw: TableFramework | null | undefined, level2: string): string | null {
  if (!fw) return null;
  const n = normaliseLevelName(level2);
  if (n === '') return null;
  const groups = fw.groups.filter((g) => g.children.some((c) => normaliseLevelName(c) === n));
  return groups.length === 1 ? groups[0].name : null;
}

/** The framework's spelling of a 二级 under a 一级, or null when it does not belong there. */
export function canonicalLevel2(fw: TableFramework | null | undefined, level1: string, level2: string): string | null {
  const g = fw?.groups.find((x) => x.name === findGroupName(fw, level1));
  const n = normaliseLevelName(level2);
  return g?.children.find((c) => normaliseLevelName(c) === n) ?? null;
}

export interface LevelOption {
  value: string;
  label: string;
  /** False for a value kept from saved data that is not in the framework. */
  known: boolean;
}

export function level1Options(fw: TableFramework | null | undefined, current: string): LevelOption[] {
  const opts: LevelOption[] = (fw?.groups ?? []).map((g) => ({ value: g.name, label: g.name, known: true }));
  if (current !== '' && !opts.some((o) => o.value === current)) {
    opts.push({ value: current, label: `${current}（不在指标体系内）`, known: false });
  }
  return opts;
}

/** 二级 options: the children of the row's 一级, or every 二级 (labelled with its 一级) when none is chosen. */
export function level2Options(fw: TableFramework | null | undefined, level1: string, current: string): LevelOption[] {
  const groupName = findGroupName(fw, level1);
  let opts: LevelOption[];
  if (groupName) {
    const g = fw?.groups.find((x) => x.name === groupName);
    opts = (g?.children ?? []).map((c) => ({ value: c, label: c, known: true }));
  } else if (level1.trim() === '') {
    opts = (fw?.groups ?? []).flatMap((g) => g.children.map((c) => ({ value: c, label: `${c}（${g.name}）`, known: true })));
  } else {
    opts = [];
  }
  if (current !== '' && !opts.some((o) => o.value === current)) {
    opts.push({ value: current, label: `${current}（不属于该一级指标）`, known: false });
  }
  return opts;
}

/** Set a row's 一级; a 二级 that does not belong to the new 一级 is cleared. */
export function withLevel1(fw: TableFramework | null | undefined, row: EditorRow, level1: string): EditorRow {
  const level2 = row.level2 !== '' && canonicalLevel2(fw, level1, row.level2) === null ? '' : row.level2;
  return { ...row, level1, level2 };
}

/** Set a row's 二级; with no 一级 chosen yet, the 一级 is taken from the framework. */
export function withLevel2(fw: TableFramework | null | undefined, row: EditorRow, level2: string): EditorRow {
  if (row.level1.trim() === '' && level2 !== '') {
    return { ...row, level1: inferLevel1(fw, level2) ?? '', level2 };
  }
  return { ...row, level2 };
}

// ---------------------------------------------------------------- row operations

export function insertRow(rows: readonly EditorRow[], index: number, row: EditorRow = emptyRow()): EditorRow[] {
  const i = Math.max(0, Math.min(index, rows.length));
  return [...rows.slice(0, i), row, ...rows.slice(i)];
}

export function removeRow(rows: readonly EditorRow[], index: number): EditorRow[] {
  return rows.filter((_, i) => i !== index);
}

/** Move a row up (delta −1) or down (+1); unchanged at the edges. */
export function moveRow(rows: readonly EditorRow[], index: number, delta: -1 | 1): EditorRow[] {
  const j = index + delta;
  if (index < 0 || index >= rows.length || j < 0 || j >= rows.length) return [...rows];
  const out = [...rows];
  [out[index], out[j]] = [out[j], out[index]];
  return out;
}

/** A new row below `index` that continues its 一级/二级 (the way tables are filled in). */
export function continuationRow(rows: readonly EditorRow[], index: number): EditorRow {
  const above = rows[index];
  return emptyRow(above ? { level1: above.level1, level2: above.level2 } : {});
}

/**
 * The description fields of a row for PUT …/indicators: those the row was read with (trimmed, "" as null, which
 * clears), none of those it never had (the server then keeps what it stored).
 */
export function metaInputs(r: IndicatorMeta): IndicatorMeta {
  const out: IndicatorMeta = {};
  for (const k of INDICATOR_META_KEYS) {
    const v = r[k];
    if (v === undefined) continue;
    (out as Record<string, unknown>)[k] = v === null || v.trim() === '' ? null : v.trim();
  }
  return out;
}
