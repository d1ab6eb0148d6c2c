import { MONITORING_FIELD_LABELS } from './table-fields';

/** The 自评报告 of a self-evaluation (domain §11), by the API's field names. */
export const EVALUATION_REPORT_LABELS = Object.freeze({
  completion: '完成情况',
  deviation: MONITORING_FIELD_LABELS.reasons,
  problems: '存在问题',
  measures: '改进措施',
} as const);
export type EvaluationReportField = keyof typeof EVALUATION_REPORT_LABELS;
export const EVALUATION_REPORT_TITLE = '自评报告';

/** A 整改通知's fields and the unit's answer. */
export const RECTIFICATION_FIELD_LABELS = Object.freeze({
  problems: EVALUATION_REPORT_LABELS.problems,
  requirements: '整改要求',
  deadline: '整改期限',
  feedback: '整改情况及措施',
} as const);
export const RECTIFICATION_TITLE = '整改通知';
