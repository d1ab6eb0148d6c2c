import type { TargetSettingReport } from '@pt/shared/contracts';
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { TARGET_SETTING_COLUMNS, targetSettingRows } from './target-setting-table';

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = { name: '宋体', size: 10 };
const AMOUNT_FORMAT = '#,##0.00';

/**
 * The height (points) a row of wrapped cells needs: LibreOffice and Excel do not grow a row for wrapped text written
 * by a library, so a long list of units would overlap the next row. A CJK character is about two column units wide.
 */
export function wrappedHeight(cells: readonly { text: string; width: number }[]): number {
  const lines = cells.map(({ text, width }) => {
    let w = 0;
    for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1.1;
    return Math.max(1, Math.ceil(w / Math.max(1, width - 1.5)));
  });
  return Math.max(18, Math.max(...lines) * 13 + 5);
}

/** The report as a workbook: the title, the paragraph, the table per 主管部门 with its 合计, the units without a 部门整体 target. */
export async function writeTargetSettingXlsx(r: TargetSettingReport, title: string, out: Writable): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '绩效目标管理';
  const ws = wb.addWorksheet('绩效目标设置情况');
  ws.columns = TARGET_SETTING_COLUMNS.map((c) => ({ width: c.width }));
  const width = TARGET_SETTING_COLUMNS.length;
  const total = TARGET_SETTING_COLUMNS.reduce((a, c) => a + c.width, 0);
  const line = (value: string, opts: { bold?: boolean; size?: number } = {}) => {
    const row = ws.addRow([value]);
    ws.mergeCells(row.number, 1, row.number, width);
    row.getCell(1).font = { ...FONT, bold: opts.bold, size: opts.size ?? FONT.size };
    row.getCell(1).alignment = { wrapText: true, vertical: 'middle', horizontal: opts.size ? 'center' : 'left' };
    row.height = opts.size ? 28 : wrappedHeight([{ text: value, width: total }]);
  };
  line(title, { bold: true, size: 16 });
  line(r.text);
  const head = ws.addRow(TARGET_SETTING_COLUMNS.map((c) => c.header));
  head.eachCell((c) => {
    c.font = { ...FONT, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = BORDER;
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  });
  head.height = wrappedHeight(TARGET_SETTING_COLUMNS.map((c) => ({ text: c.header, width: c.width })));
  for (const cells of targetSettingRows(r)) {
    const row = ws.addRow(cells.map((c) => (c.amount !== undefined ? Number(c.amount) : c.count ? Number(c.text) : c.text)));
    cells.forEach((c, i) => {
      const x = row.getCell(i + 1);
      x.font = { ...FONT, bold: c.total };
      x.border = BORDER;
      x.alignment = { vertical: 'middle', wrapText: true, horizontal: c.amount !== undefined || c.count ? 'right' : 'left' };
      if (c.amount !== undefined) x.numFmt = AMOUNT_FORMAT;
    });
    row.height = wrappedHeight(cells.map((c, i) => ({ text: c.text, width: TARGET_SETTING_COLUMNS[i].width })));
  }
  ws.addRow([]);
  line(`未编报部门（单位）整体绩效目标的单位（${r.unitsWithoutDepartmentTarget.length}个）：${r.unitsWithoutDepartmentTarget.join('、') || '无'}`);
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  await wb.xlsx.write(out);
  out.end();
}
