import type { IndicatorHistory } from '../fields/indicator-meta';
import type { TARGET_NOUNS } from '../fields/other-target-fields';
import type { Finding, Framework, FrameworkGroup, Funds, IndicatorRow, Severity, TargetValue } from '../types';

/**
 * Checks on a target table (domain README §5): what reviewers catch by hand today.
 *
 * - `indicatorIndex` is the 0-based index into `input.rows`; messages number rows from 1
 *   (`第3行` = `rows[2]`), counting every input row.
 * - Empty placeholder rows (no 三级 name and no value, as printed under unused 二级 in published
 *   tables) are ignored entirely: they produce no finding and do not count as indicators.
 * - 一级/二级 labels are compared after `normaliseLevelName` (`产出 指标` = `产出指标`).
 * - Money is compared as integer cents (BigInt), never as floats.
 */
export interface CheckInput {
  frameworkCode: string; // 'mof-2021' | 'shanghai-2020' | …
  /** The version of the framework the project was declared under; without it, the shipped one of `frameworkCode`. */
  framework?: Framework | null;
  rows: IndicatorRow[];
  /** Budget year. */
  year?: number;
  /** 'YYYY-MM-DD' */
  startDate?: string | null;
  endDate?: string | null;
  /** Yuan decimal strings. */
  funds?: Funds | null;
  /** Other targets of the same unit (for COPIED_ROWS), with their kind where known (the message names it). */
  otherTables?: { projectName: string; kind?: keyof typeof TARGET_NOUNS; rows: IndicatorRow[] }[];
  /** Last year's values of each row (by the index of `rows`), for BELOW_LAST_YEAR_ACTUAL. */
  history?: readonly (IndicatorHistory | null | undefined)[];
}

export interface CheckRule {
  code: string;
  severity: Severity;
  title: string;
}

/** Every rule, in the order findings of one row are reported. */
export const CHECK_RULES: readonly CheckRule[] = [
  { code: 'UNKNOWN_FRAMEWORK', severity: 'error', title: '未知的指标体系' },
  { code: 'NO_OUTPUT', severity: 'error', title: '缺少产出指标' },
  { code: 'NO_BENEFIT', severity: 'error', title: '缺少效益指标' },
  { code: 'NO_SATISFACTION', severity: 'warning', title: '缺少满意度指标' },
  { code: 'DATES_INVALID', severity: 'error', title: '计划日期无效' },
  { code: 'DATES_OUTSIDE_YEAR', severity: 'warning', title: '计划日期不在预算年度内' },
  { code: 'FUNDS_INVALID', severity: 'error', title: '项目资金金额无效' },
  { code: 'FUNDS_NOT_ADDING_UP', severity: 'error', title: '项目资金合计不符' },
  { code: 'UNKNOWN_LEVEL1', severity: 'error', title: '一级指标不在指标体系内' },
  { code: 'LEVEL2_NOT_IN_LEVEL1', severity: 'error', title: '二级指标不属于一级指标' },
  { code: 'EMPTY_NAME', severity: 'error', title: '三级指标名称为空' },
  { code: 'EMPTY_TARGET', severity: 'error', title: '指标值为空' },
  { code: 'MALFORMED_NUMBER', severity: 'error', title: '指标值数值格式不正确' },
  { code: 'IMPLIED_EQUAL', severity: 'info', title: '指标值未写运算符，按“=”理解' },
  { code: 'MISSING_UNIT', severity: 'error', title: '定量指标值缺少计量单位' },
  { code: 'QUANTITY_QUALITATIVE', severity: 'warning', title: '数量指标使用了定性指标值' },
  { code: 'PERCENT_OVER_100', severity: 'warning', title: '百分比指标值超过100%' },
  { code: 'VALUE_IN_NAME', severity: 'warning', title: '指标名称中含有数值或运算符' },
  { code: 'DESCRIPTION_AS_VALUE', severity: 'warning', title: '指标值是考核内容的描述而非目标值' },
  { code: 'BUDGET_RATE_AS_OUTPUT', severity: 'warning', title: '资金管理类指标用作产出指标' },
  { code: 'DUPLICATE_NAME', severity: 'error', title: '三级指标名称重复' },
  { code: 'NEAR_DUPLICATE_NAME', severity: 'warning', title: '三级指标名称疑似重复' },
  { code: 'REPEATED_TEXT', severity: 'warning', title: '文字重复' },
  { code: 'COPIED_ROWS', severity: 'warning', title: '指标与本单位其他绩效目标完全相同' },
  { code: 'BELOW_LAST_YEAR_ACTUAL', severity: 'warning', title: '指标值低于上年实际完成值' },
];

const RULE_ORDER = new Map(CHECK_RULES.map((r, i) => [r.code, i]));
const SEVERITY = new Map(CHECK_RULES.map((r) => [r.code, r.severity]));

/** A non-placeholder row as the row and table checks see it. */
export interface RowContext {
  index: number;
  row: IndicatorRow;
  name: string;
  target: string;
  parsed: TargetValue;
  group: FrameworkGroup | undefined;
  level2: string;
}

/** How a message names a row: `第3行「培训人次」`. */
export function rowLabel(ctx: { index: number; name: string }): string {
  return ctx.name === '' ? `第${ctx.index + 1}行（未填写三级指标名称）` : `第${ctx.index + 1}行「${ctx.name}」`;
}

export function finding(code: string, message: string, indicatorIndex: number | null): Finding {
  return { code, severity: SEVERITY.get(code) ?? 'error', message, indicatorIndex };
}

/** Findings by row (table-wide first), then by rule order, then as found. */
export function sortFindings(out: readonly Finding[]): Finding[] {
  return out
    .map((f, i) => ({ f, i }))
    .sort((a, b) => {
      const ia = a.f.indicatorIndex ?? -1;
      const ib = b.f.indicatorIndex ?? -1;
      if (ia !== ib) return ia - ib;
      const ra = RULE_ORDER.get(a.f.code) ?? 0;
      const rb = RULE_ORDER.get(b.f.code) ?? 0;
      return ra !== rb ? ra - rb : a.i - b.i;
    })
    .map((x) => x.f);
}
