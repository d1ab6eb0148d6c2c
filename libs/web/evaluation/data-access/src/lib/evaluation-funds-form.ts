import { FUNDS_BLOCK_LABEL, FUNDS_COLUMN_LABELS, FUNDS_ROW_LABELS, FUNDS_SOURCES, wanToYuan, yuanToWan } from '@pt/domain';
import type { EvaluationFundsInput, FundsColumn, FundsSource } from '@pt/domain';
import type { ApiErrorDetail, Evaluation, EvaluationFundsDto } from '@pt/shared/api-types';
import { cleanNumber, MONEY_PATTERN } from './numbers';

/**
 * The funds block of the 自评表 (10号 附件1) as the page edits it: every amount typed in 万元, as the form
 * prints it, and sent to the API in yuan (exact: 万元 with up to six decimals is whole fen). The total row's
 * 全年预算数 / 全年执行数 are the form's `budget`; this is the rest (its 年初预算数 and the three sources).
 */
export interface FundsFormRow {
  initialBudget: string;
  annualBudget: string;
  executed: string;
}

export interface FundsForm {
  /** 年度资金总额 年初预算数 (万元). */
  initialBudget: string;
  fiscal: FundsFormRow;
  carryover: FundsFormRow;
  other: FundsFormRow;
}

export const FUNDS_FORM_SOURCES: readonly FundsSource[] = FUNDS_SOURCES;
export const FUNDS_FORM_COLUMNS: readonly FundsColumn[] = ['initialBudget', 'annualBudget', 'executed'];

/** Yuan from the API → the 万元 text of an input ("500000.00" → "50.00"; "" when none). */
export function wanText(yuan: string | null | undefined): string {
  return yuanToWan(yuan) ?? '';
}

/**
 * A typed 万元 amount → yuan for the API ("50" → "500000.00", "1,247.86" → "12478600.00"); "" when empty; the
 * cleaned text itself when it is not an amount (`validateFundsForm` refuses it before anything is sent).
 */
export function yuanOf(text: string | null | undefined): string {
  const s = cleanNumber(text);
  if (s === '') return '';
  return wanToYuan(s) ?? s;
}

function yuanOrNull(text: string): string | null {
  const y = yuanOf(text);
  return y === '' ? null : y;
}

const EMPTY_ROW = { initialBudget: null, annualBudget: null, executed: null };

/** The form of the block read from the API (older answers without `funds`: every figure empty). */
export function fundsFormFrom(funds: Evaluation['funds'] | null | undefined): FundsForm {
  const row = (s: FundsSource): FundsFormRow => {
    const r = funds?.[s] ?? EMPTY_ROW;
    return { initialBudget: wanText(r.initialBudget), annualBudget: wanText(r.annualBudget), executed: wanText(r.executed) };
  };
  return { initialBudget: wanText(funds?.total.initialBudget), fiscal: row('fiscal'), carryover: row('carryover'), other: row('other') };
}

/** The PUT body's `funds` (yuan; null where empty). */
export function fundsBody(f: FundsForm): EvaluationFundsDto {
  const row = (r: FundsFormRow) => ({ initialBudget: yuanOrNull(r.initialBudget), annualBudget: yuanOrNull(r.annualBudget), executed: yuanOrNull(r.executed) });
  return { initialBudget: yuanOrNull(f.initialBudget), fiscal: row(f.fiscal), carryover: row(f.carryover), other: row(f.other) };
}

/** The domain's input for the check that the sources add up (yuan). */
export function fundsCheckInput(f: FundsForm, budget: { annualBudget: string; executed: string }): EvaluationFundsInput {
  const b = fundsBody(f);
  return {
    total: { initialBudget: b.initialBudget, annualBudget: yuanOf(budget.annualBudget), executed: yuanOf(budget.executed) },
    fiscal: b.fiscal,
    carryover: b.carryover,
    other: b.other,
  };
}

/** Whether a typed 万元 amount can be sent: a non-negative amount of whole fen within the API's range. */
export function isWanAmount(text: string): boolean {
  const y = wanToYuan(cleanNumber(text));
  return y !== null && MONEY_PATTERN.test(y);
}

export const WAN_MESSAGE = (label: string) => `${label}须为不超过六位小数的非负金额（万元），如 50 或 12.5`;

/**
 * The label of a funds field: `funds.fiscal.executed` → `当年财政拨款全年执行数`, `funds.executed` → `项目资金全年执行数`
 * (`fundsLabel`: the block's name on the target's form, KIND_FORM_LABELS[kind].funds — 部门（单位）预算资金, 政策资金).
 */
export function fundsFieldLabel(field: string, fundsLabel: string = FUNDS_BLOCK_LABEL): string | null {
  const m = /^funds\.(?:(fiscal|carryover|other)\.)?(initialBudget|annualBudget|executed)$/.exec(field);
  if (!m) return null;
  const row = m[1] ? FUNDS_ROW_LABELS[m[1] as FundsSource].replace(/^其中：/, '') : field === 'funds.initialBudget' ? FUNDS_ROW_LABELS.total : fundsLabel;
  return `${row}${FUNDS_COLUMN_LABELS[m[2] as FundsColumn]}`;
}

/** Format checks of the block's optional amounts (the total's 全年预算数 / 全年执行数 are checked with `budget`). */
export function validateFundsForm(f: FundsForm): ApiErrorDetail[] {
  const out: ApiErrorDetail[] = [];
  const check = (text: string, field: string) => {
    if (cleanNumber(text) !== '' && !isWanAmount(text)) out.push({ field, message: WAN_MESSAGE(fundsFieldLabel(field) ?? field) });
  };
  check(f.initialBudget, 'funds.initialBudget');
  for (const s of FUNDS_FORM_SOURCES) for (const c of FUNDS_FORM_COLUMNS) check(f[s][c], `funds.${s}.${c}`);
  return out;
}
