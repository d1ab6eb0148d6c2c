/**
 * Core types of the domain (see shared/domain/README.md). Pure TypeScript, no framework.
 * Decimal numbers are always strings ("90.00", "-2.5"), never floats.
 */

export type TargetKind = 'quantitative' | 'compare' | 'qualitative' | 'empty';
export type TargetDirection = 'positive' | 'equal' | 'reverse' | 'qualitative' | 'manual';
/**
 * Canonical operators after normalisation (full-width and ASCII forms and the comparison words of
 * §11 map onto these). `between` is a range (`90%-95%`): `value` its lower, `valueMax` its upper bound.
 */
export type TargetOperator = '≥' | '>' | '=' | '≤' | '<' | 'between';

/** A parsed 指标值 (domain §4). `operator`, `value`, `unit` are null where they do not apply. */
export interface TargetValue {
  /** The text as typed. */
  raw: string;
  /** Canonical display, e.g. `≥90.00(%)`; for qualitative values the trimmed text. */
  text: string;
  kind: TargetKind;
  operator: TargetOperator | null;
  /** Decimal string as written (sign kept, no exponent), e.g. "90", "0.10", "1500". */
  value: string | null;
  unit: string | null;
  /** Only for operator "between": the upper bound (canonical decimal string like `value`). */
  valueMax?: string | null;
  direction: TargetDirection;
  /** True when no operator was written and `=` is assumed (a bare number with a unit: `100%`, `12期`). */
  impliedOperator?: boolean;
  /** Only for kind "compare": the parts of `比<base><verb><bound><value><unit>`. */
  compare?: CompareParts | null;
  /** True when the text starts like a number / operator but is not a valid quantity. */
  malformed?: boolean;
}

export interface CompareParts {
  base: string; // e.g. 年初规划
  verb: '低' | '高' | '减少' | '增加' | '节约';
  bound: '不少于' | '不低于' | '不超过' | '不高于';
}

/** One 三级 row of an indicator table as stored/edited. `target` is the raw text. */
export interface IndicatorRow {
  level1: string;
  level2: string;
  name: string;
  target: string;
  core?: boolean;
  /** Explicit 分值 (decimal string) or null/undefined for the default split. */
  weight?: string | null;
}

export interface FrameworkGroup {
  /** 一级指标 name, e.g. 产出指标 */
  name: string;
  /** Default weight of this 一级 group in self-evaluation (of the 90 indicator points), or null where none is official. */
  weight: number | null;
  /** Role of the group for checks and scoring. */
  role: 'output' | 'benefit' | 'satisfaction' | 'cost' | 'management' | 'impact';
  /** 二级指标 names */
  children: string[];
}

export interface Framework {
  code: string;
  name: string;
  groups: FrameworkGroup[];
}

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  /** Row index in the table, null for the whole table/project. */
  indicatorIndex: number | null;
  /** The request field a header finding is about (`department.budget.total`, `policy.endYear`), where it is one. */
  field?: string;
}

/** Project funds (yuan, decimal strings with up to two decimals). */
export interface Funds {
  total?: string | null; // 项目资金总额
  fiscal?: string | null; // 其中: 财政资金
  other?: string | null; // 其他资金
  annualTotal?: string | null; // 年度资金申请总额
  annualFiscal?: string | null; // 其中: 当年财政拨款
  carryover?: string | null; // 上年结转资金
  annualOther?: string | null; // 其他资金
}
