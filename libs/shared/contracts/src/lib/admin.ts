import { passwordProblem } from '@pt/domain';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, Validate, ValidateIf, type ValidationArguments, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import type * as Api from '@pt/shared/api-types';
import { ASSIGNABLE_ROLES, ORG_KINDS, type AssignableRole, type OrgKind } from '@pt/shared/api-types';
import { SingleLine } from './text-rules';

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
export class CreateOrgDto implements Api.CreateOrgDto {
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
export class UpdateOrgDto implements Api.UpdateOrgDto {
  @ValidateIf(present) @IsString({ message: ORG_CODE_MSG }) @Matches(ORG_CODE, { message: ORG_CODE_MSG })
  code?: string;

  @ValidateIf(present) @IsString({ message: '机构名称必须是文本' }) @Matches(NOT_BLANK, { message: '机构名称不能为空' }) @MaxLength(200, { message: '机构名称最多 200 个字符' }) @SingleLine('机构名称')
  name?: string;
}

/** GET /api/admin/users query */
export class ListUsersQueryDto {
  @IsOptional() @IsString({ message: '搜索词必须是文本' }) @MaxLength(100, { message: '搜索词最多 100 个字符' })
  q?: string;

  @IsOptional() @IsUUID('all', { message: '机构 orgId 无效' })
  orgId?: string;
}

/** POST /api/admin/users */
export class CreateUserDto implements Api.CreateUserDto {
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
export class UpdateUserDto implements Api.UpdateUserDto {
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
