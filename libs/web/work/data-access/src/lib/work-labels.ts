import { daysLeft } from '@pt/domain';
import { TASK_KIND_LABELS, type TaskKind, type TaskProgressStatus, type WorkbenchTodo } from '@pt/shared/api-types';
import { formatDate } from '@pt/web/shared/data-access';

/** The colour of a unit's progress (nz-tag): done green, returned red, submitted blue, under way orange. */
export const PROGRESS_COLORS: Readonly<Record<TaskProgressStatus, string>> = {
  未开始: 'default',
  填报中: 'orange',
  已提交: 'blue',
  已退回: 'red',
  已完成: 'green',
};

/** 「2026 年度 绩效目标申报」「2026 年 8 月 运行监控」: the step a task asks for. */
export function taskStepLabel(t: { kind: TaskKind; year: number; month: number | null }): string {
  return t.kind === 'monitoring' && t.month ? `${t.year} 年 ${t.month} 月 ${TASK_KIND_LABELS[t.kind]}` : `${t.year} 年度 ${TASK_KIND_LABELS[t.kind]}`;
}

/** The days before a deadline when the reminder starts (a notice on the 工作台, a badge on the menu). */
export const REMINDER_DAYS = 3;

export type DeadlineState = 'done' | 'overdue' | 'near' | 'ok';

/** Where a deadline stands: passed (and not done), near (within REMINDER_DAYS), or neither. */
export function deadlineState(daysLeft: number, done: boolean): DeadlineState {
  if (done) return 'done';
  if (daysLeft < 0) return 'overdue';
  return daysLeft <= REMINDER_DAYS ? 'near' : 'ok';
}

/** 「剩 5 天」「今天截止」「已逾期 2 天」. */
export function daysLeftText(daysLeft: number): string {
  if (daysLeft < 0) return `已逾期 ${-daysLeft} 天`;
  return daysLeft === 0 ? '今天截止' : `剩 ${daysLeft} 天`;
}

/** The page of a 待办 item: the target's editor, its review, its monitoring, self-evaluation or 整改. */
export function todoLink(item: Pick<WorkbenchTodo, 'type' | 'targetId'>): string[] {
  switch (item.type) {
    case 'review':
      return ['/projects', item.targetId, 'review'];
    case 'monitoring':
      return ['/projects', item.targetId, 'monitoring'];
    case 'evaluation':
      return ['/projects', item.targetId, 'evaluation'];
    case 'rectification':
      return ['/projects', item.targetId, 'rectifications'];
    default:
      return ['/projects', item.targetId];
  }
}

/** A 待办's deadline passed (the local day after it): shown in red. */
export function pastDeadline(deadline: string | null | undefined, today: Date = new Date()): boolean {
  return !!deadline && daysLeft(deadline, formatDate(today)) < 0;
}

/** Where a unit's user does a task's step: the targets of its year (申报, 自评) or 运行监控. */
export function taskLink(t: { kind: TaskKind; year: number }): { path: string; query: Record<string, number> } {
  return t.kind === 'monitoring' ? { path: '/monitoring', query: { year: t.year } } : { path: '/projects', query: { year: t.year } };
}
