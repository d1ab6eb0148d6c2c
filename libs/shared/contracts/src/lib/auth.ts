import type * as Api from '@pt/shared/api-types';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** POST /api/auth/login */
export class LoginDto implements Api.LoginDto {
  @IsString({ message: '用户名必须是文本' }) @MinLength(1, { message: '请输入用户名' }) @MaxLength(64, { message: '用户名最多 64 个字符' })
  username!: string;

  @IsString({ message: '密码必须是文本' }) @MinLength(1, { message: '请输入密码' }) @MaxLength(128, { message: '密码最多 128 个字符' })
  password!: string;
}

/** POST /api/auth/password (修改密码, every user; the policy is checked by the server against the user name). */
export class ChangePasswordDto implements Api.ChangePasswordDto {
  @IsString({ message: '请输入当前密码' }) @MinLength(1, { message: '请输入当前密码' }) @MaxLength(128, { message: '当前密码最多 128 个字符' })
  currentPassword!: string;

  @IsString({ message: '请输入新密码' }) @MinLength(1, { message: '请输入新密码' }) @MaxLength(128, { message: '密码最多 128 位' })
  newPassword!: string;
}
