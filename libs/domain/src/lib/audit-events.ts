import { labelOf } from './text';

/**
 * The audit log's events, named once for the server (which writes the code) and the pages and exports (which show
 * the label). The interceptor names a request by its route (`METHOD path` as registered, e.g.
 * `PUT /api/projects/:id/indicators`), never by class names, which a bundler may rename.
 */

/** Object types of audit rows and their Chinese names. */
export const AUDIT_OBJECT_TYPES = {
  project: '项目',
  evaluation: '自评',
  user: '用户',
  org: '机构',
  indicator: '指标库指标',
  session: '会话',
  account: '用户名',
  export: '导出任务',
  task: '任务',
  attachment: '佐证材料',
} as const;
export type AuditObjectType = keyof typeof AUDIT_OBJECT_TYPES;

export interface AuditEventInfo {
  label: string;
  /** What the route's `:id` names. */
  objectType?: AuditObjectType;
}

/** Every event code with its label (services write the first ones themselves, in their transactions). */
export const AUDIT_EVENTS: Readonly<Record<string, AuditEventInfo>> = {
  'auth.login': { label: '登录' },
  'auth.logout': { label: '退出' },
  'auth.password': { label: '修改密码', objectType: 'user' },
  'project.submit': { label: '提交', objectType: 'project' },
  'project.approve': { label: '审核通过', objectType: 'project' },
  'project.return': { label: '退回', objectType: 'project' },
  'project.withdraw': { label: '撤回', objectType: 'project' },
  'project.transition': { label: '项目流转', objectType: 'project' },
  'project.create': { label: '创建项目', objectType: 'project' },
  'project.update': { label: '保存申报表', objectType: 'project' },
  'project.delete': { label: '删除项目', objectType: 'project' },
  'project.indicators': { label: '保存指标表', objectType: 'project' },
  'project.goal.create': { label: '新增绩效目标', objectType: 'project' },
  'project.adjust': { label: '发起调整', objectType: 'project' },
  'project.copyLastYear': { label: '复制上年指标', objectType: 'project' },
  'project.read': { label: '查看项目', objectType: 'project' },
  'evaluation.save': { label: '保存自评', objectType: 'project' },
  'evaluation.submit': { label: '自评提交', objectType: 'evaluation' },
  'evaluation.approve': { label: '自评审核通过', objectType: 'evaluation' },
  'evaluation.return': { label: '自评退回', objectType: 'evaluation' },
  'evaluation.withdraw': { label: '自评撤回', objectType: 'evaluation' },
  'evaluation.transition': { label: '自评流转', objectType: 'project' },
  'monitoring.save': { label: '保存运行监控', objectType: 'project' },
  'export.project': { label: '导出', objectType: 'project' },
  'export.batch': { label: '批量导出' },
  'export.job.create': { label: '创建导出任务' },
  'export.job.download': { label: '下载导出文件', objectType: 'export' },
  'export.job.cancel': { label: '取消导出任务', objectType: 'export' },
  'import.text': { label: '导入（文本）' },
  'import.xlsx': { label: '导入（Excel）' },
  'library.create': { label: '新增指标库指标', objectType: 'indicator' },
  'library.update': { label: '修改指标库指标', objectType: 'indicator' },
  'library.delete': { label: '删除指标库指标', objectType: 'indicator' },
  'user.list': { label: '查看用户列表' },
  'user.read': { label: '查看用户', objectType: 'user' },
  'user.create': { label: '新增用户', objectType: 'user' },
  'user.update': { label: '修改用户', objectType: 'user' },
  'org.list': { label: '查看机构列表' },
  'org.create': { label: '新增机构', objectType: 'org' },
  'org.update': { label: '修改机构', objectType: 'org' },
  'security.sessions': { label: '查看会话' },
  'security.lockouts': { label: '查看登录锁定' },
  'security.session.end': { label: '结束会话', objectType: 'session' },
  'security.user.sessions.end': { label: '结束用户全部会话', objectType: 'user' },
  'security.unlock': { label: '解除锁定', objectType: 'account' },
  'audit.list': { label: '查看审计日志' },
  'audit.verify': { label: '校验哈希链' },
  'audit.export': { label: '导出审计日志' },
  'task.create': { label: '下达任务', objectType: 'task' },
  'project.batch': { label: '批量审核' },
  'attachment.upload': { label: '上传佐证材料', objectType: 'project' },
  'attachment.download': { label: '下载佐证材料', objectType: 'attachment' },
  'attachment.delete': { label: '删除佐证材料', objectType: 'attachment' },
  'rectification.issue': { label: '下达整改通知', objectType: 'project' },
  'rectification.update': { label: '填写整改情况' },
  'rectification.transition': { label: '整改流转' },
};

/** Routes (`METHOD path` without the `/api` prefix) → event code; `project.transition` takes the body's action. */
export const AUDIT_ROUTES: Readonly<Record<string, string>> = {
  'POST /auth/password': 'auth.password',
  'POST /projects': 'project.create',
  'GET /projects/:id': 'project.read',
  'PATCH /projects/:id': 'project.update',
  'DELETE /projects/:id': 'project.delete',
  'PUT /projects/:id/indicators': 'project.indicators',
  'PUT /projects/:id/goals/:goalId/indicators': 'project.indicators',
  'POST /projects/:id/goals': 'project.goal.create',
  'POST /projects/:id/transitions': 'project.transition',
  'POST /projects/:id/adjustments': 'project.adjust',
  'POST /projects/:id/copy-last-year': 'project.copyLastYear',
  'PUT /projects/:id/evaluation': 'evaluation.save',
  'POST /projects/:id/evaluation/transitions': 'evaluation.transition',
  'PUT /projects/:id/monitoring': 'monitoring.save',
  'GET /projects/:id/export': 'export.project',
  'GET /exports': 'export.batch',
  'POST /export-jobs': 'export.job.create',
  'GET /export-jobs/:id/file': 'export.job.download',
  'DELETE /export-jobs/:id': 'export.job.cancel',
  'POST /imports/text': 'import.text',
  'POST /imports/xlsx': 'import.xlsx',
  'POST /indicator-library': 'library.create',
  'PATCH /indicator-library/:id': 'library.update',
  'DELETE /indicator-library/:id': 'library.delete',
  'GET /admin/users': 'user.list',
  'GET /admin/users/:id': 'user.read',
  'POST /admin/users': 'user.create',
  'PATCH /admin/users/:id': 'user.update',
  'GET /admin/orgs': 'org.list',
  'POST /admin/orgs': 'org.create',
  'PATCH /admin/orgs/:id': 'org.update',
  'GET /security/sessions': 'security.sessions',
  'GET /security/lockouts': 'security.lockouts',
  'DELETE /security/sessions/:id': 'security.session.end',
  'DELETE /security/users/:id/sessions': 'security.user.sessions.end',
  'DELETE /security/lockouts/:username': 'security.unlock',
  'GET /audit': 'audit.list',
  'GET /audit/verify': 'audit.verify',
  'GET /audit/export': 'audit.export',
  'POST /tasks': 'task.create',
  'POST /transitions': 'project.batch',
  'POST /targets/:id/attachments': 'attachment.upload',
  'POST /projects/:id/attachments': 'attachment.upload',
  'GET /attachments/:id': 'attachment.download',
  'DELETE /attachments/:id': 'attachment.delete',
  'POST /targets/:id/rectifications': 'rectification.issue',
  'PATCH /rectifications/:id': 'rectification.update',
  'POST /rectifications/:id/transitions': 'rectification.transition',
};

/** Events of the first version's interceptor (`Controller.handler`), still in old logs. */
const LEGACY_EVENTS: Readonly<Record<string, string>> = {
  'Projects.create': 'project.create',
  'Projects.update': 'project.update',
  'Projects.remove': 'project.delete',
  'Projects.putIndicators': 'project.indicators',
  'Projects.putGoalIndicators': 'project.indicators',
  'Projects.addGoal': 'project.goal.create',
  'Projects.transition': 'project.transition',
  'Projects.adjust': 'project.adjust',
  'Projects.copyLastYear': 'project.copyLastYear',
  'Evaluation.put': 'evaluation.save',
  'Evaluation.transition': 'evaluation.transition',
  'Monitoring.put': 'monitoring.save',
  'Exports.project': 'export.project',
  'Exports.batch': 'export.batch',
  'Exports.importText': 'import.text',
  'Exports.importXlsx': 'import.xlsx',
  'Library.create': 'library.create',
  'Library.update': 'library.update',
  'Library.remove': 'library.delete',
  'Users.create': 'user.create',
  'Users.update': 'user.update',
  'OrgsAdmin.create': 'org.create',
  'OrgsAdmin.update': 'org.update',
  'Security.endSession': 'security.session.end',
  'Security.endUserSessions': 'security.user.sessions.end',
  'Security.unlock': 'security.unlock',
};

const METHOD_VERBS: Readonly<Record<string, string>> = { POST: '提交', PUT: '保存', PATCH: '修改', DELETE: '删除', GET: '查看' };

/** The event code of a request by its route; an unknown route is named by its method and path (still readable). */
export function auditEventOf(method: string, routePath: string, action?: unknown): string {
  const path = routePath.replace(/^\/api(?=\/)/, '');
  const code = AUDIT_ROUTES[`${method} ${path}`];
  if (!code) return `${method} ${routePath}`.slice(0, 100);
  // a transition is named by what it does (提交, 审核通过, 退回 …) when the body says so
  if ((code === 'project.transition' || code === 'evaluation.transition') && typeof action === 'string') {
    const specific = `${code.split('.')[0]}.${action}`;
    if (AUDIT_EVENTS[specific]) return specific;
  }
  return code;
}

/** The Chinese name of an event: known codes by the table, others as `保存 /api/x/:id` (never a class name). */
export function auditEventLabel(event: string): string {
  const known = AUDIT_EVENTS[event] ?? AUDIT_EVENTS[LEGACY_EVENTS[event] ?? ''];
  if (known) return known.label;
  const route = /^(GET|POST|PUT|PATCH|DELETE) (\S+)$/.exec(event);
  if (route) return `${METHOD_VERBS[route[1]]} ${route[2]}`;
  const legacy = /^(\w+?)(?:Controller\d*)?\.(\w+)$/.exec(event);
  if (legacy) return `${legacy[1]}：${legacy[2]}`;
  return event;
}

/** The object type an event names by its `:id` (null: none). */
export function auditObjectTypeOf(event: string): AuditObjectType | null {
  return (AUDIT_EVENTS[event] ?? AUDIT_EVENTS[LEGACY_EVENTS[event] ?? ''])?.objectType ?? null;
}

/** The Chinese name of an object type (unknown ones as they are). */
export function auditObjectTypeLabel(type: string | null | undefined): string {
  return labelOf(AUDIT_OBJECT_TYPES, type);
}

/** The time zone in which the log is shown and exported. */
export const AUDIT_TIME_ZONE = 'Asia/Shanghai';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An ISO time as Beijing time: `2026-05-04 18:00:00`, with `(UTC+08:00)` when asked. China keeps no daylight saving
 * time, so a fixed +08:00 is exact (and needs no time-zone data in the browser or the server). Text that is no time
 * comes back as it is.
 */
export function formatAuditTime(iso: string | null | undefined, withOffset = false): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const s = new Date(d.getTime() + SHANGHAI_OFFSET_MS);
  const text = `${s.getUTCFullYear()}-${pad(s.getUTCMonth() + 1)}-${pad(s.getUTCDate())} ${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}:${pad(s.getUTCSeconds())}`;
  return withOffset ? `${text} (UTC+08:00)` : text;
}

/** The instant a Beijing calendar day (`YYYY-MM-DD`) starts, as ISO; with `next`, the start of the day after. */
export function auditDayStart(day: string, next = false): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + (next ? 1 : 0)) - SHANGHAI_OFFSET_MS).toISOString();
}
