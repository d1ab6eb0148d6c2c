import { columns, type RowOf } from '@pt/api/core';
import { allowedActions, hasRole, indicatorKey, isEditable, type IndicatorHistory } from '@pt/domain';
import type { DepartmentTask, Funds, Goal, ProjectSummary, Target, UserSummary } from '@pt/shared/contracts';
import type { ProjectEntity } from '../entities/project.entity';
import type { ReviewCommentEntity } from '../entities/review-comment.entity';
import { departmentOf, policyOf } from './kind-fields';

/** The project's own columns read by `PROJECT_SELECT`, checked against the entity (a renamed column fails to compile). */
const PROJECT_OWN = columns<ProjectEntity>()(
  'id', 'org_id', 'year', 'kind', 'name', 'framework_code', 'framework_version', 'settings_version', 'status',
  'nature', 'category', 'start_date', 'end_date', 'government_purchase', 'performance_type',
  'fund_total', 'fund_fiscal', 'fund_other', 'fund_annual_total', 'fund_annual_fiscal', 'fund_carryover', 'fund_annual_other',
  'last_year_budget', 'last_year_executed', 'dept_budget_basic', 'dept_budget_project', 'overview', 'basis', 'necessity', 'measures', 'plan', 'version', 'revision', 'created_at', 'updated_at',
);
/** Dates and money are read as text: the entity's `string` (`2027-01-01`, `500000.00`), never a float or a Date. */
const AS_TEXT: ReadonlySet<string> = new Set(['start_date', 'end_date', 'fund_total', 'fund_fiscal', 'fund_other', 'fund_annual_total', 'fund_annual_fiscal', 'fund_carryover', 'fund_annual_other', 'last_year_budget', 'last_year_executed', 'dept_budget_basic', 'dept_budget_project']);

/** The project row as selected by `PROJECT_SELECT`: its columns, its unit's name and the unit's department's. */
export type ProjectRow = RowOf<typeof PROJECT_OWN> & {
  org_name: string;
  department_name: string | null;
  /** Read by the detail only (`HAS_LAST_YEAR`): false spares the rows' `history` query; absent, it is run. */
  has_last_year?: boolean;
};

/** The columns of a project row (see ProjectRow) and the joins they need. */
export const PROJECT_COLUMNS = `${PROJECT_OWN.names.map((c) => (AS_TEXT.has(c) ? `p.${c}::text AS ${c}` : `p.${c}`)).join(', ')}, o.name AS org_name, d.name AS department_name`;
export const PROJECT_FROM = `FROM project p JOIN org o ON o.id = p.org_id LEFT JOIN org d ON d.id = o.parent_id AND d.kind = 'department'`;
export const PROJECT_SELECT = `SELECT ${PROJECT_COLUMNS}
    ${PROJECT_FROM}`;

const COMMENT_COLS = columns<ReviewCommentEntity>()('id', 'indicator_id', 'indicator_name', 'comment', 'user_name', 'at', 'action');
export const COMMENT_SELECT = `SELECT ${COMMENT_COLS.sql()}`;
/** The comment columns as the pairs of a `json_build_object` over the alias `c` (the detail's one round trip). */
export const COMMENT_JSON_PAIRS = COMMENT_COLS.names.map((n) => `'${n}', c.${n}`).join(', ');
export type CommentDbRow = RowOf<typeof COMMENT_COLS>;

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

export function summaryOf(r: ProjectRow): Omit<ProjectSummary, 'annualTotal' | 'indicatorCount' | 'evaluation' | 'light'> & { kind: ProjectRow['kind'] } {
  return {
    id: r.id,
    kind: r.kind,
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

/** What `user` may do with a target in `status` (the one part of a target's answer that depends on who asks). */
export function permissionsOf(user: UserSummary, status: ProjectRow['status']): Target['permissions'] {
  return { edit: hasRole(user, 'filler') && isEditable(status), actions: allowedActions(user, status) };
}

/**
 * The API's target from its row, its goals (with their rows), its review comments and — a department target's —
 * its 年度主要任务 (read only for that kind).
 */
export function assembleProject(
  user: UserSummary,
  r: ProjectRow,
  goals: (Goal & { projectId: string })[],
  comments: CommentDbRow[],
  tasks: DepartmentTask[] = [],
  lastYear?: ReadonlyMap<string, IndicatorHistory>,
): Target {
  const overall = goals.find((g) => g.kind === 'overall');
  const annual = goals.find((g) => g.kind === 'annual' && g.year === r.year);
  // the year's rows carry last year's values where they were read (the detail), in the goal and at the top level alike
  if (annual && lastYear) annual.indicators = annual.indicators.map((i) => ({ ...i, history: lastYear.get(indicatorKey(i)) ?? null }));
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
    permissions: permissionsOf(user, r.status),
    department: r.kind === 'department' ? departmentOf(r, tasks) : null,
    policy: r.kind === 'policy' ? policyOf(r) : null,
  };
}
