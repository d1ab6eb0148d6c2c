import { AUDIT_EVENTS, auditDayStart, auditEventLabel, auditEventOf, auditObjectTypeOf, formatAuditTime } from './audit-events';

describe('audit events', () => {
  it('names a request by its route, a transition by the action in its body', () => {
    expect(auditEventOf('POST', '/api/projects')).toBe('project.create');
    expect(auditEventOf('PUT', '/api/projects/:id/indicators')).toBe('project.indicators');
    expect(auditEventOf('PUT', '/api/projects/:id/goals/:goalId/indicators')).toBe('project.indicators');
    expect(auditEventOf('POST', '/api/projects/:id/transitions', 'approve')).toBe('project.approve');
    expect(auditEventOf('POST', '/api/projects/:id/transitions', 'frobnicate')).toBe('project.transition');
    expect(auditEventOf('POST', '/api/projects/:id/evaluation/transitions', 'return')).toBe('evaluation.return');
    expect(auditEventOf('GET', '/api/audit/export')).toBe('audit.export');
  });

  it('names an unknown route by its method and path, readable and never a class name', () => {
    expect(auditEventOf('PATCH', '/api/tasks/:id')).toBe('PATCH /api/tasks/:id');
    expect(auditEventLabel('PATCH /api/tasks/:id')).toBe('修改 /api/tasks/:id');
    expect(auditEventLabel('ProjectsController2.update')).toBe('Projects：update');
    expect(auditEventLabel('Projects.update')).toBe('保存申报表');
    expect(auditEventOf('POST', `/api/${'x'.repeat(200)}`)).toHaveLength(100);
  });

  it('labels every event in Chinese and knows the object type of the route', () => {
    for (const [code, info] of Object.entries(AUDIT_EVENTS)) expect([code, /[\u4e00-\u9fff]/.test(info.label)]).toEqual([code, true]);
    expect(auditObjectTypeOf('project.approve')).toBe('project');
    expect(auditObjectTypeOf('user.update')).toBe('user');
    expect(auditObjectTypeOf('auth.login')).toBeNull();
    expect(auditObjectTypeOf('GET /api/x')).toBeNull();
  });

  it('shows times in Beijing time and takes Beijing days', () => {
    expect(formatAuditTime('2026-12-06T22:09:23.000+00:00')).toBe('2026-12-07 06:09:23');
    expect(formatAuditTime('2026-12-06T22:09:23Z', true)).toBe('2026-12-07 06:09:23 (UTC+08:00)');
    expect(formatAuditTime('x')).toBe('x');
    expect(auditDayStart('2026-12-07')).toBe('2026-12-06T16:00:00.000Z');
    expect(auditDayStart('2026-12-31', true)).toBe('2026-12-31T16:00:00.000Z');
  });
});
