import { type BatchForm, type ExportForm, KIND_EXPORT_FORM_LABELS } from '@pt/shared/api-types';

export type FileFormat = 'xlsx' | 'pdf' | 'zip' | 'docx';
/** The formats of one project's form. */
export type ProjectFileFormat = 'xlsx' | 'pdf' | 'docx';


export const FORM_LABELS: Record<ExportForm | BatchForm, string> = {
  declaration: '申报表',
  evaluation: '自评表',
  monitoring: '监控表',
  publication: '公开清单',
  ...KIND_EXPORT_FORM_LABELS,
};

export const FORMAT_LABELS: Record<FileFormat, string> = { xlsx: 'Excel（.xlsx）', pdf: 'PDF', docx: 'Word（.docx）', zip: 'ZIP（每个项目一个文件）' };

export interface BatchExportQuery {
  year: number;
  /** Null: every organisation the user sees. */
  orgId: string | null;
  form: BatchForm;
  format: FileFormat;
}

/** The formats a batch of this form can be written in (the publication list is a workbook only). */
export function batchFormats(form: BatchForm): FileFormat[] {
  return form === 'publication' ? ['xlsx'] : ['xlsx', 'pdf', 'docx', 'zip'];
}

/** Query parameters of `GET /api/exports` (no `orgId` when all). */
export function batchQueryParams(q: BatchExportQuery): Record<string, string> {
  const params: Record<string, string> = { year: String(q.year), form: q.form, format: q.format };
  if (q.orgId) params['orgId'] = q.orgId;
  return params;
}

/** The name to save under when the server sent none (`申报表-2024.xlsx`). */
export function fallbackFileName(form: ExportForm | BatchForm, format: FileFormat, suffix: string | number): string {
  return `${FORM_LABELS[form]}-${suffix}.${format}`;
}
