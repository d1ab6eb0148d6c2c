import { submissionProblems } from '@pt/domain';
import type { EvaluationProblem, EvaluationResult, FundsColumn, FundsSource } from '@pt/domain';
import { problemPlace } from './evaluation-form';
import type { EvaluationForm } from './evaluation-form';
import { fundsCheckInput } from './evaluation-funds-form';

/**
 * What 提交 would refuse (a missed row without 偏差原因, funds not adding up) and the warnings around it, live:
 * the domain's `submissionProblems` on the live score — the check the server runs on 提交.
 */
export function formSubmissionProblems(form: EvaluationForm, result: EvaluationResult | null): EvaluationProblem[] {
  if (!result) return [];
  const rows = form.rows.map((r) => ({ name: r.name, deviationReason: r.deviationReason }));
  return submissionProblems(rows, result, fundsCheckInput(form.funds, form.budget));
}

export interface SubmissionView {
  /** Each problem with where it is when its message does not say (`项目资金`; '' for a row: the message names it). */
  problems: (EvaluationProblem & { place: string })[];
  /** How many refuse 提交. */
  errors: number;
  /**
   * Rows to mark at their 偏差原因: a value was entered and misses the target. Rows still empty need one too
   * (listed in `problems`), but carry their 未填实际值 flag instead of a red box on a form just opened.
   */
  reasonRequired: ReadonlySet<number>;
}

/** `formSubmissionProblems` as the page lists and marks them (`fundsLabel`: the funds block's name on the target's form). */
export function submissionView(form: EvaluationForm | null, result: EvaluationResult | null, fundsLabel?: string): SubmissionView {
  const problems = form ? formSubmissionProblems(form, result).map((p) => ({ ...p, place: p.index === null ? problemPlace(p, form.rows, fundsLabel) : '' })) : [];
  const errors = problems.filter((p) => p.severity === 'error');
  const rows = errors
    .filter((p) => p.code === 'MISSING_DEVIATION_REASON' && p.index !== null && result?.items[p.index]?.achieved === false)
    .map((p) => p.index as number);
  return { problems, errors: errors.length, reasonRequired: new Set(rows) };
}

/** Whether 全年执行数 still is the figure carried from the monitoring report (not typed over). */
export function executedIsCarried(form: EvaluationForm): boolean {
  return form.carried !== null && form.budget.executed === form.carried.executed;
}

/** The form with one figure of the funds block typed (万元); the total's 全年预算数 / 全年执行数 are `budget`. */
export function withFundsValue(form: EvaluationForm, source: FundsSource | 'total', column: FundsColumn, value: string): EvaluationForm {
  if (source !== 'total') return { ...form, funds: { ...form.funds, [source]: { ...form.funds[source], [column]: value } } };
  if (column === 'initialBudget') return { ...form, funds: { ...form.funds, initialBudget: value } };
  return { ...form, budget: { ...form.budget, [column]: value } };
}
