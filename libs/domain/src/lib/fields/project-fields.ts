import type { Funds } from '../types';

/**
 * The field catalogue of the 申报表 (domain §2): every header label once, spelt as the published 2024 tables
 * print it (`yangpu-2024-…`: 项目名称 / 项目性质 / 项目类别 / 主管部门 / 实施单位 / 计划开始日期 …). The web form,
 * its read-only view, the review's diff, the table checks, the import and the exports all read their labels here.
 */
export const PROJECT_FIELD_LABELS = Object.freeze({
  year: '预算年度',
  name: '项目名称',
  nature: '项目性质',
  category: '项目类别',
  /** departmentName */
  department: '主管部门',
  /** orgId / orgName (the 2020 form prints 申报单位名称) */
  org: '实施单位',
  startDate: '计划开始日期',
  endDate: '计划完成日期',
  governmentPurchase: '是否含有政府购买服务',
  performanceType: '绩效类型',
  lastYearBudget: '同名项目上年预算额',
  lastYearExecuted: '同名项目上年预算执行数',
  overview: '项目概况',
  basis: '立项依据',
  necessity: '项目设立的必要性',
  measures: '保证项目实施的制度、措施',
  plan: '项目实施计划',
  totalGoal: '项目总目标',
  annualGoal: '年度总体目标',
  framework: '指标体系',
  indicators: '绩效指标',
} as const);
export type ProjectFieldKey = keyof typeof PROJECT_FIELD_LABELS;

/** The funds block's title as the 2024 tables print it (`项目资金(元)`), amounts in yuan. */
export const FUNDS_BLOCK_LABEL = '项目资金';
/** The prefix of a block's first part (`其中：财政资金`). */
export const OF_WHICH = '其中：';
/** The unit suffix of an amount label in yuan (`项目资金总额（元）`). */
export const YUAN_SUFFIX = '（元）';
/** The same in 万元, as the 自评表 prints its funds (`项目资金（万元）`). */
export const WAN_SUFFIX = '（万元）';

const OTHER_FUNDS = '其他资金';
const fund = (label: string, ofWhich = false) => ({ name: label, printed: ofWhich ? OF_WHICH + label : label });
/**
 * The funds block, left 项目资金总额 = 财政资金 + 其他资金, right 年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金.
 * `printed` is the cell as the form prints it (both sides say 其他资金; the first part of a side has 其中：);
 * `name` stands on its own in a message, a field list or a diff, so the right-hand 其他资金 is qualified as
 * 其他资金（年度） there (the block it belongs to, in brackets after the printed label).
 */
export const FUND_FIELDS: Readonly<Record<keyof Funds, { readonly name: string; readonly printed: string }>> = Object.freeze({
  total: fund('项目资金总额'),
  fiscal: fund('财政资金', true),
  other: fund(OTHER_FUNDS),
  annualTotal: fund('年度资金申请总额'),
  annualFiscal: fund('当年财政拨款', true),
  carryover: fund('上年结转资金'),
  annualOther: { name: `${OTHER_FUNDS}（年度）`, printed: OTHER_FUNDS },
});
export const FUND_KEYS = Object.freeze(['total', 'fiscal', 'other', 'annualTotal', 'annualFiscal', 'carryover', 'annualOther'] as const);

/** The unambiguous name of each fund (`annualOther` → 其他资金（年度）). */
export const FUND_LABELS: Readonly<Record<keyof Funds, string>> = Object.freeze(
  Object.fromEntries(FUND_KEYS.map((k) => [k, FUND_FIELDS[k].name])) as Record<keyof Funds, string>,
);

/** The header fields a revision compares and the API names in a 400's `details[].field`, by field path (`funds.total`). */
export const PROJECT_HEADER_FIELD_PATHS = Object.freeze([
  'name',
  'nature',
  'category',
  'startDate',
  'endDate',
  'governmentPurchase',
  'performanceType',
  ...FUND_KEYS.map((k) => `funds.${k}` as const),
  'lastYearBudget',
  'lastYearExecuted',
  'overview',
  'basis',
  'necessity',
  'measures',
  'plan',
  'totalGoal',
  'annualGoal',
] as const);

/** Label of each header field path (`funds.annualOther` → 其他资金（年度）), in the form's order. */
export const PROJECT_HEADER_LABELS: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(
    PROJECT_HEADER_FIELD_PATHS.map((path) => [
      path,
      path.startsWith('funds.') ? FUND_LABELS[path.slice(6) as keyof Funds] : PROJECT_FIELD_LABELS[path as ProjectFieldKey],
    ]),
  ),
);
