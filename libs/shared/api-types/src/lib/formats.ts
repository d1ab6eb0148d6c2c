// Formats of the values a person types, checked the same way by the server's DTOs and the web's forms.

/** An amount in yuan (元): a decimal string with at most two decimals, not negative, e.g. "500000.00". */
export const MONEY_PATTERN = /^\d{1,13}(\.\d{1,2})?$/;
export const moneyMessage = (label: string) => `${label}须为不超过两位小数的非负金额（元），如 500000.00`;

/** An actual or current value in the target's unit: sign allowed (a negative actual scores 0), four decimals. */
export const DECIMAL_PATTERN = /^-?\d{1,15}(\.\d{1,4})?$/;
export const decimalMessage = (label: string) => `${label}须为数字（最多四位小数），单位与指标值相同，如 95 或 12.5`;

/** 得分 / 分值: at most two decimals, not negative. */
export const POINTS_PATTERN = /^\d{1,3}(\.\d{1,2})?$/;
export const pointsMessage = (label: string) => `${label}须为不超过两位小数的非负分数，如 10 或 7.50`;

/** A calendar day, `YYYY-MM-DD`. */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The indicator frameworks a project, a library indicator or an import can name. */
export const FRAMEWORK_CODES = ['mof-2021', 'shanghai-2020'] as const;
export type FrameworkCode = (typeof FRAMEWORK_CODES)[number];
