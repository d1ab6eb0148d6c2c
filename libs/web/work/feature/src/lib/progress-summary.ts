import { TASK_PROGRESS_STATUSES, type TaskProgressRow, type TaskProgressStatus } from '@pt/shared/api-types';

/** How many units are at each status, in the statuses' order. */
export function progressSummary(rows: readonly Pick<TaskProgressRow, 'status'>[]): { status: TaskProgressStatus; count: number }[] {
  return TASK_PROGRESS_STATUSES.map((status) => ({ status, count: rows.filter((r) => r.status === status).length }));
}
