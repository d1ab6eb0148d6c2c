import type { BudgetLightResult, DeviationReason, Likelihood, MonitoringLight, TargetValue, TotalGrade } from '@pt/domain';
import type { ProjectStatus } from './projects';
import type { TargetKindKey } from './targets';

// In-year monitoring (运行监控, domain §7) and the dashboard (统计分析).

export interface MonitoringBudgetDto {
  annualBudget?: string | null;
  executed?: string | null;
  expectedExecuted?: string | null;
}

export interface MonitoringItemDto {
  indicatorId: string;
  /** A number in the target's unit for a quantitative row, a text for the others (checked per row by the domain's `monitoringCurrentProblem`). */
  current?: string | null;
  /** 全年预计完成情况 (free text, e.g. "100%" or "预计可完成"). */
  expected?: string | null;
  likelihood?: Likelihood | null;
  reasons?: DeviationReason[];
  measures?: string | null;
}

/** PUT /api/projects/:id/monitoring (If-Match): one month's report (a later save of the same month replaces it). */
export interface PutMonitoringDto {
  month: number;
  budget: MonitoringBudgetDto;
  items: MonitoringItemDto[];
}

export interface MonitoringItem {
  indicatorId: string;
  level1: string;
  level2: string;
  name: string;
  target: TargetValue;
  current: string | null;
  expected: string | null;
  likelihood: Likelihood | null;
  reasons: DeviationReason[];
  measures: string | null;
  light: MonitoringLight;
  /** Progress in percent, two decimals, null where there is none. */
  progress: string | null;
}

/** GET/PUT /api/projects/:id/monitoring */
export interface Monitoring {
  projectId: string;
  /** The project's version: the ETag of this answer and the If-Match of the next write. */
  version: number;
  /** The month of this report; null when nothing was reported yet. */
  month: number | null;
  /** Months with a saved report. */
  months: number[];
  budget: { annualBudget: string | null; executed: string | null; expectedExecuted: string | null };
  budgetLight: BudgetLightResult;
  items: MonitoringItem[];
  /** The project's light: its worst row or budget light. */
  light: MonitoringLight;
  updatedAt: string | null;
  permissions: { edit: boolean };
}

export interface MonitoringOverviewRow {
  projectId: string;
  /** The kind of the target (every approved target of the year is monitored, whichever its kind). */
  kind: TargetKindKey;
  name: string;
  orgId: string;
  orgName: string;
  month: number | null;
  light: MonitoringLight;
  budgetLight: MonitoringLight;
  executionRate: string | null;
  /** Rows per light. */
  counts: Record<MonitoringLight, number>;
}

/** GET /api/dashboard?year=&orgId= — every figure counts visible projects of the year under the organisation. */
export interface Dashboard {
  year: number;
  orgId: string | null;
  /** Every target of the year of any kind (项目, 部门（单位）整体, 政策) — the figures below count them all; `byKind` splits it. */
  projectCount: number;
  /** `projectCount` by kind, in the kinds' order (a kind without targets counted 0). */
  byKind: { kind: TargetKindKey; count: number }[];
  byStatus: { status: ProjectStatus; count: number }[];
  /** Evaluations by their review state (projects without a saved evaluation are not counted). */
  evaluationsByStatus: { status: ProjectStatus; count: number }[];
  /** Saved evaluations by grade. */
  grades: { grade: TotalGrade; count: number }[];
  /** Score distribution in bands of 10 from "<60" to "90–100". */
  scoreBands: { label: string; min: number; max: number; count: number }[];
  /** How many approved targets' latest monitoring light is red. */
  redCount: number;
  /** The most recently changed of them (at most DASHBOARD_LIST_MAX; all of them: the list filtered by 红灯). */
  redProjects: { id: string; name: string; orgName: string; month: number | null }[];
  /** The average total score of every saved self-evaluation, two decimals half-up (null when there is none). */
  averageScore: string | null;
  /** How many organisations have a saved self-evaluation (the ranking's length before it is cut). */
  unitCount: number;
  /** Units by average total score of their saved evaluations, best first (at most DASHBOARD_LIST_MAX). */
  unitRanking: { orgId: string; orgName: string; averageScore: string; count: number }[];
}

/** The longest red list and unit ranking a dashboard carries: a province has thousands of each. */
export const DASHBOARD_LIST_MAX = 20;
