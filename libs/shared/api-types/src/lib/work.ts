import type { HistoryAction, ProjectStatus, StructuredReview, TaskKind, TaskProgressStatus, TransitionAction } from '@pt/domain';

// The year's work (api-contract › "The year's work"): tasks with deadlines, each unit's progress, the 工作台, the
// structured review of 财预〔2015〕88号 and batch transitions. The kinds, statuses, dimensions and their labels are the
// domain's (one place for api, exports and web).
export {
  TASK_KINDS,
  TASK_KIND_LABELS,
  TASK_PROGRESS_STATUSES,
  REVIEW_DIMENSIONS,
  REVIEW_DIMENSION_LABELS,
  REVIEW_GRADES,
  PASSING_REVIEW_GRADES,
  reviewSummary,
} from '@pt/domain';
export type { TaskKind, TaskProgressStatus, StructuredReview, ReviewDimension, ReviewGrade } from '@pt/domain';

/** POST /api/tasks. `orgIds` left out: every unit the setter sees. `month` (1–12) only for monitoring. */
export interface CreateTaskBody {
  kind: TaskKind;
  year: number;
  month?: number | null;
  title: string;
  /** The last day allowed, YYYY-MM-DD. */
  deadline: string;
  orgIds?: string[];
}

export interface WorkTask {
  id: string;
  kind: TaskKind;
  year: number;
  /** The monitoring month (1–12); null for the other kinds. */
  month: number | null;
  title: string;
  deadline: string;
  /** The organisation that set it (the finance bureau or a department). */
  setterOrgId: string;
  setterOrgName: string;
  createdBy: string;
  createdAt: string;
  /** The units covered. */
  orgIds: string[];
}

/** One covered unit on GET /api/tasks/:id/progress. */
export interface TaskProgressRow {
  orgId: string;
  orgName: string;
  status: TaskProgressStatus;
  /** The documents of the step: 申报 the unit's targets of the year, 监控 and 自评 its approved targets. */
  targets: number;
  /** Of those, the ones done (approved; 监控: the month's report saved). */
  done: number;
  overdue: boolean;
}

export interface WorkbenchTask {
  id: string;
  kind: TaskKind;
  title: string;
  year: number;
  month: number | null;
  deadline: string;
  /** The asking user's unit on the task (a reviewer: 已完成 when every covered unit is; else the least advanced). */
  status: TaskProgressStatus;
  overdue: boolean;
  /** Days until the deadline (negative once passed): reminders as it nears and passes. */
  daysLeft: number;
  /** The covered units the user sees: how many, how many 已完成, how many overdue (a reviewer's summary). */
  units?: { total: number; done: number; overdue: number };
}

export const WORKBENCH_TODO_TYPES = ['fill', 'review', 'returned', 'monitoring', 'evaluation', 'rectification'] as const;
export type WorkbenchTodoType = (typeof WORKBENCH_TODO_TYPES)[number];

export const WORKBENCH_TODO_LABELS: Record<WorkbenchTodoType, string> = {
  fill: '待完善',
  review: '待审核',
  returned: '被退回',
  monitoring: '待监控',
  evaluation: '待自评',
  rectification: '待整改',
};

/** What a 待办 item opens: the target's declaration, its self-evaluation, its month's monitoring report or a rectification. */
export type WorkbenchDocument = 'target' | 'evaluation' | 'monitoring' | 'rectification';

export interface WorkbenchTodo {
  type: WorkbenchTodoType;
  document: WorkbenchDocument;
  targetId: string;
  /** The target's name. */
  name: string;
  orgName: string;
  year: number;
  /** The document's status (the target's, the self-evaluation's, or the rectification's). */
  status: string;
  /** From the task covering it, if any (YYYY-MM-DD). */
  deadline: string | null;
  /** A returned target: the reviewer's reason. */
  reason?: string | null;
  /** The monitoring month due (type monitoring). */
  month?: number | null;
  /** A rectification's id (type rectification). */
  id?: string;
}

/** A transition by the user (已办). */
export interface WorkbenchDone {
  targetId: string;
  name: string;
  action: HistoryAction;
  fromStatus: ProjectStatus | null;
  toStatus: ProjectStatus | null;
  comment: string | null;
  at: string;
}

/** The menu's badges: cheap, asked on every page (GET /api/workbench/counts). */
export interface WorkbenchCounts {
  /** Every item of `todo`. */
  todo: number;
  review: number;
  returned: number;
  /** Tasks past their deadline and not 已完成 for the user. */
  overdueTasks: number;
}

export interface Workbench {
  tasks: WorkbenchTask[];
  todo: WorkbenchTodo[];
  done: WorkbenchDone[];
  counts: WorkbenchCounts;
}

/** POST /api/transitions: at most this many items. */
export const BATCH_TRANSITION_LIMIT = 200;

export interface BatchTransitionBody {
  action: TransitionAction;
  comment?: string | null;
  review?: StructuredReview | null;
  items: { id: string; version: number }[];
}

export interface BatchTransitionResult {
  id: string;
  /** The status after the transition (unchanged, or null when not visible, if refused). */
  status: ProjectStatus | null;
  version?: number;
  error?: { statusCode: number; code: string; message: string };
}

export interface BatchTransitionResponse {
  results: BatchTransitionResult[];
}
