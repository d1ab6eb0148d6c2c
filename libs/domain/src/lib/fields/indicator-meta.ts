/**
 * What a row of an indicator table may carry besides its value (domain §11): 指标解释, 设定依据, 评(扣)分标准,
 * 数据来源, and what reviewers see of the same indicator last year.
 */

/** 设定依据: the standard a target value was set by. */
export const INDICATOR_BASES = ['计划标准', '行业标准', '历史标准', '其他标准'] as const;
export type IndicatorBasis = (typeof INDICATOR_BASES)[number];

/** A row's description fields; null (or absent) where not filled. */
export interface IndicatorMeta {
  explanation?: string | null;
  basis?: IndicatorBasis | null;
  scoringRule?: string | null;
  dataSource?: string | null;
}

/** The labels of the description fields, by field (forms, exports, error messages). */
export const INDICATOR_META_LABELS: Readonly<Record<keyof IndicatorMeta, string>> = Object.freeze({
  explanation: '指标解释',
  basis: '设定依据',
  scoringRule: '评(扣)分标准',
  dataSource: '数据来源',
});

/** The fields in their printed order. */
export const INDICATOR_META_KEYS = Object.keys(INDICATOR_META_LABELS) as (keyof IndicatorMeta)[];

/** Longest text of 指标解释 / 评(扣)分标准 (数据来源 is shorter). */
export const INDICATOR_META_MAX = { explanation: 1000, scoringRule: 1000, dataSource: 200 } as const;

/**
 * The same indicator (same 一级, 二级 and 三级 name) of the same-name target of the year before: its value as typed
 * and its self-evaluation's actual (value and unit, or the grade of a qualitative row; null without one).
 */
export interface IndicatorHistory {
  year: number;
  target: string;
  actual: string | null;
}

export const INDICATOR_HISTORY_LABELS = Object.freeze({
  history: '上年情况',
  target: '上年指标值',
  actual: '上年实际完成值',
} as const);
