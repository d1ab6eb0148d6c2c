import {
  AUDIT_EVENT_FILTERS,
  AUDIT_OBJECT_TYPE_FILTERS,
  AUDIT_RESULT_FILTERS,
  auditDetailsJson,
  auditEventLabel,
  auditObjectLabel,
  auditResultColor,
  auditResultLabel,
  formatLocalTime,
  verificationText,
} from './audit-model';

describe('audit labels', () => {
  it('names the events in Chinese, by the shared table', () => {
    expect(auditEventLabel('auth.login')).toBe('登录');
    expect(auditEventLabel('auth.password')).toBe('修改密码');
    expect(auditEventLabel('project.create')).toBe('创建项目');
    expect(auditEventLabel('project.indicators')).toBe('保存指标表');
    expect(auditEventLabel('project.submit')).toBe('提交');
    expect(auditEventLabel('project.approve')).toBe('审核通过');
    expect(auditEventLabel('project.return')).toBe('退回');
    expect(auditEventLabel('export.project')).toBe('导出');
    expect(auditEventLabel('audit.export')).toBe('导出审计日志');
  });

  it('names the first version\'s events too, and unknown routes and class names readably', () => {
    expect(auditEventLabel('Projects.update')).toBe('保存申报表');
    expect(auditEventLabel('Exports.batch')).toBe('批量导出');
    expect(auditEventLabel('PUT /api/tasks/:id')).toBe('保存 /api/tasks/:id');
    expect(auditEventLabel('ProjectsController2.frobnicate')).toBe('Projects：frobnicate');
    expect(auditEventLabel('')).toBe('');
  });

  it('names and colours the results', () => {
    expect(auditResultLabel('ok')).toBe('成功');
    expect(auditResultLabel('failed')).toBe('失败');
    expect(auditResultLabel('denied')).toBe('拒绝');
    expect(auditResultLabel('odd')).toBe('odd');
    expect(auditResultColor('denied')).toBe('error');
    expect(auditResultColor('odd')).toBe('default');
    expect(AUDIT_RESULT_FILTERS.map((f) => f.value)).toEqual(['', 'ok', 'failed', 'denied']);
  });

  it('offers 全部, the kinds, then each event once by its label', () => {
    expect(AUDIT_EVENT_FILTERS[0]).toEqual({ label: '全部事件', value: '', group: '' });
    expect(AUDIT_EVENT_FILTERS.find((f) => f.value === 'auth.')?.label).toBe('登录与退出');
    const labels = AUDIT_EVENT_FILTERS.filter((f) => f.group === '事件').map((f) => f.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toEqual(expect.arrayContaining(['创建项目', '保存指标表', '提交', '审核通过', '退回', '导出', '登录']));
    expect(AUDIT_OBJECT_TYPE_FILTERS.find((f) => f.value === 'project')?.label).toBe('项目');
  });

  it('names the object of a row by its type and name, else its id', () => {
    expect(auditObjectLabel({ objectType: 'project', objectId: 'p1', objectName: '修缮类' })).toBe('项目 修缮类');
    expect(auditObjectLabel({ objectType: 'user', objectId: 'u1', objectName: null })).toBe('用户 u1');
    expect(auditObjectLabel({ objectType: null, objectId: 'x', objectName: null })).toBe('x');
    expect(auditObjectLabel({ objectType: null, objectId: null, objectName: null })).toBe('');
  });
});

describe('audit times', () => {
  it('shows Beijing time whatever the zone of the browser or of the text', () => {
    expect(formatLocalTime('2026-05-04T02:00:05Z')).toBe('2026-05-04 10:00:05');
    expect(formatLocalTime('2026-05-04T10:00:05.000+08:00', true)).toBe('2026-05-04 10:00:05 (UTC+08:00)');
    expect(formatLocalTime('2026-12-31T16:30:00+00:00')).toBe('2027-01-01 00:30:00');
  });

  it('keeps text that is no time, and empty for nothing', () => {
    expect(formatLocalTime('not a time')).toBe('not a time');
    expect(formatLocalTime(null)).toBe('');
  });
});

describe('audit details and verification', () => {
  it('shows details as indented JSON without the name and status columns, nothing for none', () => {
    expect(auditDetailsJson({ failures: 3, status: 401 })).toBe('{\n  "failures": 3\n}');
    expect(auditDetailsJson({ objectName: 'x', status: 404 })).toBe('');
    expect(auditDetailsJson(null)).toBe('');
  });

  it('says whether the hash chain is intact, or where it breaks and why', () => {
    expect(verificationText({ ok: true, rows: 42, firstBad: null, reason: null })).toBe('哈希链完整：已校验全部 42 条记录，未发现篡改');
    expect(verificationText({ ok: true, rows: 0, firstBad: null, reason: null })).toBe('哈希链完整：审计日志还没有记录');
    expect(verificationText({ ok: false, rows: 7, firstBad: '107', reason: '记录内容与哈希不符（记录被修改）' })).toBe(
      '哈希链已断裂：第 7 条记录（编号 107）校验不通过，记录内容与哈希不符（记录被修改）',
    );
  });
});
