import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  type ISectionOptions,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx';
import type { Writable } from 'node:stream';
import type { BlockCell, SheetModel } from '../layout/sheet-model';

/** A4 in twentieths of a point (portrait; docx turns it for landscape), margins of 1.5 cm. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = 850;
const FONT = { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '宋体' };
/** Half-points: 10.5 pt (五号) in the table, 16 pt for the title. */
const SIZE = 21;
const TITLE_SIZE = 32;
const LABEL_FILL = 'F2F2F2';
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

/** A paragraph per line of the text (Word does not break at "\n" inside a run). */
function paragraphs(text: string, opts: { bold?: boolean; align: Align }): Paragraph[] {
  return text.split(/\r?\n/).map(
    (line) => new Paragraph({ alignment: opts.align, children: [new TextRun({ text: line, bold: opts.bold, font: FONT, size: SIZE })] }),
  );
}

function cell(text: string, opts: { span?: number; label?: boolean; align?: Align; merge?: 'restart' | 'continue' }): TableCell {
  const align = opts.align ?? (opts.label ? AlignmentType.CENTER : AlignmentType.LEFT);
  return new TableCell({
    children: paragraphs(opts.merge === 'continue' ? '' : text, { bold: opts.label, align }),
    columnSpan: opts.span && opts.span > 1 ? opts.span : undefined,
    verticalMerge: opts.merge === 'restart' ? VerticalMergeType.RESTART : opts.merge === 'continue' ? VerticalMergeType.CONTINUE : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
    shading: opts.label ? { type: ShadingType.CLEAR, color: 'auto', fill: LABEL_FILL } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
}

/** A header or footer line of label / value cells, filled out to the grid's width. */
function blockRow(line: readonly BlockCell[], width: number): TableRow {
  let used = 0;
  const cells: TableCell[] = [];
  for (const c of line) {
    const span = Math.max(1, Math.min(c.span ?? 1, width - used));
    if (span <= 0 || used >= width) break;
    cells.push(cell(c.text, { span, label: c.label, align: c.amount !== undefined ? AlignmentType.RIGHT : undefined }));
    used += span;
  }
  if (used < width) cells.push(cell('', { span: width - used }));
  return new TableRow({ children: cells, cantSplit: true });
}

/** One form as a section: the title, the subtitle, one bordered table (header block, column heads repeated on every page, the body with 一级/二级 merged down, footer). */
function section(m: SheetModel): ISectionOptions {
  const width = m.columns.length;
  const landscape = width > 6;
  const usable = (landscape ? A4.height : A4.width) - 2 * MARGIN;
  const total = m.columns.reduce((a, c) => a + c.width, 0);
  const columnWidths = m.columns.map((c) => Math.floor((c.width / total) * usable));
  const rows: TableRow[] = m.header.map((line) => blockRow(line, width));
  rows.push(new TableRow({ tableHeader: true, cantSplit: true, children: m.columns.map((c) => cell(c.header, { label: true })) }));
  m.rows.forEach((cells, r) => {
    const children = cells.map((text, c) => {
      const merge = m.merges.find((x) => x.col === c && x.row <= r && r < x.row + x.rowSpan);
      return cell(text, { align: c < 2 ? AlignmentType.CENTER : AlignmentType.LEFT, merge: merge ? (merge.row === r ? 'restart' : 'continue') : undefined });
    });
    rows.push(new TableRow({ children, cantSplit: true }));
  });
  rows.push(...m.footer.map((line) => blockRow(line, width)));
  return {
    properties: {
      page: {
        size: { ...A4, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
      },
    },
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: m.title, bold: true, font: FONT, size: TITLE_SIZE })] }),
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new TextRun({ text: m.subtitle, font: FONT, size: SIZE })] }),
      new Table({ rows, columnWidths, width: { size: usable, type: WidthType.DXA }, layout: TableLayoutType.FIXED, borders: BORDERS }),
    ],
  };
}

/** Render models as one Word document (a section, and so a new page, per form), written to `out`. */
export async function writeDocx(models: readonly SheetModel[], out: Writable): Promise<void> {
  const doc = new Document({
    creator: '绩效目标管理',
    title: models[0]?.title ?? '',
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    // an empty selection still gives a valid document, saying so
    sections: models.length ? models.map(section) : [{ children: [new Paragraph({ children: [new TextRun({ text: '没有符合条件的项目', font: FONT, size: SIZE })] })] }],
  });
  const buffer = await Packer.toBuffer(doc);
  await new Promise<void>((resolve, reject) => {
    out.once('error', reject);
    out.end(buffer, () => resolve());
  });
}
