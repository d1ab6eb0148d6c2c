import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** GET /api/security/sessions (安全管理员) */
export interface SessionEntry {
  id: string;
  userId: string;
  username: string;
  displayName: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

/** GET /api/security/lockouts (安全管理员) */
export interface LockoutEntry {
  username: string;
  failures: number;
  lockedUntil: string | null;
}

/** GET /api/audit (审计管理员) */
export class AuditQueryDto {
  @IsOptional() @Type(() => Number) @IsInt({ message: '页码须为正整数' }) @Min(1, { message: '页码须为正整数' }) @Max(100000, { message: '页码过大' })
  page?: number;
  @IsOptional() @Type(() => Number) @IsInt({ message: '每页条数须为整数' }) @Min(1, { message: '每页至少 1 条' }) @Max(200, { message: '每页最多 200 条' })
  pageSize?: number;
  /** Events starting with this text (e.g. `auth.`, `project.`). */
  @IsOptional() @IsString({ message: '事件必须是文本' }) @MaxLength(48, { message: '事件最多 48 个字符' })
  event?: string;
  @IsOptional() @IsString({ message: '用户名必须是文本' }) @MaxLength(64, { message: '用户名最多 64 个字符' })
  username?: string;
}

export interface AuditEntryResponse {
  id: string;
  /** ISO time with offset. */
  at: string;
  userId: string | null;
  username: string | null;
  event: string;
  objectType: string | null;
  objectId: string | null;
  result: string;
  clientIp: string | null;
  details: Record<string, unknown> | null;
  prevHash: string;
  hash: string;
}

export interface AuditPage {
  items: AuditEntryResponse[];
  total: number;
}

export interface AuditVerification {
  ok: boolean;
  rows: number;
  firstBad: string | null;
  reason: string | null;
}
