import {
  AUDIT_EVENT_FILTERS,
  auditDetailsJson,
  auditEventLabel,
  auditObjectLabel,
  auditResultColor,
  auditResultLabel,
  formatLocalTime,
  localOffset,
  verificationText,
} from './audit-model';

describe('audit labels', () => {
  it('names the events in Chinese', () => {
    expect(auditEventLabel('auth.login')).toBe('登录');
    expect(auditEventLabel('auth.logout')).toBe('退出');
    expect(auditEventLabel('project.submit')).toBe('提交');
    expect(auditEventLabel('project.approve')).toBe('审核通过');
    expect(auditEventLabel('project.return')).toBe('退回');
    expect(auditEventLabel('project.withdraw')).toBe('撤回');
    expect(auditEventLabel('evaluation.submit')).toBe('自评提交');
    expect(auditEventLabel('evaluation.approve')).toBe('自评审核通过');
    expect(auditEventLabel('Projects.create')).toBe('新建项目');
    expect(auditEventLabel('Projects.update')).toBe('修改项目');
    expect(auditEventLabel('Projects.putIndicators')).toBe('保存指标表');
    expect(auditEventLabel('Exports.project')).toBe('导出');
    expect(auditEventLabel('Exports.batch')).toBe('批量导出');
    expect(auditEventLabel('Users.create')).toBe('新增用户');
    expect(auditEventLabel('Users.update')).toBe('修改用户');
    expect(auditEventLabel('OrgsAdmin.create')).toBe('新增机构');
    expect(auditEventLabel('Security.unlock')).toBe('解除锁定');
  });

  it('names unknown handlers of known areas by their area, and shows anything else raw', () => {
    expect(auditEventLabel('Users.resetSomething')).toBe('用户管理：resetSomething');
    expect(auditEventLabel('OrgsAdmin.move')).toBe('机构管理：move');
    expect(auditEventLabel('evaluation.reopen')).toBe('自评：reopen');
    expect(auditEventLabel('Catalog.frameworks')).toBe('Catalog.frameworks');
    expect(auditEventLabel('auth.refresh')).toBe('auth.refresh');
    expect(auditEventLabel('Users.')).toBe('Users.');
    expect(auditEventLabel('')).toBe('');
  });

  it('names and colours the results', () => {
    expect(auditResultLabel('ok')).toBe('成功');
    expect(auditResultLabel('failed')).toBe('失败');
    expect(auditResultLabel('denied')).toBe('拒绝');
    expect(auditResultLabel('odd')).toBe('odd');
    expect(auditResultColor('ok')).toBe('success');
    expect(auditResultColor('failed')).toBe('warning');
    expect(auditResultColor('denied')).toBe('error');
    expect(auditResultColor('odd')).toBe('default');
  });

  it('offers the event prefixes of the filter, 全部 first', () => {
    expect(AUDIT_EVENT_FILTERS.map((f) => f.value)).toEqual(['', 'auth.', 'project.', 'evaluation.', 'Exports.']);
    expect(AUDIT_EVENT_FILTERS.map((f) => f.label)).toEqual(['全部', '登录与退出', '项目流转', '自评', '导出']);
  });

  it('names the object of a row by its type, or by the controller of the event', () => {
    expect(auditObjectLabel({ event: 'project.submit', objectType: 'project', objectId: 'p1' })).toBe('项目 p1');
    expect(auditObjectLabel({ event: 'evaluation.approve', objectType: 'evaluation', objectId: 'p1' })).toBe('自评 p1');
    expect(auditObjectLabel({ event: 'Projects.update', objectType: null, objectId: 'p2' })).toBe('项目 p2');
    expect(auditObjectLabel({ event: 'Users.update', objectType: null, objectId: 'u1' })).toBe('用户 u1');
    expect(auditObjectLabel({ event: 'Security.endSession', objectType: null, objectId: 's1' })).toBe('会话 s1');
    expect(auditObjectLabel({ event: 'Security.endUserSessions', objectType: null, objectId: 'u1' })).toBe('用户 u1');
    expect(auditObjectLabel({ event: 'Strange.thing', objectType: null, objectId: 'x' })).toBe('x');
    expect(auditObjectLabel({ event: 'x', objectType: 'widget', objectId: null })).toBe('widget');
    expect(auditObjectLabel({ event: 'auth.login', objectType: null, objectId: null })).toBe('');
  });
});

describe('audit times', () => {
  it('shows a time with offset in the local time zone', () => {
    const iso = '2026-05-04T10:00:05.000+08:00';
    const d = new Date(iso);
    const p = (n: number) => String(n).padStart(2, '0');
    const expected = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
    expect(formatLocalTime(iso)).toBe(expected);
    expect(formatLocalTime(iso, true)).toBe(`${expected} (UTC${localOffset(d)})`);
    // the same moment written with another offset is the same local time
    expect(formatLocalTime('2026-05-04T02:00:05Z')).toBe(expected);
  });

  it('formats offsets with sign, hours and minutes', () => {
    const at = (minutesWest: number) => ({ getTimezoneOffset: () => minutesWest }) as Date;
    expect(localOffset(at(-480))).toBe('+08:00');
    expect(localOffset(at(0))).toBe('+00:00');
    expect(localOffset(at(300))).toBe('-05:00');
    expect(localOffset(at(-345))).toBe('+05:45');
  });

  it('keeps text that is no time, and empty for nothing', () => {
    expect(formatLocalTime('not a time')).toBe('not a time');
    expect(formatLocalTime(null)).toBe('');
    expect(formatLocalTime('')).toBe('');
  });
});

describe('audit details and verification', () => {
  it('shows details as indented JSON, nothing for none', () => {
    expect(auditDetailsJson({ failures: 3 })).toBe('{\n  "failures": 3\n}');
    expect(auditDetailsJson(null)).toBe('');
    expect(auditDetailsJson({})).toBe('');
  });

  it('says whether the hash chain is intact, or where it breaks and why', () => {
    expect(verificationText({ ok: true, rows: 42, firstBad: null, reason: null })).toBe('哈希链完整：已校验全部 42 条记录，未发现篡改');
    expect(verificationText({ ok: true, rows: 0, firstBad: null, reason: null })).toBe('哈希链完整：审计日志还没有记录');
    expect(verificationText({ ok: false, rows: 7, firstBad: '107', reason: '记录内容与哈希不符（记录被修改）' })).toBe(
      '哈希链已断裂：第 7 条记录（编号 107）校验不通过，记录内容与哈希不符（记录被修改）',
    );
    expect(verificationText({ ok: false, rows: 1, firstBad: null, reason: null })).toBe('哈希链已断裂：第 1 条记录校验不通过');
  });
});
