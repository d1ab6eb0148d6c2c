import { EVALUATION_REPORT_LABELS } from '@pt/domain';
import type { EvaluationReport, EvaluationReportField } from '@pt/shared/api-types';

/** The 自评报告's texts in their printed order (完成情况, 偏差原因, 存在问题, 改进措施). */
export const REPORT_FIELDS = Object.keys(EVALUATION_REPORT_LABELS) as EvaluationReportField[];
export const REPORT_MAX = 5000;

export function reportFormFrom(r: EvaluationReport | null | undefined): Record<EvaluationReportField, string> {
  return Object.fromEntries(REPORT_FIELDS.map((k) => [k, r?.[k] ?? ''])) as Record<EvaluationReportField, string>;
}

/** Every text is sent (blank as null, which clears it): the form is the whole report. */
export function reportBody(form: Record<EvaluationReportField, string>): EvaluationReport {
  return Object.fromEntries(REPORT_FIELDS.map((k) => [k, (form[k] ?? '').trim() === '' ? null : form[k].trim()])) as unknown as EvaluationReport;
}
