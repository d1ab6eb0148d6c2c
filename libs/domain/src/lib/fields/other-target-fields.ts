import { FUND_LABELS, FUNDS_BLOCK_LABEL, PROJECT_FIELD_LABELS } from './project-fields';

/** The kinds of 绩效目标 as a list and its filter name them (the keys are the API's `kind`). */
export const TARGET_KIND_LABELS = Object.freeze({
  project: '项目',
  department: '部门（单位）整体',
  policy: '政策',
} as const);

/**
 * The two other kinds of target (domain §11, 全覆盖): 部门（单位）整体支出绩效目标申报表 and 政策绩效目标. Labels
 * the project form already has (主管部门, 其他资金, 年度总体目标) are taken from it, not typed again.
 */
export const DEPARTMENT_FIELD_LABELS = Object.freeze({
  orgName: '部门（单位）名称',
  year: '年度',
  /** the block of total, fiscal, other, basic, project */
  budget: '年度预算申请',
  budgetTotal: '资金总额',
  fiscal: '财政拨款',
  other: FUND_LABELS.other,
  basic: '基本支出',
  project: '项目支出',
  tasks: '年度主要任务',
  taskName: '任务名称',
  taskContent: '主要内容',
  taskBudget: '预算金额',
  /** the task's amount column under 预算金额 */
  taskAmount: '总额',
  annualGoal: PROJECT_FIELD_LABELS.annualGoal,
} as const);

export const POLICY_FIELD_LABELS = Object.freeze({
  name: '政策名称',
  department: PROJECT_FIELD_LABELS.department,
  basis: '政策依据',
  /** start and end year */
  period: '实施期',
  fundsTotal: '资金规模总额',
  fundsAnnual: '年度资金规模',
  midTermGoal: '中期目标',
  annualGoal: '年度目标',
} as const);

/** How a sentence names a target of each kind (messages, buttons: 返回项目 / 返回政策绩效目标). */
export const TARGET_NOUNS = Object.freeze({
  project: TARGET_KIND_LABELS.project,
  department: `${TARGET_KIND_LABELS.department}绩效目标`,
  policy: `${TARGET_KIND_LABELS.policy}绩效目标`,
} as const);

/**
 * What the 自评表 and the 运行监控表 of each kind of target print differently — in the exports and on the pages alike:
 * the titles, the name's label and the funds block's (部门整体自评 reports the unit's budget execution in that block),
 * the kind's short label (`kind`: 项目信息 / 政策信息) and how a sentence names the target (`target`).
 */
export const KIND_FORM_LABELS = Object.freeze({
  project: {
    evaluation: '项目支出绩效自评表',
    monitoring: '项目支出绩效运行监控表',
    name: PROJECT_FIELD_LABELS.name,
    funds: FUNDS_BLOCK_LABEL,
    kind: TARGET_KIND_LABELS.project,
    target: TARGET_NOUNS.project,
  },
  department: {
    evaluation: '部门（单位）整体支出绩效自评表',
    monitoring: '部门（单位）整体支出绩效运行监控表',
    name: DEPARTMENT_FIELD_LABELS.orgName,
    funds: '部门（单位）预算资金',
    kind: TARGET_KIND_LABELS.department,
    target: TARGET_NOUNS.department,
  },
  policy: {
    evaluation: '政策绩效自评表',
    monitoring: '政策绩效运行监控表',
    name: POLICY_FIELD_LABELS.name,
    funds: '政策资金',
    kind: TARGET_KIND_LABELS.policy,
    target: TARGET_NOUNS.policy,
  },
} as const);
