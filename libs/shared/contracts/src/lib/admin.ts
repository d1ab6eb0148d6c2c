import { passwordProblem, type Role } from '@pt/domain';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  Validate,
  ValidateIf,
  type ValidationArguments,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { API_PREFIX } from './routes';
import { SingleLine } from './text-rules';

/** Administration of organisations and users (issue 3): only a 系统管理员 (sysadmin) may call these. */
export const AdminRoutes = { base: 'admin', orgs: 'admin/orgs', users: 'admin/users' } as const;

export const AdminPaths = {
  orgs: `/${API_PREFIX}/${AdminRoutes.orgs}`,
  org: (id: string) => `/${API_PREFIX}/${AdminRoutes.orgs}/${encodeURIComponent(id)}`,
  users: `/${API_PREFIX}/${AdminRoutes.users}`,
  user: (id: string) => `/${API_PREFIX}/${AdminRoutes.users}/${encodeURIComponent(id)}`,
} as const;

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

@ValidatorConstraint({ name: 'passwordPolicy' })
class PasswordPolicyConstraint implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    return typeof value === 'string' && passwordProblem(value, (args.object as { username?: string }).username) === null;
  }
  defaultMessage(args: ValidationArguments): string {
    return typeof args.value === 'string' ? (passwordProblem(args.value, (args.object as { username?: string }).username) ?? '密码不符合要求') : '请填写密码';
  }
}

const ORG_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
const ORG_CODE_MSG = '机构代码须为 1–32 位字母、数字、下划线或连字符，以字母或数字开头';
const USERNAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{1,63}$/;
const USERNAME_MSG = '用户名须为 2–64 位字母、数字、下划线、点或连字符，以字母或数字开头';
const NOT_BLANK = /\S/;
/** For PATCH bodies: an absent field is skipped, but an explicit null is validated (and refused). */
const present = (_o: object, v: unknown) => v !== undefined;
const ROLES_MSG = '角色须为 filler、dept_reviewer、finance_reviewer、sysadmin、secadmin 或 auditadmin';

/** POST /api/admin/orgs */
export class CreateOrgDto {
  @IsString({ message: ORG_CODE_MSG }) @Matches(ORG_CODE, { message: ORG_CODE_MSG })
  code!: string;

  @IsString({ message: '请填写机构名称' }) @Matches(NOT_BLANK, { message: '请填写机构名称' }) @MaxLength(200, { message: '机构名称最多 200 个字符' }) @SingleLine('机构名称')
  name!: string;

  @IsIn(ORG_KINDS as unknown as string[], { message: '机构类型须为 finance（财政局）、department（主管部门）或 unit（预算单位）' })
  kind!: OrgKind;

  /** The finance bureau for a department, a department for a unit; null for the finance bureau. */
  @IsOptional() @IsUUID('all', { message: '上级机构（parentId）无效' })
  parentId?: string | null;
}

/** PATCH /api/admin/orgs/:id (kind and parent are fixed once created). */
export class UpdateOrgDto {
  @ValidateIf(present) @IsString({ message: ORG_CODE_MSG }) @Matches(ORG_CODE, { message: ORG_CODE_MSG })
  code?: string;

  @ValidateIf(present) @IsString({ message: '机构名称必须是文本' }) @Matches(NOT_BLANK, { message: '机构名称不能为空' }) @MaxLength(200, { message: '机构名称最多 200 个字符' }) @SingleLine('机构名称')
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

/** GET /api/admin/users query */
export class ListUsersQueryDto {
  @IsOptional() @IsString({ message: '搜索词必须是文本' }) @MaxLength(100, { message: '搜索词最多 100 个字符' })
  q?: string;

  @IsOptional() @IsUUID('all', { message: '机构 orgId 无效' })
  orgId?: string;
}

/** POST /api/admin/users */
export class CreateUserDto {
  @IsString({ message: USERNAME_MSG }) @Matches(USERNAME, { message: USERNAME_MSG })
  username!: string;

  @IsString({ message: '请填写姓名' }) @Matches(NOT_BLANK, { message: '请填写姓名' }) @MaxLength(100, { message: '姓名最多 100 个字符' }) @SingleLine('姓名')
  displayName!: string;

  @IsString({ message: '请填写密码' })
  @Validate(PasswordPolicyConstraint)
  password!: string;

  @IsArray({ message: '角色须为数组' }) @ArrayNotEmpty({ message: '请至少选择一个角色' }) @ArrayMaxSize(4, { message: '角色最多 4 个' })
  @ArrayUnique({ message: '角色不能重复' }) @IsIn(ASSIGNABLE_ROLES as unknown as string[], { each: true, message: ROLES_MSG })
  roles!: AssignableRole[];

  @IsUUID('all', { message: '所属机构（orgId）无效' })
  orgId!: string;
}

/** PATCH /api/admin/users/:id (optional `If-Match: "<version>"`). */
export class UpdateUserDto {
  @ValidateIf(present) @IsString({ message: '姓名必须是文本' }) @Matches(NOT_BLANK, { message: '姓名不能为空' }) @MaxLength(100, { message: '姓名最多 100 个字符' }) @SingleLine('姓名')
  displayName?: string;

  @ValidateIf(present)
  @IsArray({ message: '角色须为数组' }) @ArrayNotEmpty({ message: '请至少选择一个角色' }) @ArrayMaxSize(4, { message: '角色最多 4 个' })
  @ArrayUnique({ message: '角色不能重复' }) @IsIn(ASSIGNABLE_ROLES as unknown as string[], { each: true, message: ROLES_MSG })
  roles?: AssignableRole[];

  @ValidateIf(present) @IsUUID('all', { message: '所属机构（orgId）无效' })
  orgId?: string;

  @ValidateIf(present) @IsBoolean({ message: '停用状态（disabled）须为 true 或 false' })
  disabled?: boolean;

  /** A new password (reset by the administrator); ends the user's sessions. */
  @ValidateIf(present)
  @IsString({ message: '密码必须是文本' })
  @Validate(PasswordPolicyConstraint)
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
