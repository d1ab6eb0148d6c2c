import { parseTargetValue } from '@pt/domain';
import type { Evaluation, EvaluationItem } from '@pt/shared/api-types';
import type { EvaluationForm, EvaluationFormRow } from './evaluation-form';

/** Test data of the self-evaluation specs (not in the library's index: `@pt/web/evaluation/data-access/testing`). */

/** Row `i` of an evaluation answer (its indicator id from `i`), with nothing typed but `input`. */
export function evaluationItem(i: number, row: { level1: string; level2: string; name: string; target: string }, input: Partial<EvaluationItem['input']> = {}): EvaluationItem {
  return {
    indicatorId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    ...row,
    target: parseTargetValue(row.target),
    input: { actual: null, actualUnit: null, grade: null, score: null, weight: null, achieved: null, description: null, deviationReason: null, ...input },
    weight: '0.00',
    score: '0.00',
    achieved: null,
    flags: [],
    deduction: null,
  };
}

/** An unsaved evaluation of these rows (no budget, no goal text). */
export function evaluationOf(items: EvaluationItem[]): Pick<Evaluation, 'budget' | 'goalAchievement' | 'items'> {
  return { budget: { annualBudget: null, executed: null }, goalAchievement: null, items };
}

/** The form with row `i` patched, as the page's setRow does. */
export function withRow(form: EvaluationForm, i: number, patch: Partial<EvaluationFormRow>): EvaluationForm {
  return { ...form, rows: form.rows.map((r, k) => (k === i ? { ...r, ...patch } : r)) };
}
