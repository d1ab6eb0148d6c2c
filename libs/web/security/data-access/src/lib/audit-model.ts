import { AUDIT_EVENTS, AUDIT_OBJECT_TYPES, auditEventLabel, auditObjectTypeLabel, formatAuditTime } from '@pt/domain';
import type { AuditEntryResponse, AuditVerification } from '@pt/shared/api-types';

/** The event names are the shared table's (the server's export uses the same): one place. */
export { auditEventLabel, formatAuditTime };

const RESULT_LABELS: Readonly<Record<string, string>> = { ok: '成功', failed: '失败', denied: '拒绝' };
const RESULT_COLORS: Readonly<Record<string, string>> = { ok: 'success', failed: 'warning', denied: 'error' };

export function auditResultLabel(result: string): string {
  return RESULT_LABELS[result] ?? result;
}

/** The ng-zorro tag colour of a result. */
export function auditResultColor(result: string): string {
  return RESULT_COLORS[result] ?? 'default';
}

/** The results of the filter (empty: every result). */
export const AUDIT_RESULT_FILTERS: readonly { label: string; value: string }[] = [
  { label: '全部结果', value: '' },
  ...Object.entries(RESULT_LABELS).map(([value, label]) => ({ label, value })),
];

/** Kinds of events (prefixes, ending with a dot) for the filter; the single events follow them in the select. */
const EVENT_GROUPS: readonly { label: string; value: string }[] = [
  { label: '登录与退出', value: 'auth.' },
  { label: '项目（全部）', value: 'project.' },
  { label: '自评（全部）', value: 'evaluation.' },
  { label: '运行监控', value: 'monitoring.' },
  { label: '导出（全部）', value: 'export.' },
  { label: '导入（全部）', value: 'import.' },
  { label: '指标库（全部）', value: 'library.' },
  { label: '用户管理（全部）', value: 'user.' },
  { label: '机构管理（全部）', value: 'org.' },
  { label: '安全管理（全部）', value: 'security.' },
];

/** The event filter: 全部, the kinds, then every single event by its Chinese name (a label given twice once). */
export const AUDIT_EVENT_FILTERS: readonly { label: string; value: string; group: string }[] = [
  { label: '全部事件', value: '', group: '' },
  ...EVENT_GROUPS.map((g) => ({ ...g, group: '类别' })),
  ...Object.entries(AUDIT_EVENTS)
    .filter(([, info], i, all) => all.findIndex(([, other]) => other.label === info.label) === i)
    .map(([value, info]) => ({ label: info.label, value, group: '事件' })),
];

/** The object types of the filter. */
export const AUDIT_OBJECT_TYPE_FILTERS: readonly { label: string; value: string }[] = [
  { label: '全部对象类型', value: '' },
  ...Object.entries(AUDIT_OBJECT_TYPES).map(([value, label]) => ({ label, value })),
];

/** The object of a row: its type and name (`项目 修缮类`), the id when no name was recorded, '' for none. */
export function auditObjectLabel(row: Pick<AuditEntryResponse, 'objectType' | 'objectId' | 'objectName'>): string {
  return [auditObjectTypeLabel(row.objectType), row.objectName ?? row.objectId ?? ''].filter(Boolean).join(' ');
}

/** An ISO time as the log shows it: Beijing time with its offset (`2026-05-04 10:00:00 (UTC+08:00)`). */
export function formatLocalTime(iso: string | null | undefined, withOffset = false): string {
  return formatAuditTime(iso, withOffset);
}

/** The details of a row as indented JSON, without what has its own column (object name, status); '' for none. */
export function auditDetailsJson(details: AuditEntryResponse['details']): string {
  if (details === null || details === undefined || typeof details !== 'object') return '';
  const rest = Object.fromEntries(Object.entries(details).filter(([k]) => k !== 'objectName' && k !== 'status'));
  return Object.keys(rest).length === 0 ? '' : JSON.stringify(rest, null, 2);
}

/** The outcome of 校验哈希链 in a sentence. */
export function verificationText(v: AuditVerification): string {
  if (v.ok) return v.rows === 0 ? '哈希链完整：审计日志还没有记录' : `哈希链完整：已校验全部 ${v.rows} 条记录，未发现篡改`;
  const where = v.firstBad ? `第 ${v.rows} 条记录（编号 ${v.firstBad}）` : `第 ${v.rows} 条记录`;
  return `哈希链已断裂：${where}校验不通过${v.reason ? `，${v.reason}` : ''}`;
}
