import { TASK_KIND_LABELS, type TaskProgressRow, type WorkTask } from '@pt/shared/api-types';
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The task's name as the sheet's title and the file's: 「2026年度 绩效目标申报（8月）」. */
export function progressTitle(task: WorkTask): string {
  const month = task.month ? `（${task.month}月）` : '';
  return `${task.title} — ${task.year}年度${TASK_KIND_LABELS[task.kind]}${month}`;
}

/** The progress of a task as one sheet: a title, the deadline, then a row per unit. */
export async function writeProgressSheet(out: Writable, task: WorkTask, rows: readonly TaskProgressRow[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = '绩效目标管理';
  const ws = wb.addWorksheet('任务进度');
  // widths only (no header in `columns`): the sheet starts with its title block, then the column heads
  ws.columns = [{ width: 36 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 10 }];
  ws.addRow([progressTitle(task)]).commit();
  ws.addRow([`截止日期：${task.deadline}`]).commit();
  const head = ws.addRow(['单位', '状态', '目标数', '已完成数', '是否逾期']);
  head.font = { bold: true };
  head.commit();
  for (const r of rows) ws.addRow([r.orgName, r.status, r.targets, r.done, r.overdue ? '是' : '否']).commit();
  ws.commit();
  await wb.commit();
}
