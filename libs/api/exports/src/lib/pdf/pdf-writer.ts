import * as fs from 'node:fs';
import PDFDocument from 'pdfkit';
import type { SheetModel } from '../layout/sheet-model';

/**
 * The CJK font embedded in every PDF: WenQuanYi Micro Hei from Debian's fonts-wqy-microhei, which the
 * project's scripts install (scripts/ensure-fonts.sh, the Dockerfile). PDF_FONT overrides the path.
 */
export const DEFAULT_PDF_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const FONT_NAME = 'WenQuanYiMicroHei';

export class PdfFontMissingError extends Error {
  constructor(readonly path: string) {
    super(`CJK font not found: ${path}`);
  }
}

export function pdfFontPath(): string {
  return process.env['PDF_FONT'] || DEFAULT_PDF_FONT;
}

type Cell = { text: string; colSpan?: number; rowSpan?: number; backgroundColor?: string; align?: { x: 'left' | 'center' | 'right'; y: 'center' } };

/** Render models as one PDF (a page per model, A4, landscape for wide tables), written to `out`. */
export function writePdf(models: readonly SheetModel[], out: NodeJS.WritableStream): Promise<void> {
  const font = pdfFontPath();
  if (!fs.existsSync(font)) return Promise.reject(new PdfFontMissingError(font));
  const doc = new PDFDocument({ autoFirstPage: false, size: 'A4', margin: 36, info: { Title: models[0]?.title ?? '', Producer: '绩效目标管理' } });
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', () => resolve());
    out.on('close', () => resolve());
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(out);
  doc.registerFont('cjk', font, FONT_NAME);
  return drawAll(doc, models).then(() => done);
}

/** Draw model after model, yielding to the event loop between them: a whole year's PDF must not stall other requests. */
async function drawAll(doc: PDFKit.PDFDocument, models: readonly SheetModel[]): Promise<void> {
  for (const [i, m] of models.entries()) {
    if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    drawModel(doc, m);
  }
  doc.end();
}

const PADDING = 3;

/**
 * One form on its own pages: the title, the header block, the indicator table and the footer block. The table is cut
 * into pages here (pdfkit would break a table but not repeat its column headers): every page of the table starts
 * with the column headers, and a merged 一级/二级 cell that runs over a page break is repeated on the next page.
 */
function drawModel(doc: PDFKit.PDFDocument, m: SheetModel): void {
  const width = m.columns.length;
  const layout = width > 6 ? 'landscape' : 'portrait';
  doc.addPage({ size: 'A4', layout, margin: 36 });
  doc.font('cjk');
  doc.fontSize(16).text(m.title, { align: 'center' });
  doc.fontSize(10).text(m.subtitle, { align: 'center' });
  doc.moveDown(0.5);
  doc.fontSize(9);
  const total = m.columns.reduce((a, c) => a + c.width, 0);
  const usable = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const widths = m.columns.map((c) => (c.width / total) * usable);
  const label = (text: string, colSpan?: number): Cell => ({ text, colSpan, backgroundColor: '#f2f2f2', align: { x: 'center', y: 'center' } });
  const value = (text: string, colSpan?: number, x: 'left' | 'right' = 'left'): Cell => ({ text, colSpan, align: { x, y: 'center' } });
  /** Height of a row of cells (an estimate on the safe side: the text of a merged cell counts in full). */
  const heightOf = (cells: readonly { text: string; col: number; span: number }[]) =>
    cells.reduce((h, c) => {
      const w = widths.slice(c.col, c.col + c.span).reduce((a, x) => a + x, 0) - 2 * PADDING;
      return Math.max(h, doc.heightOfString(c.text || ' ', { width: Math.max(w, 1) }) + 2 * PADDING + 1);
    }, 0);
  const block = (lines: SheetModel['header']) =>
    lines.map((line) => {
      let used = 0;
      const row: Cell[] = [];
      const measured: { text: string; col: number; span: number }[] = [];
      for (const c of line) {
        const span = Math.max(1, Math.min(c.span ?? 1, width - used));
        row.push(c.label ? label(c.text, span) : value(c.text, span, c.amount !== undefined ? 'right' : 'left'));
        measured.push({ text: c.text, col: used, span });
        used += span;
      }
      if (used < width) row.push(value('', width - used));
      return { row, height: heightOf(measured) };
    });
  const header = block(m.header);
  const footer = block(m.footer);
  const columnHeads = m.columns.map((c) => label(c.header));
  const columnHeadsHeight = heightOf(m.columns.map((c, col) => ({ text: c.header, col, span: 1 })));
  const bodyHeights = m.rows.map((cells) => heightOf(cells.map((text, col) => ({ text, col, span: 1 }))));

  // the body rows of each page
  const pages: { from: number; to: number }[] = [];
  const bottom = () => doc.page.maxY() - 2;
  let y = doc.y + header.reduce((a, r) => a + r.height, 0) + columnHeadsHeight;
  let from = 0;
  const topOfNextPage = doc.page.margins.top + columnHeadsHeight;
  m.rows.forEach((_, r) => {
    if (r > from && y + bodyHeights[r] > bottom()) {
      pages.push({ from, to: r - 1 });
      from = r;
      y = topOfNextPage;
    }
    y += bodyHeights[r];
  });
  pages.push({ from, to: m.rows.length - 1 });

  pages.forEach(({ from, to }, k) => {
    if (k > 0) doc.addPage({ size: 'A4', layout, margin: 36 });
    const data: Cell[][] = [];
    if (k === 0) data.push(...header.map((h) => h.row));
    data.push(columnHeads);
    // the page's part of the body: a merged cell spans down within the page (as HTML's rowspan), and one that began
    // on an earlier page starts again, with its text, on the first row of this one
    for (let r = from; r <= to; r++) {
      const row: Cell[] = [];
      m.rows[r].forEach((text, c) => {
        const merge = m.merges.find((x) => x.col === c && x.row <= r && r < x.row + x.rowSpan);
        if (merge && r > merge.row && r > from) return; // covered by the cell above on this page
        const span = merge ? Math.min(merge.row + merge.rowSpan - 1, to) - r + 1 : 1;
        row.push({ text: merge ? m.rows[merge.row][c] : text, rowSpan: span > 1 ? span : undefined, align: { x: c < 2 ? 'center' : 'left', y: 'center' } });
      });
      data.push(row);
    }
    if (k === pages.length - 1) data.push(...footer.map((f) => f.row));
    doc.table({ columnStyles: widths, defaultStyle: { border: 0.5, padding: PADDING }, data });
  });
}
