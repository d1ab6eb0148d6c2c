import type { Role } from '@pt/domain';

/** Administration of organisations and users (issue 3): only a 系统管理员 (sysadmin) may call these. */

export const ORG_KINDS = ['finance', 'department', 'unit'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  finance: '财政局',
  department: '主管部门',
  unit: '预算单位',
};

/** The roles an administrator may grant (domain §1). */
export const ASSIGNABLE_ROLES = ['filler', 'dept_reviewer', 'finance_reviewer', 'sysadmin', 'secadmin', 'auditadmin'] as const satisfies readonly Role[];
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

/** The kind of organisation a role belongs to (sysadmin: any). */
export const ROLE_ORG_KIND: Record<AssignableRole, OrgKind | null> = {
  filler: 'unit',
  dept_reviewer: 'department',
  finance_reviewer: 'finance',
  sysadmin: null,
  secadmin: null,
  auditadmin: null,
};

/** Password policy (等保三级): the domain's rules; the server also refuses the last 5 passwords of the user. */
export { PASSWORD_MAX, PASSWORD_MIN, PASSWORD_POLICY_TEXT, passwordProblem } from '@pt/domain';

/** POST /api/admin/orgs */
export interface CreateOrgDto {
  code: string;
  name: string;
  kind: OrgKind;
  /** The finance bureau for a department, a department for a unit; null for the finance bureau. */
  parentId?: string | null;
}

/** PATCH /api/admin/orgs/:id (kind and parent are fixed once created). */
export interface UpdateOrgDto {
  code?: string;
  name?: string;
}

/** An organisation as the administrator sees it. */
export interface AdminOrg {
  id: string;
  code: string;
  name: string;
  kind: OrgKind;
  parentId: string | null;
  /** 0 for the finance bureau, 1 for a department, 2 for a unit. */
  depth: number;
  /** Users of this organisation (enabled and disabled). */
  userCount: number;
  createdAt: string;
}

/** POST /api/admin/users */
export interface CreateUserDto {
  username: string;
  displayName: string;
  password: string;
  roles: AssignableRole[];
  orgId: string;
}

/** PATCH /api/admin/users/:id (optional `If-Match: "<version>"`). */
export interface UpdateUserDto {
  displayName?: string;
  roles?: AssignableRole[];
  orgId?: string;
  disabled?: boolean;
  /** A new password (reset by the administrator); ends the user's sessions. */
  password?: string;
}

/** A user as the administrator sees it (never a password hash). */
export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  orgId: string;
  orgName: string;
  orgKind: OrgKind;
  disabled: boolean;
  /** Optimistic-locking version: `ETag: "<version>"`, sent back as `If-Match`. */
  version: number;
  createdAt: string;
}
