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
  const EVENT_LABELS = {
    'auth.login': '登录',
    'auth.password': '修改密码',
    'project.create': '创建项目',
    'project.indicators': '保存指标表',
    'project.submit': '提交',
    'project.approve': '审核通过',
    'project.return': '退回',
    'export.project': '导出',
    'audit.export': '导出审计日志',
    // the first version's events too, and unknown routes and class names readably
    'Projects.update': '保存申报表',
    'Exports.batch': '批量导出',
    'PUT /api/tasks/:id': '保存 /api/tasks/:id',
    'ProjectsController2.frobnicate': 'Projects：frobnicate',
    '': '',
  };
  it.each(Object.entries(EVENT_LABELS))('names the event %j in Chinese, by the shared table: %j', (event, label) => {
    expect(auditEventLabel(event)).toBe(label);
  });

  it.each([
    ['ok', '成功', 'success'],
    ['failed', '失败', 'warning'],
    ['denied', '拒绝', 'error'],
    ['odd', 'odd', 'default'],
  ])('names and colours the result %s', (result, label, color) => {
    expect(auditResultLabel(result)).toBe(label);
    expect(auditResultColor(result)).toBe(color);
  });

  it('filters by 全部 or by each result', () => {
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

  it.each([
    [{ objectType: 'project', objectId: 'p1', objectName: '修缮类' }, '项目 修缮类'],
    [{ objectType: 'user', objectId: 'u1', objectName: null }, '用户 u1'],
    [{ objectType: null, objectId: 'x', objectName: null }, 'x'],
    [{ objectType: null, objectId: null, objectName: null }, ''],
  ])('names the object of a row by its type and name, else its id: %j → %j', (row, label) => {
    expect(auditObjectLabel(row)).toBe(label);
  });
});

describe('audit times', () => {
  it.each([
    ['2026-05-04T02:00:05Z', false, '2026-05-04 10:00:05'],
    ['2026-05-04T10:00:05.000+08:00', true, '2026-05-04 10:00:05 (UTC+08:00)'],
    ['2026-12-31T16:30:00+00:00', false, '2027-01-01 00:30:00'],
  ])('shows Beijing time whatever the zone of the browser or of the text: %s', (iso, withOffset, shown) => {
    expect(formatLocalTime(iso, withOffset)).toBe(shown);
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
