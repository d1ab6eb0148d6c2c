import { IsString, MaxLength, MinLength } from 'class-validator';

export type Role = 'filler' | 'dept_reviewer' | 'finance_reviewer' | 'sysadmin' | 'secadmin' | 'auditadmin';

export const ROLE_LABELS: Record<Role, string> = {
  filler: '填报人',
  dept_reviewer: '主管部门审核人',
  finance_reviewer: '财政审核人',
  sysadmin: '系统管理员',
  secadmin: '安全管理员',
  auditadmin: '审计管理员',
};

/** POST /api/auth/login */
export class LoginDto {
  @IsString({ message: '用户名必须是文本' })
  @MinLength(1, { message: '请输入用户名' })
  @MaxLength(64, { message: '用户名最多 64 个字符' })
  username!: string;

  @IsString({ message: '密码必须是文本' })
  @MinLength(1, { message: '请输入密码' })
  @MaxLength(128, { message: '密码最多 128 个字符' })
  password!: string;
}

export interface UserSummary {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  orgId: string;
  orgName?: string;
}

export interface LoginResponse {
  accessToken: string;
  user: UserSummary;
}
