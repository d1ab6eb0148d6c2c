import { labelOf } from './text';

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
  return labelOf(ROLE_LABELS, role);
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

/**
 * 三员分立 — who grants a role and manages the accounts that hold it: the 系统管理员 the business roles and its own
 * role (another sysadmin), the 安全管理员 the security and audit administrator roles. The 审计管理员 grants nothing.
 */
export const ROLE_MANAGER: Record<Role, Role> = {
  filler: 'sysadmin',
  dept_reviewer: 'sysadmin',
  finance_reviewer: 'sysadmin',
  sysadmin: 'sysadmin',
  secadmin: 'secadmin',
  auditadmin: 'secadmin',
};

/** The roles an actor with `actorRoles` may grant (to accounts other than its own). */
export function grantableRoles(actorRoles: readonly string[]): Role[] {
  return (Object.keys(ROLE_MANAGER) as Role[]).filter((r) => actorRoles.includes(ROLE_MANAGER[r]));
}

/** May an actor with `actorRoles` change an account that holds `targetRoles` (name, password, status, roles)? */
export function canManageAccount(actorRoles: readonly string[], targetRoles: readonly string[]): boolean {
  const grantable = grantableRoles(actorRoles);
  return grantable.length > 0 && targetRoles.every((r) => (grantable as string[]).includes(r));
}

/**
 * Why an actor may not give `roles` to an account (null: it may): a role another administrator grants, or a change
 * of the actor's own roles (no administrator grants itself anything — nor takes its own role away).
 */
export function roleGrantProblem(actorRoles: readonly string[], roles: readonly string[], self: boolean): string | null {
  if (self) return '三员分立：不能修改自己的角色';
  const grantable = grantableRoles(actorRoles) as string[];
  const refused = roles.filter((r) => !grantable.includes(r));
  if (refused.length === 0) return null;
  const by = ROLE_MANAGER[refused[0] as Role];
  return by
    ? `三员分立：${refused.map(roleLabel).join('、')}只能由${roleLabel(by)}授予`
    : `三员分立：不能授予${refused.map(roleLabel).join('、')}`;
}
