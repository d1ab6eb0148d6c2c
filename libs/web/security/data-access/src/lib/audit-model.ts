import type { AuditEntryResponse, AuditVerification } from '@pt/shared/contracts';

/** Events written by the services themselves (lower case) and by the audit interceptor (`Controller.handler`). */
const EVENT_LABELS: Readonly<Record<string, string>> = {
  'auth.login': '登录',
  'auth.logout': '退出',
  'project.submit': '提交',
  'project.approve': '审核通过',
  'project.return': '退回',
  'project.withdraw': '撤回',
  'evaluation.submit': '自评提交',
  'evaluation.approve': '自评审核通过',
  'evaluation.return': '自评退回',
  'evaluation.withdraw': '自评撤回',
  'Projects.create': '新建项目',
  'Projects.update': '修改项目',
  'Projects.remove': '删除项目',
  'Projects.putIndicators': '保存指标表',
  'Projects.putGoalIndicators': '保存指标表',
  'Projects.addGoal': '新增绩效目标',
  'Projects.transition': '项目流转',
  'Projects.adjust': '发起调整',
  'Projects.copyLastYear': '复制上年指标',
  'Evaluation.put': '保存自评',
  'Evaluation.transition': '自评流转',
  'Monitoring.put': '保存运行监控',
  'Exports.project': '导出',
  'Exports.batch': '批量导出',
  'Exports.importText': '导入（文本）',
  'Exports.importXlsx': '导入（Excel）',
  'Library.create': '新增指标库指标',
  'Library.update': '修改指标库指标',
  'Library.remove': '删除指标库指标',
  'Users.create': '新增用户',
  'Users.update': '修改用户',
  'Users.list': '查看用户列表',
  'Users.get': '查看用户',
  'OrgsAdmin.create': '新增机构',
  'OrgsAdmin.update': '修改机构',
  'OrgsAdmin.list': '查看机构列表',
  'Security.sessions': '查看会话',
  'Security.endSession': '结束会话',
  'Security.endUserSessions': '结束用户全部会话',
  'Security.lockouts': '查看锁定',
  'Security.unlock': '解除锁定',
  'Audit.list': '查看审计日志',
  'Audit.verify': '校验哈希链',
};

/** Prefixes whose other events are shown as `<area>：<handler>`. */
const AREA_LABELS: Readonly<Record<string, string>> = {
  'evaluation.': '自评',
  'Users.': '用户管理',
  'OrgsAdmin.': '机构管理',
  'Security.': '安全管理',
  'Audit.': '审计日志',
};

/** The Chinese name of an audit event; events not known here are shown as they are. */
export function auditEventLabel(event: string): string {
  const known = EVENT_LABELS[event];
  if (known) return known;
  for (const [prefix, area] of Object.entries(AREA_LABELS)) {
    if (event.startsWith(prefix) && event.length > prefix.length) return `${area}：${event.slice(prefix.length)}`;
  }
  return event;
}

const RESULT_LABELS: Readonly<Record<string, string>> = { ok: '成功', failed: '失败', denied: '拒绝' };
const RESULT_COLORS: Readonly<Record<string, string>> = { ok: 'success', failed: 'warning', denied: 'error' };

export function auditResultLabel(result: string): string {
  return RESULT_LABELS[result] ?? result;
}

/** The ng-zorro tag colour of a result. */
export function auditResultColor(result: string): string {
  return RESULT_COLORS[result] ?? 'default';
}

/** The filter of the audit page: event prefixes (empty: every event). */
export const AUDIT_EVENT_FILTERS: readonly { label: string; value: string }[] = [
  { label: '全部', value: '' },
  { label: '登录与退出', value: 'auth.' },
  { label: '项目流转', value: 'project.' },
  { label: '自评', value: 'evaluation.' },
  { label: '导出', value: 'Exports.' },
];

const OBJECT_TYPE_LABELS: Readonly<Record<string, string>> = { project: '项目', evaluation: '自评', user: '用户', org: '机构', session: '会话' };

/** What the interceptor's `:id` is, by the controller of the event (its rows carry no object type). */
const OBJECT_BY_AREA: Readonly<Record<string, string>> = {
  Projects: '项目',
  Evaluation: '项目',
  Monitoring: '项目',
  Exports: '项目',
  Library: '指标',
  Users: '用户',
  OrgsAdmin: '机构',
};

/** The object of an audit row (`项目 <id>`), or '' when the row names none. */
export function auditObjectLabel(row: Pick<AuditEntryResponse, 'event' | 'objectType' | 'objectId'>): string {
  if (!row.objectType && !row.objectId) return '';
  let kind: string;
  if (row.objectType) kind = OBJECT_TYPE_LABELS[row.objectType] ?? row.objectType;
  else if (row.event === 'Security.endSession') kind = '会话';
  else if (row.event === 'Security.endUserSessions') kind = '用户';
  else kind = OBJECT_BY_AREA[row.event.split('.')[0]] ?? '';
  return [kind, row.objectId ?? ''].filter(Boolean).join(' ');
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `+08:00`-style offset of this browser's time zone at that moment. */
export function localOffset(d: Date): string {
  const minutes = -d.getTimezoneOffset();
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * An ISO time with offset (as the server sends it) in this browser's time zone: `2026-05-04 10:00:00`,
 * with the local offset when asked (`2026-05-04 10:00:00 (UTC+08:00)`). Text that is no time comes back as it is.
 */
export function formatLocalTime(iso: string | null | undefined, withOffset = false): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const text = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  return withOffset ? `${text} (UTC${localOffset(d)})` : text;
}

/** The details of a row as indented JSON, or '' when there are none. */
export function auditDetailsJson(details: AuditEntryResponse['details']): string {
  if (details === null || details === undefined) return '';
  if (typeof details === 'object' && Object.keys(details).length === 0) return '';
  return JSON.stringify(details, null, 2);
}

/** The outcome of 校验哈希链 in a sentence. */
export function verificationText(v: AuditVerification): string {
  if (v.ok) return v.rows === 0 ? '哈希链完整：审计日志还没有记录' : `哈希链完整：已校验全部 ${v.rows} 条记录，未发现篡改`;
  const where = v.firstBad ? `第 ${v.rows} 条记录（编号 ${v.firstBad}）` : `第 ${v.rows} 条记录`;
  return `哈希链已断裂：${where}校验不通过${v.reason ? `，${v.reason}` : ''}`;
}
