/**
 * The funds block of the 自评表 (财预〔2020〕10号 附件1): 年度资金总额 and, 其中, 当年财政拨款 / 上年结转资金 /
 * 其他资金, each with 年初预算数, 全年预算数 and 全年执行数 (分值, 执行率 and 得分 only on the total row, scored
 * by `scoreEvaluation`). Amounts are kept in yuan (decimal strings); the form prints 万元, so this file also
 * converts exactly between the two (no floats, nothing rounded away on input).
 */
import { Dec } from './decimal';
import { OF_WHICH } from './fields/project-fields';
import { FUNDS_COLUMN_LABELS, FUNDS_ROW_LABELS } from './fields/table-fields';
import type { EvaluationProblem } from './scoring';

export const FUNDS_SOURCES = ['fiscal', 'carryover', 'other'] as const;
export type FundsSource = (typeof FUNDS_SOURCES)[number];
export const FUNDS_COLUMNS = ['initialBudget', 'annualBudget', 'executed'] as const;
export type FundsColumn = (typeof FUNDS_COLUMNS)[number];

/** One row of the block: yuan as decimal strings, null (or "") where nothing was entered. */
export type FundsRowInput = Partial<Record<FundsColumn, string | null>>;

export interface EvaluationFundsInput {
  total: FundsRowInput;
  fiscal?: FundsRowInput | null;
  carryover?: FundsRowInput | null;
  other?: FundsRowInput | null;
}

const TEN_THOUSAND = Dec.fromInt(10000);

/** Yuan → 万元, exact (at least two decimals, more only when the yuan amount needs them): "500000.00" → "50.00", "123456.78" → "12.345678". Null when not a number. */
export function yuanToWan(yuan: string | null | undefined): string | null {
  const d = Dec.parse((yuan ?? '').trim());
  if (!d) return null;
  const w = d.div(TEN_THOUSAND);
  return w.toFixed(Math.max(2, w.exactScale() ?? 2));
}

/** 万元 → yuan with two decimals, exact: "50" → "500000.00". Null when not a number or finer than a fen (more than six decimals of 万元). */
export function wanToYuan(wan: string | null | undefined): string | null {
  const d = Dec.parse((wan ?? '').trim());
  if (!d) return null;
  const y = d.mul(TEN_THOUSAND);
  const scale = y.exactScale();
  return scale !== null && scale <= 2 ? y.toFixed(2) : null;
}

/** Yuan printed in 万元 with two decimals (half-up) and thousands separators: "12478600.00" → "1,247.86"; "" when not a number. */
export function formatWan(yuan: string | null | undefined): string {
  const d = Dec.parse((yuan ?? '').trim());
  if (!d) return '';
  const s = d.div(TEN_THOUSAND).toFixed(2);
  const negative = s.startsWith('-');
  const [int, frac] = (negative ? s.slice(1) : s).split('.');
  return `${negative ? '-' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

function blank(v: string | null | undefined): boolean {
  return v === null || v === undefined || v.trim() === '';
}

/** An entered amount: 0 when empty, null when not a number. */
function amount(v: string | null | undefined): Dec | null {
  return blank(v) ? Dec.ZERO : Dec.parse((v ?? '').trim());
}

/** 当年财政拨款、上年结转资金、其他资金, as a message names them. */
const SOURCES_TEXT = FUNDS_SOURCES.map((s) => FUNDS_ROW_LABELS[s].replace(OF_WHICH, '')).join('、');

/**
 * 年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金, per column: once any source of a column is filled
 * (an empty source counts as 0), the sources must add up to the total row exactly. One error per column,
 * naming it and the figures in 万元 (as the form prints them). A column whose sources are all empty is not
 * checked (the breakdown is optional until a figure is entered); invalid numbers are the DTO's business.
 */
export function fundsProblems(funds: EvaluationFundsInput): EvaluationProblem[] {
  const out: EvaluationProblem[] = [];
  for (const col of FUNDS_COLUMNS) {
    const parts = FUNDS_SOURCES.map((s) => funds[s]?.[col]);
    if (parts.every(blank)) continue;
    const values = parts.map(amount);
    const total = amount(funds.total[col]);
    if (!total || values.some((v) => v === null)) continue;
    const sum = Dec.sum(values as Dec[]);
    if (sum.eq(total)) continue;
    const label = FUNDS_COLUMN_LABELS[col];
    out.push({
      index: null,
      field: `funds.${col}`,
      code: 'FUNDS_NOT_ADDING_UP',
      message: `${label}：${SOURCES_TEXT}合计 ${formatWan(sum.toFixed(2))} 万元，与${FUNDS_ROW_LABELS.total} ${formatWan(total.toFixed(2))} 万元不一致`,
      severity: 'error',
    });
  }
  return out;
}
