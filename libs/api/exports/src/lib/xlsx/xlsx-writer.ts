import ExcelJS, { type Borders, type Worksheet } from 'exceljs';
import type { Writable } from 'node:stream';
import type { BlockCell, SheetModel } from '../layout/sheet-model';

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = { name: '宋体', size: 10 };
const LABEL_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFF2F2F2' } };

/** Amounts as Excel shows money: thousands separators, two decimals. */
export const AMOUNT_FORMAT = '#,##0.00';

/*
 * One style object per look of a cell, each set on a cell whole (`cell.style = …`, never `cell.font = …`, which would
 * change the shared object): exceljs registers a style object it has seen before by identity, so a batch of 1,000
 * sheets serialises these few looks once instead of each cell's own copy (that was most of a batch's time).
 */
type CellStyle = Partial<ExcelJS.Style>;
const TITLE_STYLE: CellStyle = { font: { ...FONT, size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } };
const SUBTITLE_STYLE: CellStyle = { font: FONT, alignment: { horizontal: 'center' } };
/** A cell covered by a span or after a line's last cell: only the grid. */
const EDGE_STYLE: CellStyle = { border: BORDER };
const COLUMN_HEADER_STYLE: CellStyle = {
  font: { ...FONT, bold: true },
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  fill: LABEL_FILL,
  border: BORDER,
};
/** Table body cells: 一级 and 二级 centred, the others left. */
const BODY_STYLES: readonly CellStyle[] = (['center', 'left'] as const).map((horizontal) => ({
  font: FONT,
  alignment: { vertical: 'middle', horizontal, wrapText: true },
  border: BORDER,
}));
/** Header and footer block cells: a label (bold, shaded, centred), an amount (right, money format) or a text. */
const BLOCK_STYLES = {
  label: { font: { ...FONT, bold: true }, alignment: { vertical: 'middle', horizontal: 'center', wrapText: true }, fill: LABEL_FILL, border: BORDER },
  amount: { font: { ...FONT, bold: false }, alignment: { vertical: 'middle', horizontal: 'right', wrapText: true }, border: BORDER, numFmt: AMOUNT_FORMAT },
  text: { font: { ...FONT, bold: false }, alignment: { vertical: 'middle', horizontal: 'left', wrapText: true }, border: BORDER },
} satisfies Record<string, CellStyle>;

/** Who the workbooks say wrote them. */
export const WORKBOOK_CREATOR = '绩效目标管理';

/** A workbook streamed to `out` as it is written: each row and sheet goes out when committed (a batch of any size). */
export function streamedWorkbook(out: Writable): ExcelJS.stream.xlsx.WorkbookWriter {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = WORKBOOK_CREATOR;
  return wb;
}

/** A plain table sheet of a streamed workbook: its header row from `columns` (header and width each). */
export function tableSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: { header: string; width: number }[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.columns = columns;
  return ws;
}

/**
 * An amount (a decimal string, at most 13 integer and 2 decimal digits by the DTOs) as the number Excel stores. A
 * double holds 15 significant digits exactly, so the cell shows the same figure; the exact string stays the record.
 */
export function amountValue(amount: string): number {
  const n = Number(amount);
  if (!Number.isFinite(n)) throw new Error(`not an amount: ${amount}`);
  return n;
}

/** Display width of a text in Excel's column units: a CJK character takes about two, others one. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1.1;
  return w;
}

/**
 * The height in points a row needs for its wrapped texts (`width` in column units). Excel and LibreOffice do not size
 * a row whose cells are merged, so without it a long 项目概况 is cut off or overlaps the next row.
 */
export function rowHeight(cells: readonly { text: string; width: number }[]): number {
  const lines = cells.map((c) => c.text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(textWidth(part) / Math.max(1, c.width - 1.5))), 0));
  return Math.max(18, Math.max(1, ...lines) * 13 + 5);
}

/**
 * Every text is written as a JS string, which exceljs stores as a string cell, never as a formula: a text that
 * starts with `= + - @` stays text (domain §9). Nothing is ever passed as `{ formula }`; amounts are numbers.
 *
 * Draw a model on a worksheet: title, header block, the table (一级/二级 merged), footer; borders, widths, wrapping, A4 print setup. */
export function writeSheet(ws: Worksheet, m: SheetModel): void {
  const width = m.columns.length;
  ws.columns = m.columns.map((c) => ({ width: c.width }));
  let r = 1;
  const title = ws.getRow(r);
  title.getCell(1).value = m.title;
  title.getCell(1).style = TITLE_STYLE;
  title.height = 28;
  ws.mergeCells(r, 1, r, width);
  r++;
  const sub = ws.getRow(r);
  sub.getCell(1).value = m.subtitle;
  sub.getCell(1).style = SUBTITLE_STYLE;
  ws.mergeCells(r, 1, r, width);
  r++;

  const widthOf = (from: number, span: number) => m.columns.slice(from - 1, from - 1 + span).reduce((a, col) => a + col.width, 0);
  const block = (cells: BlockCell[][]) => {
    for (const line of cells) {
      const row = ws.getRow(r);
      const measured: { text: string; width: number }[] = [];
      let c = 1;
      for (const cell of line) {
        const span = Math.max(1, Math.min(cell.span ?? 1, width - c + 1));
        measured.push({ text: cell.text, width: widthOf(c, span) });
        const x = row.getCell(c);
        x.value = cell.amount !== undefined ? amountValue(cell.amount) : cell.text;
        x.style = cell.label ? BLOCK_STYLES.label : cell.amount !== undefined ? BLOCK_STYLES.amount : BLOCK_STYLES.text;
        for (let k = c + 1; k < c + span; k++) row.getCell(k).style = EDGE_STYLE;
        if (span > 1) ws.mergeCells(r, c, r, c + span - 1);
        c += span;
      }
      for (; c <= width; c++) row.getCell(c).style = EDGE_STYLE;
      row.height = rowHeight(measured);
      r++;
    }
  };
  block(m.header);

  const headerRow = r;
  const hr = ws.getRow(r);
  m.columns.forEach((col, i) => {
    const x = hr.getCell(i + 1);
    x.value = col.header;
    x.style = COLUMN_HEADER_STYLE;
  });
  r++;
  const first = r;
  for (const cells of m.rows) {
    const row = ws.getRow(r);
    cells.forEach((value, i) => {
      const x = row.getCell(i + 1);
      x.value = value;
      x.style = BODY_STYLES[i < 2 ? 0 : 1];
    });
    row.height = rowHeight(cells.map((text, i) => ({ text, width: m.columns[i].width })));
    r++;
  }
  for (const mg of m.merges) ws.mergeCells(first + mg.row, mg.col + 1, first + mg.row + mg.rowSpan - 1, mg.col + 1);
  block(m.footer);

  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: width > 6 ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `${headerRow}:${headerRow}`,
  };
  ws.headerFooter = { oddFooter: '第 &P 页，共 &N 页' };
}
