import type { Role } from '@pt/domain';
import { IsString, MaxLength, MinLength } from 'class-validator';

export type { Role };

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
