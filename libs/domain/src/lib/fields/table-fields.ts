import type { FundsColumn, FundsSource } from '../scoring-funds';
import type { IndicatorRow } from '../types';
import { FUND_LABELS, OF_WHICH } from './project-fields';

/** The columns of a three-level indicator table (domain §3), by the row's field. */
export const INDICATOR_COLUMN_LABELS: Readonly<Record<keyof IndicatorRow, string>> = Object.freeze({
  level1: '一级指标',
  level2: '二级指标',
  name: '三级指标',
  target: '指标值',
  weight: '分值',
  core: '核心指标',
});
/** The 申报表's value column: it holds the annual or the overall value (domain §2). */
export const DECLARATION_TARGET_COLUMN = '年度(/项目)指标值';
/** The value column of the 自评表 and the 运行监控表. */
export const ANNUAL_TARGET_COLUMN = '年度指标值';

/** The 自评表's own columns and fields (财预〔2020〕10号 附件1, domain §8), by the API's field names. */
export const EVALUATION_FIELD_LABELS = Object.freeze({
  actual: '实际完成值',
  score: '得分',
  deviationReason: '偏差原因分析及改进措施',
  executionRate: '执行率',
  goalExpected: '预期目标',
  goalAchievement: '实际完成情况',
  totalScore: '总分',
  grade: '自评等级',
} as const);

/** The rows of the 自评表's funds block: 年度资金总额, 其中 当年财政拨款 / 上年结转资金 / 其他资金. */
export const FUNDS_ROW_LABELS: Readonly<Record<'total' | FundsSource, string>> = Object.freeze({
  total: '年度资金总额',
  fiscal: `${OF_WHICH}${FUND_LABELS.annualFiscal}`,
  carryover: FUND_LABELS.carryover,
  other: FUND_LABELS.other,
});
/** Its amount columns (then 分值, 执行率, 得分 on the total row). */
export const FUNDS_COLUMN_LABELS: Readonly<Record<FundsColumn, string>> = Object.freeze({
  initialBudget: '年初预算数',
  annualBudget: '全年预算数',
  executed: '全年执行数',
});

/** The 运行监控表's columns and budget fields (domain §7). */
export const MONITORING_FIELD_LABELS = Object.freeze({
  month: '监控月份',
  current: '当前完成值',
  expected: '全年预计完成情况',
  likelihood: '完成目标可能性',
  reasons: '偏差原因',
  measures: '纠偏措施',
  light: '灯',
  executedToDate: '截至当月执行数',
  expectedExecuted: '全年预计执行数',
  result: '项目监控结果',
  budgetLight: '预算执行',
} as const);
