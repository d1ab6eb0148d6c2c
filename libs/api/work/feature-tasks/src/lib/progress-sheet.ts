import { TASK_KIND_LABELS, type TaskProgressRow, type WorkTask } from '@pt/shared/api-types';
import ExcelJS, { type Borders } from 'exceljs';
import type { Writable } from 'node:stream';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADS = ['单位', '状态', '目标数', '已完成数', '是否逾期'];

/** What the task asks, under its title: 「绩效目标申报（2027年度）」, 「运行监控（2027年度 8月）」. */
export function taskStepText(task: WorkTask): string {
  return `${TASK_KIND_LABELS[task.kind]}（${task.year}年度${task.month ? ` ${task.month}月` : ''}）`;
}

/** The progress of a task as one sheet: its title, what and by when, then a row per unit (one page wide). */
export async function writeProgressSheet(out: Writable, task: WorkTask, rows: readonly TaskProgressRow[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = '绩效目标管理';
  const ws = wb.addWorksheet('任务进度', { pageSetup: { fitToPage: true, fitToWidth: 1, fitToHeight: 0, orientation: 'portrait' } });
  // widths only (no header in `columns`): the sheet starts with its title block, then the column heads
  ws.columns = [{ width: 40 }, { width: 10 }, { width: 9 }, { width: 10 }, { width: 10 }];
  const title = ws.addRow([task.title]);
  title.font = { bold: true, size: 14 };
  title.commit();
  ws.addRow([`${taskStepText(task)}，截止日期：${task.deadline}`]).commit();
  const head = ws.addRow(HEADS);
  head.font = { bold: true };
  head.eachCell((c) => (c.border = BORDER));
  head.commit();
  for (const r of rows) {
    const row = ws.addRow([r.orgName, r.status, r.targets, r.done, r.overdue ? '是' : '否']);
    row.eachCell((c) => (c.border = BORDER));
    row.commit();
  }
  ws.commit();
  await wb.commit();
}
