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
  /** The password was set by an administrator (or is the initial one): every call but 修改密码 and logout answers 403. */
  mustChangePassword?: boolean;
}

export interface LoginResponse {
  accessToken: string;
  user: UserSummary;
  /** True: change the password first (POST /api/auth/password); the other calls answer 403 until then. */
  mustChangePassword: boolean;
}

/** POST /api/auth/password (修改密码, every user; the policy is checked by the server against the user name). */
export class ChangePasswordDto {
  @IsString({ message: '请输入当前密码' })
  @MinLength(1, { message: '请输入当前密码' })
  @MaxLength(128, { message: '当前密码最多 128 个字符' })
  currentPassword!: string;

  @IsString({ message: '请输入新密码' })
  @MinLength(1, { message: '请输入新密码' })
  @MaxLength(128, { message: '密码最多 128 位' })
  newPassword!: string;
}
