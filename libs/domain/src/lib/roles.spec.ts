import { canManageAccount, grantableRoles, roleGrantProblem, roleSeparationProblem } from './roles';

describe('三员分立', () => {
  it('the sysadmin grants business roles and sysadmin, the secadmin the security and audit roles, the auditadmin nothing', () => {
    expect(grantableRoles(['sysadmin'])).toEqual(['filler', 'dept_reviewer', 'finance_reviewer', 'sysadmin']);
    expect(grantableRoles(['secadmin'])).toEqual(['secadmin', 'auditadmin']);
    expect(grantableRoles(['auditadmin'])).toEqual([]);
    expect(grantableRoles(['filler'])).toEqual([]);
  });

  it('refuses a role another administrator grants, naming who grants it', () => {
    expect(roleGrantProblem(['sysadmin'], ['auditadmin'], false)).toBe('三员分立：审计管理员只能由安全管理员授予');
    expect(roleGrantProblem(['sysadmin'], ['secadmin'], false)).toBe('三员分立：安全管理员只能由安全管理员授予');
    expect(roleGrantProblem(['secadmin'], ['sysadmin'], false)).toBe('三员分立：系统管理员只能由系统管理员授予');
    expect(roleGrantProblem(['secadmin'], ['filler'], false)).toBe('三员分立：填报人只能由系统管理员授予');
    expect(roleGrantProblem(['auditadmin'], ['auditadmin'], false)).toBe('三员分立：审计管理员只能由安全管理员授予');
    expect(roleGrantProblem(['sysadmin'], ['filler'], false)).toBeNull();
    expect(roleGrantProblem(['secadmin'], ['auditadmin'], false)).toBeNull();
  });

  it('no one changes its own roles', () => {
    expect(roleGrantProblem(['secadmin'], ['secadmin', 'auditadmin'], true)).toBe('三员分立：不能修改自己的角色');
    expect(roleGrantProblem(['sysadmin'], ['sysadmin'], true)).toBe('三员分立：不能修改自己的角色');
  });

  it('an account is managed only by the administrator of every role it holds', () => {
    expect(canManageAccount(['sysadmin'], ['filler'])).toBe(true);
    expect(canManageAccount(['sysadmin'], ['auditadmin'])).toBe(false);
    expect(canManageAccount(['secadmin'], ['auditadmin'])).toBe(true);
    expect(canManageAccount(['secadmin'], ['filler'])).toBe(false);
    expect(canManageAccount(['auditadmin'], ['auditadmin'])).toBe(false);
    expect(canManageAccount(['filler'], [])).toBe(false);
  });

  it('an administrator role is never combined with another one nor with a business role', () => {
    expect(roleSeparationProblem(['secadmin', 'auditadmin'])).toBe('三员分立：系统管理员、安全管理员、审计管理员须由不同账号担任');
    expect(roleSeparationProblem(['auditadmin', 'filler'])).toBe('三员分立：审计管理员不能兼任填报人或审核人');
    expect(roleSeparationProblem(['filler'])).toBeNull();
  });
});
