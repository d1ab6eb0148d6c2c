import { HttpErrorResponse } from '@angular/common/http';
import type { AdminOrg } from '@pt/shared/api-types';
import { apiErrorResponse } from '@pt/web/shared/data-access/testing';
import { fieldError, toAdminFailure } from './admin-failure';
import { creatableKinds, orgOptions, passwordProblem, requiredOrgKind, roleOptions, roleOrgProblems, userMatches } from './admin-model';

const org = (id: string, kind: AdminOrg['kind'], depth: number, name = id): AdminOrg => ({
  id,
  code: id.toUpperCase(),
  name,
  kind,
  parentId: null,
  depth,
  userCount: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
});

describe('admin model helpers', () => {
  it('checks the password policy like the API', () => {
    expect(passwordProblem('Abcdef1')).toBe('密码至少 8 位');
    expect(passwordProblem('abcdefgh')).toBe('密码须包含大写字母、小写字母、数字、符号中的至少三类');
    expect(passwordProblem('12345678')).toBe('密码须包含大写字母、小写字母、数字、符号中的至少三类');
    expect(passwordProblem(`Aa1${'x'.repeat(127)}`)).toBe('密码最多 128 位');
    expect(passwordProblem('Guangzhou2027')).toBeNull();
    expect(passwordProblem('Demo@2026')).toBe('密码过于常见，请换一个');
  });

  it('knows which kind of organisation the roles need', () => {
    expect(requiredOrgKind(['filler'])).toBe('unit');
    expect(requiredOrgKind(['dept_reviewer', 'sysadmin'])).toBe('department');
    expect(requiredOrgKind(['sysadmin'])).toBeNull();
    expect(requiredOrgKind([])).toBeNull();
    expect(requiredOrgKind(['filler', 'finance_reviewer'])).toBe('conflict');
    expect(roleOrgProblems(['filler', 'sysadmin'], 'department')).toEqual(['填报人须属于预算单位']);
    expect(roleOrgProblems(['finance_reviewer'], 'finance')).toEqual([]);
    expect(roleOrgProblems(['filler'], undefined)).toEqual([]);
  });

  it('labels the roles from the domain', () => {
    expect(roleOptions()).toEqual([
      { label: '填报人', value: 'filler' },
      { label: '主管部门审核人', value: 'dept_reviewer' },
      { label: '财政审核人', value: 'finance_reviewer' },
      { label: '系统管理员', value: 'sysadmin' },
      { label: '安全管理员', value: 'secadmin' },
      { label: '审计管理员', value: 'auditadmin' },
    ]);
  });

  it('indents organisation options by depth, disabling those not allowed', () => {
    const orgs = [org('czj', 'finance', 0, '财政局'), org('hzb', 'department', 1, '合作交流办'), org('xn', 'unit', 2, '西宁办')];
    expect(orgOptions(orgs, (o) => o.kind === 'unit')).toEqual([
      { value: 'czj', label: '财政局（财政局）', kind: 'finance', disabled: true },
      { value: 'hzb', label: '\u3000合作交流办（主管部门）', kind: 'department', disabled: true },
      { value: 'xn', label: '\u3000\u3000西宁办（预算单位）', kind: 'unit', disabled: false },
    ]);
    expect(creatableKinds(orgs)).toEqual(['department', 'unit']);
    expect(creatableKinds([])).toEqual(['finance']);
  });

  it('matches users by username or name, ignoring case', () => {
    const u = { username: 'Xining', displayName: '西宁办填报人' } as Parameters<typeof userMatches>[0];
    expect(userMatches(u, 'xin')).toBe(true);
    expect(userMatches(u, '填报')).toBe(true);
    expect(userMatches(u, ' ')).toBe(true);
    expect(userMatches(u, 'hzb')).toBe(false);
  });
});

describe('admin failures', () => {
  it('takes the server message and details', () => {
    const e = apiErrorResponse(400, { code: 'VALIDATION_FAILED', message: '请求参数有误：password', details: [{ field: 'password', message: '密码至少 8 位' }, { bad: 1 }] });
    const f = toAdminFailure(e);
    expect(f).toEqual({ status: 400, code: 'VALIDATION_FAILED', message: '请求参数有误：password', details: [{ field: 'password', message: '密码至少 8 位' }], findings: [] });
    expect(fieldError(f, 'password')).toBe('密码至少 8 位');
    expect(fieldError(f, 'roles')).toBeNull();
  });

  it('falls back to a Chinese message by status', () => {
    expect(toAdminFailure(new HttpErrorResponse({ status: 0 })).message).toBe('无法连接服务器，请检查网络后重试');
    expect(toAdminFailure(new HttpErrorResponse({ status: 412, error: 'x' })).message).toContain('已被他人修改');
    expect(toAdminFailure(new HttpErrorResponse({ status: 502 })).message).toBe('服务器暂时不可用，请稍后重试');
    expect(toAdminFailure(new Error('boom'), '保存失败').message).toBe('保存失败');
  });
});
