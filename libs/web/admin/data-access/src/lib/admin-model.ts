import { labelOf, ROLE_LABELS, roleLabel } from '@pt/domain';
import { ASSIGNABLE_ROLES, ORG_KIND_LABELS, ROLE_ORG_KIND, type AdminOrg, type AdminUser, type AssignableRole, type OrgKind } from '@pt/shared/api-types';

export type { AdminOrg, AdminUser, AssignableRole, OrgKind };

/** 机构类型 labels (the API's) and tag colours. */
export { ORG_KIND_LABELS };

export const ORG_KIND_COLORS: Record<OrgKind, string> = {
  finance: 'gold',
  department: 'blue',
  unit: 'green',
};

/** The kind of the parent each kind needs (null: no parent). */
export const PARENT_KIND: Record<OrgKind, OrgKind | null> = { finance: null, department: 'finance', unit: 'department' };

/**
 * The roles administrators grant, in display order, and the kind of organisation each belongs to (null: any), as the
 * API defines them. Which of them one administrator may grant is the domain's `grantableRoles` (三员分立: the
 * security and audit administrator roles only by the 安全管理员).
 */
export { ASSIGNABLE_ROLES, ROLE_ORG_KIND };

export const ROLE_COLORS: Record<string, string> = {
  filler: 'green',
  dept_reviewer: 'blue',
  finance_reviewer: 'gold',
  sysadmin: 'red',
  secadmin: 'purple',
  auditadmin: 'cyan',
};

export { roleLabel };

export function kindLabel(kind: string): string {
  return labelOf(ORG_KIND_LABELS, kind);
}

/** Checkbox options for the roles (labels from the domain's ROLE_LABELS). */
export function roleOptions(): { label: string; value: AssignableRole }[] {
  return ASSIGNABLE_ROLES.map((r) => ({ label: ROLE_LABELS[r], value: r }));
}

/** Password policy: the domain's rules, the same the API checks (the API also refuses the last 5 passwords). */
export { PASSWORD_POLICY_TEXT, passwordProblem } from '@pt/domain';

/**
 * The one kind of organisation the chosen roles allow, `null` when any will do, or `'conflict'` when the roles
 * need different kinds (e.g. 填报人 and 主管部门审核人).
 */
export function requiredOrgKind(roles: readonly string[]): OrgKind | null | 'conflict' {
  const kinds = new Set<OrgKind>();
  for (const r of roles) {
    const k = ROLE_ORG_KIND[r as AssignableRole];
    if (k) kinds.add(k);
  }
  if (kinds.size > 1) return 'conflict';
  return kinds.size === 1 ? [...kinds][0] : null;
}

/** Why the roles do not fit an organisation of `kind` (one line per role), empty when they do. */
export function roleOrgProblems(roles: readonly string[], kind: OrgKind | null | undefined): string[] {
  if (!kind) return [];
  const out: string[] = [];
  for (const r of roles) {
    const wanted = ROLE_ORG_KIND[r as AssignableRole];
    if (wanted && wanted !== kind) out.push(`${roleLabel(r)}须属于${ORG_KIND_LABELS[wanted]}`);
  }
  return out;
}

export interface OrgOption {
  value: string;
  /** Indented by depth (one ideographic space per level), with the kind: `上海市人民政府驻西宁办事处（预算单位）`. */
  label: string;
  kind: OrgKind;
  disabled: boolean;
}

/** Select options for organisations in tree order; `allowed` limits the selectable kinds. */
export function orgOptions(orgs: readonly AdminOrg[], allowed?: (o: AdminOrg) => boolean): OrgOption[] {
  return orgs.map((o) => ({
    value: o.id,
    label: `${'\u3000'.repeat(Math.max(0, o.depth))}${o.name}（${kindLabel(o.kind)}）`,
    kind: o.kind,
    disabled: allowed ? !allowed(o) : false,
  }));
}

/** Which kinds a new organisation may have: the finance bureau only while there is none. */
export function creatableKinds(orgs: readonly AdminOrg[]): OrgKind[] {
  const hasFinance = orgs.some((o) => o.kind === 'finance');
  return hasFinance ? ['department', 'unit'] : ['finance'];
}

/** Case-insensitive match of a user against a search text (name or username). */
export function userMatches(u: AdminUser, q: string): boolean {
  const t = q.trim().toLowerCase();
  return !t || u.username.toLowerCase().includes(t) || u.displayName.toLowerCase().includes(t);
}
