import { canonicalLevel2, COLUMNS, continuationRow, findGroupName, inferLevel1, isValidWeight, withLevel1 } from './indicator-rows';
import type { CellPos, EditorRow, ColumnKey, TableFramework } from './indicator-rows';

/** Keyboard navigation of the indicator table and pasting blocks copied from Excel / WPS (pure, no Angular). */

// ---------------------------------------------------------------- keyboard navigation

export type NavKey = 'Tab' | 'Enter' | 'ArrowUp' | 'ArrowDown';

export interface NavTarget extends CellPos {
  /** A new row must be appended first (Enter on the last row). */
  addRow: boolean;
}

/**
 * Where a key moves the focus in a grid of `rowCount` × `colCount` cells, Excel-like:
 * Tab / Shift+Tab to the next / previous cell (wrapping to the next / previous row), Enter down
 * (appending a row below the last one), Shift+Enter up, ArrowUp / ArrowDown to the same column of
 * the row above / below. Null when the key leaves the grid (the browser's default applies).
 */
export function navigate(pos: CellPos, key: NavKey, shift: boolean, rowCount: number, colCount: number): NavTarget | null {
  const { row, col } = pos;
  if (rowCount <= 0 || colCount <= 0) return null;
  switch (key) {
    case 'Tab':
      if (!shift) {
        if (col < colCount - 1) return { row, col: col + 1, addRow: false };
        return row < rowCount - 1 ? { row: row + 1, col: 0, addRow: false } : null;
      }
      if (col > 0) return { row, col: col - 1, addRow: false };
      return row > 0 ? { row: row - 1, col: colCount - 1, addRow: false } : null;
    case 'Enter':
      if (shift) return row > 0 ? { row: row - 1, col, addRow: false } : null;
      return { row: row + 1, col, addRow: row >= rowCount - 1 };
    case 'ArrowUp':
      return row > 0 ? { row: row - 1, col, addRow: false } : null;
    case 'ArrowDown':
      return row < rowCount - 1 ? { row: row + 1, col, addRow: false } : null;
    default:
      return null;
  }
}

// ---------------------------------------------------------------- paste

/**
 * Split clipboard text copied from Excel / WPS into cells: rows by newline, cells by tab, with
 * Excel's quoting ("…" around a cell that contains a tab, newline or quote; "" inside is a quote).
 * A trailing newline (Excel adds one) gives no extra row. Cells are trimmed.
 */
export function parseClipboard(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let atCellStart = true;
  const s = text.replace(/\r\n?/g, '\n');
  while (i < s.length) {
    const ch = s[i];
    if (atCellStart && ch === '"') {
      // quoted cell: read to the closing quote
      let j = i + 1;
      let value = '';
      let closed = false;
      while (j < s.length) {
        if (s[j] === '"') {
          if (s[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          closed = true;
          j += 1;
          break;
        }
        value += s[j];
        j += 1;
      }
      if (closed && (j >= s.length || s[j] === '\t' || s[j] === '\n')) {
        cell = value;
        i = j;
        atCellStart = false;
        continue;
      }
      // not a well-formed quoted cell: take the quote literally
    }
    atCellStart = false;
    if (ch === '\t') {
      row.push(cell.trim());
      cell = '';
      atCellStart = true;
    } else if (ch === '\n') {
      row.push(cell.trim());
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
    } else {
      cell += ch;
    }
    i += 1;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell.trim());
    rows.push(row);
  }
  return rows;
}

const HEADER_CELL_RE = /^(一级指标|二级指标|三级指标|指标值|年度[(（/]*项目[)）]*指标值|年度\(\/项目\)指标值|核心指标|分值)$/;
const CORE_TRUE_RE = /^(★|☆|是|√|✓|Y|y|yes|true|核心)$/;

/** One row of a pasted block; `undefined` fields keep what the target row has. */
export interface PastedRow {
  level1?: string;
  level2?: string;
  name: string;
  target: string;
  core?: boolean;
  weight?: string;
}

/**
 * Read a block of cells as indicator rows, by its width:
 * 4 or more columns = 一级 二级 三级 指标值 [核心 [分值]]; 3 columns = 二级 三级 指标值 (一级 from the
 * framework); 2 columns = 三级 指标值. Empty 一级/二级 cells continue the row above (merged cells of
 * published tables), a header row is skipped, and rows without 三级 and 指标值 (the empty 二级 lines
 * of published tables) are dropped. Level names are matched to the framework's spelling.
 */
export function readPastedRows(cells: readonly string[][], fw: TableFramework | null | undefined): PastedRow[] {
  const rows = cells.filter((r) => r.some((c) => c !== ''));
  if (rows.length > 0 && rows[0].filter((c) => c !== '').every((c) => HEADER_CELL_RE.test(c.replace(/\s+/g, '')))) {
    rows.shift();
  }
  const width = Math.max(0, ...rows.map((r) => r.length));
  const out: PastedRow[] = [];
  let l1 = '';
  let l2 = '';
  for (const r of rows) {
    const cell = (i: number) => (r[i] ?? '').trim();
    if (width >= 4) {
      const c1 = cell(0);
      const c2 = cell(1);
      const level1Cell = c1 !== '' ? (findGroupName(fw, c1) ?? c1) : '';
      if (c2 !== '') {
        const level1 = level1Cell || (findGroupName(fw, l1) && canonicalLevel2(fw, l1, c2) ? l1 : (inferLevel1(fw, c2) ?? l1));
        l2 = canonicalLevel2(fw, level1, c2) ?? c2;
        l1 = level1;
      } else if (level1Cell !== '') {
        if (level1Cell !== l1) l2 = '';
        l1 = level1Cell;
      }
      const row: PastedRow = { level1: l1, level2: l2, name: cell(2), target: cell(3) };
      if (width >= 5 && cell(4) !== '') row.core = CORE_TRUE_RE.test(cell(4));
      if (width >= 6 && isValidWeight(cell(5))) row.weight = cell(5);
      if (row.name !== '' || row.target !== '') out.push(row);
    } else if (width === 3) {
      const c2 = cell(0);
      if (c2 !== '') {
        const level1 = inferLevel1(fw, c2) ?? (canonicalLevel2(fw, l1, c2) ? l1 : '');
        l2 = canonicalLevel2(fw, level1, c2) ?? c2;
        l1 = level1;
      }
      const row: PastedRow = { level1: l1, level2: l2, name: cell(1), target: cell(2) };
      if (row.name !== '' || row.target !== '') out.push(row);
    } else if (width === 2) {
      const row: PastedRow = { name: cell(0), target: cell(1) };
      if (row.name !== '' || row.target !== '') out.push(row);
    }
  }
  return out;
}

export interface PasteResult {
  rows: EditorRow[];
  /** How many rows were written. */
  count: number;
  /** Where the focus goes: the last written cell. */
  focus: CellPos;
}

const TEXT_COLUMNS: readonly ColumnKey[] = ['level1', 'level2', 'name', 'target', 'weight'];

/**
 * Paste clipboard text into the rows starting at the focused cell. A single value is left to the
 * browser (null). A one-column block fills the focused column downwards; a wider block is read as
 * indicator rows ({@link readPastedRows}) and written over the rows from the focused one on,
 * appending rows as needed. Rows keep their `id` and `key`.
 */
export function applyPaste(
  rows: readonly EditorRow[],
  at: CellPos,
  text: string,
  fw: TableFramework | null | undefined,
): PasteResult | null {
  const cells = parseClipboard(text);
  if (cells.length === 0) return null;
  const width = Math.max(...cells.map((r) => r.length));
  if (cells.length === 1 && width === 1) return null;
  const out = [...rows];
  const start = Math.max(0, Math.min(at.row, out.length));
  const ensure = (i: number) => {
    while (out.length <= i) out.push(continuationRow(out, out.length - 1));
  };

  if (width === 1) {
    const col = COLUMNS[at.col];
    if (!TEXT_COLUMNS.includes(col)) return null;
    const values = cells.map((r) => r[0] ?? '');
    while (values.length > 1 && values[values.length - 1] === '') values.pop();
    values.forEach((v, k) => {
      const i = start + k;
      ensure(i);
      let row = out[i];
      if (col === 'level1') row = withLevel1(fw, row, findGroupName(fw, v) ?? v);
      else if (col === 'level2') {
        const level1 = canonicalLevel2(fw, row.level1, v) ? row.level1 : (inferLevel1(fw, v) ?? row.level1);
        row = { ...row, level1, level2: canonicalLevel2(fw, level1, v) ?? v };
      }
      else row = { ...row, [col]: v };
      out[i] = row;
    });
    return { rows: out, count: values.length, focus: { row: start + values.length - 1, col: at.col } };
  }

  const pasted = readPastedRows(cells, fw);
  if (pasted.length === 0) return null;
  pasted.forEach((p, k) => {
    const i = start + k;
    ensure(i);
    const prev = out[i];
    out[i] = {
      ...prev,
      level1: p.level1 ?? prev.level1,
      level2: p.level2 ?? prev.level2,
      name: p.name,
      target: p.target,
      core: p.core ?? prev.core,
      weight: p.weight ?? prev.weight,
    };
  });
  return { rows: out, count: pasted.length, focus: { row: start + pasted.length - 1, col: 3 } };
}
