import { allowedActions, hasRole, isEditable } from '@pt/domain';
import type { Funds, Goal, Project, ProjectStatus, ProjectSummary, UserSummary } from '@pt/shared/contracts';

/** The project row as selected by `PROJECT_SELECT` (dates as text, money as strings). */
export interface ProjectRow {
  id: string;
  org_id: string;
  org_name: string;
  department_name: string | null;
  year: number;
  name: string;
  framework_code: string;
  /** The framework and scoring settings versions the project was declared under. */
  framework_version: number;
  settings_version: number;
  status: ProjectStatus;
  nature: string | null;
  category: string | null;
  start_date: string | null;
  end_date: string | null;
  government_purchase: boolean | null;
  performance_type: string | null;
  fund_total: string | null;
  fund_fiscal: string | null;
  fund_other: string | null;
  fund_annual_total: string | null;
  fund_annual_fiscal: string | null;
  fund_carryover: string | null;
  fund_annual_other: string | null;
  last_year_budget: string | null;
  last_year_executed: string | null;
  overview: string | null;
  basis: string | null;
  necessity: string | null;
  measures: string | null;
  plan: string | null;
  version: number;
  revision: number;
  created_at: Date;
  updated_at: Date;
}

/** The columns of a project row (see ProjectRow) and the joins they need. */
export const PROJECT_COLUMNS = `p.id, p.org_id, o.name AS org_name, d.name AS department_name, p.year, p.name, p.framework_code, p.framework_version, p.settings_version, p.status,
         p.nature, p.category, p.start_date::text AS start_date, p.end_date::text AS end_date,
         p.government_purchase, p.performance_type,
         p.fund_total::text AS fund_total, p.fund_fiscal::text AS fund_fiscal, p.fund_other::text AS fund_other,
         p.fund_annual_total::text AS fund_annual_total, p.fund_annual_fiscal::text AS fund_annual_fiscal,
         p.fund_carryover::text AS fund_carryover, p.fund_annual_other::text AS fund_annual_other,
         p.last_year_budget::text AS last_year_budget, p.last_year_executed::text AS last_year_executed,
         p.overview, p.basis, p.necessity, p.measures, p.plan, p.version, p.revision, p.created_at, p.updated_at`;
export const PROJECT_FROM = `FROM project p JOIN org o ON o.id = p.org_id LEFT JOIN org d ON d.id = o.parent_id AND d.kind = 'department'`;
export const PROJECT_SELECT = `SELECT ${PROJECT_COLUMNS}
    ${PROJECT_FROM}`;

export const COMMENT_SELECT = `SELECT id, indicator_id, indicator_name, comment, user_name, at, action`;
export interface CommentDbRow {
  id: string;
  indicator_id: string | null;
  indicator_name: string | null;
  comment: string;
  user_name: string;
  at: Date;
  action: string;
}

export function fundsOf(r: Pick<ProjectRow, 'fund_total' | 'fund_fiscal' | 'fund_other' | 'fund_annual_total' | 'fund_annual_fiscal' | 'fund_carryover' | 'fund_annual_other'>): Funds {
  return {
    total: r.fund_total,
    fiscal: r.fund_fiscal,
    other: r.fund_other,
    annualTotal: r.fund_annual_total,
    annualFiscal: r.fund_annual_fiscal,
    carryover: r.fund_carryover,
    annualOther: r.fund_annual_other,
  };
}

export function summaryOf(r: ProjectRow): Omit<ProjectSummary, 'annualTotal' | 'indicatorCount' | 'evaluation' | 'light'> {
  return {
    id: r.id,
    year: r.year,
    name: r.name,
    orgId: r.org_id,
    orgName: r.org_name,
    departmentName: r.department_name,
    frameworkCode: r.framework_code,
    status: r.status,
    version: r.version,
    revision: r.revision,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** The API's project from its row, its goals (with their rows) and its review comments. */
export function assembleProject(user: UserSummary, r: ProjectRow, goals: (Goal & { projectId: string })[], comments: CommentDbRow[]): Project {
  const overall = goals.find((g) => g.kind === 'overall');
  const annual = goals.find((g) => g.kind === 'annual' && g.year === r.year);
  return {
    ...summaryOf(r),
    nature: r.nature,
    category: r.category,
    startDate: r.start_date,
    endDate: r.end_date,
    governmentPurchase: r.government_purchase,
    performanceType: r.performance_type,
    funds: fundsOf(r),
    lastYearBudget: r.last_year_budget,
    lastYearExecuted: r.last_year_executed,
    overview: r.overview,
    basis: r.basis,
    necessity: r.necessity,
    measures: r.measures,
    plan: r.plan,
    totalGoal: overall?.text ?? null,
    annualGoal: annual?.text ?? null,
    createdAt: new Date(r.created_at).toISOString(),
    frameworkVersion: r.framework_version,
    settingsVersion: r.settings_version,
    indicators: annual?.indicators ?? [],
    goals,
    reviewComments: comments.map((c) => ({
      id: c.id,
      indicatorId: c.indicator_id,
      indicatorName: c.indicator_name,
      comment: c.comment,
      user: c.user_name,
      at: new Date(c.at).toISOString(),
      action: c.action,
    })),
    permissions: { edit: hasRole(user, 'filler') && isEditable(r.status), actions: allowedActions(user, r.status) },
  };
}
