import type { ProjectStatus } from '../workflow/labels';

/**
 * The year as work (domain §11): tasks the finance bureau (or a department) sets, and each covered unit's progress
 * on the task's step, computed from the unit's own documents of that year.
 */
export const TASK_KINDS = ['declaration', 'monitoring', 'evaluation'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const TASK_KIND_LABELS: Record<TaskKind, string> = { declaration: '绩效目标申报', monitoring: '运行监控', evaluation: '绩效自评' };

export const TASK_PROGRESS_STATUSES = ['未开始', '填报中', '已提交', '已退回', '已完成'] as const;
export type TaskProgressStatus = (typeof TASK_PROGRESS_STATUSES)[number];

/**
 * One document of the step: a target (申报), the month's monitoring report of an approved target (监控: saved or
 * not — a report has no review), the self-evaluation of an approved target (自评). 'none': not started.
 */
export type StepDocumentState = ProjectStatus | 'none';

const IN_REVIEW_OR_DONE: readonly StepDocumentState[] = ['submitted', 'dept_approved', 'approved'];

/**
 * A unit's status on a step, from the states of its documents:
 * - 未开始: no document, or none started;
 * - 已完成: at least one document and every one approved (申报: every target of the unit approved by the finance
 *   bureau; 监控: the month's report saved for every approved target; 自评: every approved target's self-evaluation
 *   approved);
 * - 已退回: one returned (it needs the unit's attention before anything else);
 * - 已提交: every document submitted or further, not all approved yet;
 * - 填报中: otherwise (some started, some still draft or not started).
 */
export function stepStatus(states: readonly StepDocumentState[]): TaskProgressStatus {
  if (states.every((s) => s === 'none')) return '未开始';
  if (states.every((s) => s === 'approved')) return '已完成';
  if (states.includes('returned')) return '已退回';
  if (states.every((s) => IN_REVIEW_OR_DONE.includes(s))) return '已提交';
  return '填报中';
}

/** A monitoring report is saved or not: saved counts as the step done for that target. */
export function monitoringState(saved: boolean): StepDocumentState {
  return saved ? 'approved' : 'none';
}

/**
 * Overdue: the deadline (a date, YYYY-MM-DD, the last day allowed) has passed and the unit is not 已完成.
 * `today` is the local date (YYYY-MM-DD) of the caller.
 */
export function isOverdue(deadline: string, today: string, status: TaskProgressStatus): boolean {
  return status !== '已完成' && today > deadline;
}

/** Whole days from `today` to `deadline` (negative once passed): the reminder as the deadline nears and passes. */
export function daysLeft(deadline: string, today: string): number {
  const ms = Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** Today's date in Beijing (UTC+8, no daylight saving time), YYYY-MM-DD: deadlines are days there. */
export function beijingDate(now: Date = new Date()): string {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** From least to most advanced: a reviewer's summary of many units is the least advanced of them. */
export function leastAdvanced(statuses: readonly TaskProgressStatus[]): TaskProgressStatus {
  const order: readonly TaskProgressStatus[] = ['未开始', '已退回', '填报中', '已提交', '已完成'];
  if (!statuses.length) return '未开始';
  return order[Math.min(...statuses.map((s) => order.indexOf(s)))];
}
