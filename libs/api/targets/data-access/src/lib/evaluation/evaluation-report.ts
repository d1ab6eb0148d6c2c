import { textOrNull } from '@pt/domain';
import type { EvaluationReport } from '@pt/shared/contracts';
import type { EvaluationDbRow } from './evaluation-store';

/**
 * The 自评报告 columns of project_evaluation (完成情况, 偏差原因, 存在问题, 改进措施) in the evaluation's upsert:
 * parameters $14… after the upsert's own 13, a pair per text (its value, whether the request gave it) so that a
 * save without the report, or without one of its texts, keeps what is stored.
 */
const FIELDS = [
  ['completion', 'report_completion'],
  ['deviation', 'report_deviation'],
  ['problems', 'report_problems'],
  ['measures', 'report_measures'],
] as const satisfies readonly (readonly [keyof EvaluationReport, keyof EvaluationDbRow])[];
const FIRST = 14;

export const REPORT_COLUMNS = FIELDS.map(([, col]) => col).join(', ');
export const REPORT_INSERT = FIELDS.map((_, i) => `$${FIRST + 2 * i}`).join(', ');
export const REPORT_UPDATE = FIELDS.map(([, col], i) => `${col} = CASE WHEN $${FIRST + 2 * i + 1} THEN $${FIRST + 2 * i} ELSE project_evaluation.${col} END`).join(', ');

export function reportValues(report: Partial<EvaluationReport> | null | undefined): (string | boolean | null)[] {
  return FIELDS.flatMap(([key]) => {
    const v = report?.[key];
    return [textOrNull(v), v !== undefined];
  });
}

export function reportOf(stored: Pick<EvaluationDbRow, (typeof FIELDS)[number][1]> | undefined): EvaluationReport {
  return {
    completion: stored?.report_completion ?? null,
    deviation: stored?.report_deviation ?? null,
    problems: stored?.report_problems ?? null,
    measures: stored?.report_measures ?? null,
  };
}
