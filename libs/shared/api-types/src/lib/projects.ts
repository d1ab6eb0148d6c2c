import type { Finding, Framework, IndicatorBasis, IndicatorHistory, TargetValue } from '@pt/domain';
import type { ProjectStatus, StructuredReview, TransitionAction } from '@pt/domain';

// the workflow's states, actions and their labels are the domain's (one place for api, exports and web)
export { PROJECT_STATUSES, PROJECT_STATUS_LABELS, TRANSITION_ACTIONS } from '@pt/domain';
export type { ProjectStatus, TransitionAction } from '@pt/domain';
/** Labels of history actions (the domain's). */
export { HISTORY_ACTION_LABELS as TRANSITION_LABELS } from '@pt/domain';

export interface Funds {
  total: string | null;
  fiscal: string | null;
  other: string | null;
  annualTotal: string | null;
  annualFiscal: string | null;
  carryover: string | null;
  annualOther: string | null;
}

export interface ReviewComment {
  id: string;
  indicatorId: string | null;
  /** The row as it was when commented on. */
  indicatorName: string | null;
  comment: string;
  user: string;
  at: string;
  /** Done in a later round (the row was changed or the table resubmitted). */
  action: string;
}

export interface Indicator {
  id: string;
  level1: string;
  level2: string;
  name: string;
  core: boolean;
  weight: string | null;
  target: TargetValue;
  /** 指标解释, 设定依据, 评(扣)分标准, 数据来源 (null where not filled). */
  explanation: string | null;
  basis: IndicatorBasis | null;
  scoringRule: string | null;
  dataSource: string | null;
  /**
   * The same indicator of the same-name target of the year before, its target and actual (null: none). On the rows of
   * the year's annual table as GET /api/targets/:id and its writes answer them; absent where a read does not carry it.
   */
  history?: IndicatorHistory | null;
}

export interface Goal {
  id: string;
  kind: 'overall' | 'annual';
  year: number | null;
  text: string | null;
  indicators: Indicator[];
}

export interface ProjectSummary {
  id: string;
  year: number;
  name: string;
  orgId: string;
  orgName: string;
  departmentName: string | null;
  frameworkCode: string;
  status: ProjectStatus;
  version: number;
  /** 1 for the first declaration; +1 with each adjustment of an approved project. */
  revision: number;
  annualTotal: string | null;
  indicatorCount: number;
  updatedAt: string;
  /** The saved self-evaluation (list only). */
  evaluation: { status: ProjectStatus; totalScore: string; grade: '优' | '良' | '中' | '差' } | null;
  /** The light of the latest monitoring report (list only). */
  light: 'red' | 'yellow' | 'green' | 'blue' | 'none' | null;
}

export interface Project extends Omit<ProjectSummary, 'annualTotal' | 'indicatorCount' | 'evaluation' | 'light'> {
  nature: string | null;
  category: string | null;
  startDate: string | null;
  endDate: string | null;
  governmentPurchase: boolean | null;
  performanceType: string | null;
  funds: Funds;
  lastYearBudget: string | null;
  lastYearExecuted: string | null;
  overview: string | null;
  basis: string | null;
  necessity: string | null;
  measures: string | null;
  plan: string | null;
  totalGoal: string | null;
  annualGoal: string | null;
  createdAt: string;
  /** The framework and scoring settings versions the project was declared under: its checks and scores use them. */
  frameworkVersion: number;
  settingsVersion: number;
  /** Rows of the annual goal of `year`. */
  indicators: Indicator[];
  goals: Goal[];
  reviewComments: ReviewComment[];
  /** What the current user may do now. */
  permissions: { edit: boolean; actions: TransitionAction[] };
}

export interface ProjectPage {
  items: ProjectSummary[];
  total: number;
  page: number;
  pageSize: number;
  /**
   * Only with the query's `countUpTo`: `true` when more rows match than `countUpTo`, and then `total` is `countUpTo`
   * (at least that many; show "200 条以上"). Absent otherwise: `total` is the exact count.
   */
  totalCapped?: boolean;
}

export interface FindingsResponse {
  findings: Finding[];
}

export interface HistoryEntry {
  at: string;
  user: string;
  action: string;
  fromStatus: ProjectStatus | null;
  toStatus: ProjectStatus | null;
  comment: string | null;
  /** A reviewer's structured review (财预〔2015〕88号) given with an approve or return; null otherwise. */
  review?: StructuredReview | null;
}

export interface OrgNode {
  id: string;
  code: string;
  name: string;
  kind: 'finance' | 'department' | 'unit';
  parentId: string | null;
}

/** GET /api/frameworks: the current (latest) version of each framework, the one new projects are declared under. */
export type FrameworkResponse = Pick<Framework, 'code' | 'name'> & {
  groups: { name: string; weight: number | null; children: string[]; role: Framework['groups'][number]['role'] }[];
  version: number;
  region: string;
  /** The current scoring settings' version (the same for every framework). */
  settingsVersion: number;
};
