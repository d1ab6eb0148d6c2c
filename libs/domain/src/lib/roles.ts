/** User roles (domain §1) and their Chinese labels. */
export type Role = 'filler' | 'dept_reviewer' | 'finance_reviewer' | 'sysadmin' | 'secadmin' | 'auditadmin';

export const ROLE_LABELS: Record<Role, string> = {
  filler: '填报人',
  dept_reviewer: '主管部门审核人',
  finance_reviewer: '财政审核人',
  sysadmin: '系统管理员',
  secadmin: '安全管理员',
  auditadmin: '审计管理员',
};

export function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? role;
}

/** The administrators of 三员分立: system, security and audit administration, each its own account. */
export const ADMIN_ROLES: readonly Role[] = ['sysadmin', 'secadmin', 'auditadmin'];
export const BUSINESS_ROLES: readonly Role[] = ['filler', 'dept_reviewer', 'finance_reviewer'];

/**
 * Separation of duties (等保三级): an administrator role is never combined with another administrator role nor
 * with a role that declares or reviews projects. Returns the problem in Chinese, or null.
 */
export function roleSeparationProblem(roles: readonly string[]): string | null {
  const admins = roles.filter((r) => (ADMIN_ROLES as readonly string[]).includes(r));
  if (admins.length > 1) return '三员分立：系统管理员、安全管理员、审计管理员须由不同账号担任';
  if (admins.length === 1 && roles.some((r) => (BUSINESS_ROLES as readonly string[]).includes(r))) {
    return `三员分立：${roleLabel(admins[0])}不能兼任填报人或审核人`;
  }
  return null;
}
