import { auditObjectTypeLabel, formatAuditTime } from '@pt/domain';
import type { AuditEntryResponse } from '@pt/shared/contracts';

const RESULT_LABELS: Readonly<Record<string, string>> = { ok: '成功', failed: '失败', denied: '拒绝' };

const COLUMNS = ['编号', '时间（北京时间）', '用户', '事件', '对象类型', '对象', '对象编号', '结果', '状态码', '客户端地址', '详情', '哈希'];

/**
 * One CSV cell: quoted when needed; a cell starting with = + - @ (or a tab / CR) gets a leading ' so that a
 * spreadsheet shows it as text and never runs it as a formula (a user name or project name is typed by users).
 */
export function csvCell(v: unknown): string {
  let text = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditCsvHeader(): string {
  return COLUMNS.join(',');
}

/** A row of the export: the labels and the Beijing time the page shows. */
export function auditCsvLine(r: AuditEntryResponse): string {
  const details = r.details ? Object.fromEntries(Object.entries(r.details).filter(([k]) => k !== 'objectName' && k !== 'status')) : null;
  return [
    r.id,
    formatAuditTime(r.at),
    r.username ?? '',
    r.eventLabel,
    auditObjectTypeLabel(r.objectType),
    r.objectName ?? '',
    r.objectId ?? '',
    RESULT_LABELS[r.result] ?? r.result,
    r.status ?? '',
    r.clientIp ?? '',
    details && Object.keys(details).length ? JSON.stringify(details) : '',
    r.hash,
  ]
    .map(csvCell)
    .join(',');
}

/** `审计日志_2026-12-01_2026-12-07.csv` (the filter's days, when given). */
export function auditExportFileName(q: { from?: string; to?: string }): string {
  return `审计日志${q.from ? `_${q.from}` : ''}${q.to ? `_${q.to}` : ''}.csv`;
}
