import { TASK_KINDS, type CreateTaskBody, type TaskKind } from '@pt/shared/api-types';
import { formatDate, localFailure, type ApiFailure } from '@pt/web/shared/data-access';

/** The 新建任务 dialog's fields as the user edits them. */
export interface TaskForm {
  kind: TaskKind;
  year: number;
  month: number | null;
  title: string;
  deadline: Date | null;
  orgIds: string[];
}

export function newTaskForm(year: number): TaskForm {
  return { kind: 'declaration', year, month: null, title: '', deadline: null, orgIds: [] };
}

/** What the server checks anyway, said before sending: each missing field named. */
export function taskFormFailure(f: TaskForm): ApiFailure | null {
  const details = [];
  if (!TASK_KINDS.includes(f.kind)) details.push({ field: 'kind', message: '请选择任务类型' });
  if (f.title.trim() === '') details.push({ field: 'title', message: '请填写任务名称' });
  if (f.kind === 'monitoring' && !f.month) details.push({ field: 'month', message: '运行监控任务请选择监控月份' });
  if (!f.deadline) details.push({ field: 'deadline', message: '请选择截止日期' });
  return localFailure(details);
}

/** The request: the month only for monitoring; no `orgIds` when none chosen (every unit the setter sees). */
export function taskBody(f: TaskForm): CreateTaskBody {
  return {
    kind: f.kind,
    year: f.year,
    ...(f.kind === 'monitoring' ? { month: f.month } : {}),
    title: f.title.trim(),
    deadline: formatDate(f.deadline),
    ...(f.orgIds.length > 0 ? { orgIds: f.orgIds } : {}),
  };
}

/** A default title from the step: 「2027 年度绩效目标申报」. */
export function defaultTaskTitle(kind: TaskKind, year: number, month: number | null, labels: Record<TaskKind, string>): string {
  return kind === 'monitoring' && month ? `${year} 年 ${month} 月${labels[kind]}` : `${year} 年度${labels[kind]}`;
}
