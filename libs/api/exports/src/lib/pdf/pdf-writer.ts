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

type Cell = { text: string; colSpan?: number; rowSpan?: number; backgroundColor?: string; align?: { x: 'left' | 'center'; y: 'center' } };

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
  for (const m of models) drawModel(doc, m);
  doc.end();
  return done;
}

function drawModel(doc: PDFKit.PDFDocument, m: SheetModel): void {
  const width = m.columns.length;
  doc.addPage({ size: 'A4', layout: width > 6 ? 'landscape' : 'portrait', margin: 36 });
  doc.font('cjk');
  doc.fontSize(16).text(m.title, { align: 'center' });
  doc.fontSize(10).text(m.subtitle, { align: 'center' });
  doc.moveDown(0.5);
  const label = (text: string, colSpan?: number): Cell => ({ text, colSpan, backgroundColor: '#f2f2f2', align: { x: 'center', y: 'center' } });
  const value = (text: string, colSpan?: number): Cell => ({ text, colSpan, align: { x: 'left', y: 'center' } });
  const data: Cell[][] = [];
  const block = (lines: SheetModel['header']) => {
    for (const line of lines) {
      let used = 0;
      const row: Cell[] = [];
      for (const c of line) {
        const span = Math.max(1, Math.min(c.span ?? 1, width - used));
        row.push(c.label ? label(c.text, span) : value(c.text, span));
        used += span;
      }
      if (used < width) row.push(value('', width - used));
      data.push(row);
    }
  };
  block(m.header);
  data.push(m.columns.map((c) => label(c.header)));
  // the body: a merged cell spans down; the rows it covers leave that column out (as HTML's rowspan)
  const covered = new Set<string>();
  m.rows.forEach((cells, r) => {
    const row: Cell[] = [];
    cells.forEach((text, c) => {
      if (covered.has(`${r}:${c}`)) return;
      const merge = m.merges.find((x) => x.row === r && x.col === c);
      if (merge) for (let k = 1; k < merge.rowSpan; k++) covered.add(`${r + k}:${c}`);
      row.push({ text, rowSpan: merge?.rowSpan, align: { x: c < 2 ? 'center' : 'left', y: 'center' } });
    });
    data.push(row);
  });
  block(m.footer);
  const total = m.columns.reduce((a, c) => a + c.width, 0);
  const usable = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc.fontSize(9).table({
    columnStyles: m.columns.map((c) => (c.width / total) * usable),
    defaultStyle: { border: 0.5, padding: 3 },
    data,
  });
}
