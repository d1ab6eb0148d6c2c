import type { Project, ProjectSummary } from './projects';

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

/** GET /api/reports/target-setting?year=&orgId= — the budget document's paragraph 绩效目标设置情况. */
export interface TargetSettingReport {
  year: number;
  orgId: string | null;
  units: number;
  departmentTargets: number;
  policyTargets: number;
  /** 元, decimal string. */
  policyFunds: string;
  projectTargets: number;
  projectFunds: string;
  unitsWithoutDepartmentTarget: string[];
  text: string;
}
