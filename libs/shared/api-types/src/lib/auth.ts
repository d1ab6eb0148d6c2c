import type { Role } from '@pt/domain';

export type { Role };

/** POST /api/auth/login */
export interface LoginDto {
  username: string;
  password: string;
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
export interface ChangePasswordDto {
  currentPassword: string;
  newPassword: string;
}
