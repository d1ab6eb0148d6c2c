import type { CreateProjectDto, UpdateProjectDto } from './project-inputs';
import type { Project, ProjectStatus, ProjectSummary } from './projects';

// The three kinds of 绩效目标 (api-contract › "Every kind of target"). `/api/targets` is the one resource;
// `/api/projects` is the same resource narrowed to kind "project".

export const TARGET_KINDS = ['project', 'department', 'policy'] as const;
export type TargetKindKey = (typeof TARGET_KINDS)[number];

/** 部门（单位）整体 — 年度预算申请 by source (fiscal + other = total) and by nature (basic + project = total), 元. */
export interface DepartmentBudget {
  total: string | null;
  fiscal: string | null;
  other: string | null;
  basic: string | null;
  project: string | null;
}

/** 年度主要任务: one row; its amounts (元) add up, with the other rows, to at most the budget's total. */
export interface DepartmentTask {
  name: string;
  content: string | null;
  amount: string | null;
  fiscal: string | null;
  other: string | null;
}

export interface DepartmentFields {
  budget: DepartmentBudget;
  tasks: DepartmentTask[];
}

/** 政策: 政策依据, 实施期 (years), 资金规模 (总额, 年度), 元. The 主管部门 is the target's organisation. */
export interface PolicyFields {
  basis: string | null;
  startYear: number | null;
  endYear: number | null;
  totalFunds: string | null;
  annualFunds: string | null;
}

/** A target of any kind: a project's fields plus its kind's block (null for the other kinds). */
export interface Target extends Project {
  kind: TargetKindKey;
  department: DepartmentFields | null;
  policy: PolicyFields | null;
}

export interface TargetSummary extends ProjectSummary {
  kind: TargetKindKey;
}

/**
 * The counts and money of declared targets of a group of units (money in 元, decimal strings): the whole report's
 * and each 主管部门's line.
 */
export interface TargetSettingTotals {
  units: number;
  departmentTargets: number;
  policyTargets: number;
  policyFunds: string;
  projectTargets: number;
  projectFunds: string;
  unitsWithoutDepartmentTarget: string[];
}

/** GET /api/reports/target-setting?year=&orgId= — the budget document's paragraph 绩效目标设置情况. */
export interface TargetSettingReport extends TargetSettingTotals {
  year: number;
  orgId: string | null;
  text: string;
  /** The same counts per 主管部门 (one row for a department reviewer or a unit), by organisation code. */
  departments: TargetSettingDepartmentRow[];
}

/** One 主管部门's line of the target-setting report. */
export interface TargetSettingDepartmentRow extends TargetSettingTotals {
  orgId: string;
  name: string;
}

// ---------------------------------------------------------------- requests of /api/targets

/** 年度预算申请 as a request sets it (each amount optional; null clears it). */
export type DepartmentBudgetInput = Partial<DepartmentBudget>;

/** One 年度主要任务 row as sent; `name` required. */
export interface DepartmentTaskInput {
  name: string;
  content?: string | null;
  amount?: string | null;
  fiscal?: string | null;
  other?: string | null;
}

/** The department block of a create or PATCH: `budget` merges field by field, `tasks` replaces every row. */
export interface DepartmentFieldsInput {
  budget?: DepartmentBudgetInput | null;
  tasks?: DepartmentTaskInput[];
}

export type PolicyFieldsInput = Partial<PolicyFields>;

/** PATCH /api/targets/:id (and /api/projects/:id): a project's fields plus its kind's block. */
export interface UpdateTargetDto extends UpdateProjectDto {
  department?: DepartmentFieldsInput | null;
  policy?: PolicyFieldsInput | null;
}

/** POST /api/targets: `name` may be left out for a department target (the organisation's name). */
export interface CreateTargetDto extends Omit<CreateProjectDto, 'name'> {
  kind: TargetKindKey;
  name?: string;
  department?: DepartmentFieldsInput | null;
  policy?: PolicyFieldsInput | null;
}

/** GET /api/targets query (the project list's other filters apply as well). */
export interface ListTargetsQuery {
  kind?: TargetKindKey;
  year?: number;
  orgId?: string;
  status?: ProjectStatus;
  q?: string;
  page?: number;
  pageSize?: number;
  /** Count the matches up to this many only (1–10000): beyond, `total` is `countUpTo` and `totalCapped` is true. */
  countUpTo?: number;
}

export interface TargetPage {
  items: TargetSummary[];
  total: number;
  page: number;
  pageSize: number;
  /**
   * Only with the query's `countUpTo`: `true` when more rows match than `countUpTo`, and then `total` is `countUpTo`
   * (at least that many; show "200 条以上"). Absent otherwise: `total` is the exact count.
   */
  totalCapped?: boolean;
}
