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
