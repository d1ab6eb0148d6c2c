import { EVALUATION_REPORT_LABELS, EVALUATION_REPORT_TITLE, type EvaluationReportField } from '@pt/domain';
import type { EvaluationReport } from '@pt/shared/contracts';
import { type BlockCell, v } from './sheet-model';

const FIELDS = Object.keys(EVALUATION_REPORT_LABELS) as EvaluationReportField[];

/** The 自评报告 (domain §11) under the 自评表's grade: its title, then 完成情况, 偏差原因, 存在问题, 改进措施, `width` columns wide. */
export function reportRows(report: EvaluationReport | null | undefined, width: number): BlockCell[][] {
  return [
    [{ text: EVALUATION_REPORT_TITLE, label: true, span: width }],
    ...FIELDS.map((k): BlockCell[] => [
      { text: EVALUATION_REPORT_LABELS[k], label: true, span: 2 },
      { text: v(report?.[k] ?? null), span: width - 2 },
    ]),
  ];
}
