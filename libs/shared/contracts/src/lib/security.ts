import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { AUDIT_OBJECT_TYPES } from '@pt/domain';

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
  /** The client address the failures came from (a name is locked per address). */
  clientIp: string;
  failures: number;
  lockedUntil: string | null;
}

/** A day as `YYYY-MM-DD` (whether it exists, e.g. `2026-02-30`, the server checks). */
const DAY = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

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
  /** From this Beijing day on (`YYYY-MM-DD`, inclusive). */
  @IsOptional() @Matches(DAY, { message: '开始日期（from）须为 YYYY-MM-DD' })
  from?: string;
  /** Up to this Beijing day (`YYYY-MM-DD`, inclusive). */
  @IsOptional() @Matches(DAY, { message: '结束日期（to）须为 YYYY-MM-DD' })
  to?: string;
  @IsOptional() @IsIn(Object.keys(AUDIT_OBJECT_TYPES), { message: `对象类型（objectType）须为 ${Object.keys(AUDIT_OBJECT_TYPES).join('、')} 之一` })
  objectType?: string;
  /** Part of the object's name, or its id. */
  @IsOptional() @IsString({ message: '对象必须是文本' }) @MaxLength(100, { message: '对象最多 100 个字符' })
  object?: string;
  @IsOptional() @IsIn(['ok', 'failed', 'denied'], { message: '结果（result）须为 ok、failed 或 denied' })
  result?: string;
}

export interface AuditEntryResponse {
  id: string;
  /** ISO time with offset. */
  at: string;
  userId: string | null;
  username: string | null;
  event: string;
  /** The event in Chinese (创建项目, 保存指标表, 登录 …). */
  eventLabel: string;
  objectType: string | null;
  objectId: string | null;
  /** The object's name when it was recorded (a project's name, a user name …). */
  objectName: string | null;
  /** The HTTP status answered (a refusal's 403 or 404, a 400 …), when the row records one. */
  status: number | null;
  /** ok, failed, or denied (a refusal: 403, or 404 for an object that exists but is not the user's to see). */
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
