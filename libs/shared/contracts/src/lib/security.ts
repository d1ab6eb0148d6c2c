import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from './field-rules';
import { AUDIT_OBJECT_TYPES } from '@pt/domain';

/** A day as `YYYY-MM-DD` (whether it exists, e.g. `2026-02-30`, the server checks). */
const DAY = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** GET /api/audit (审计管理员) */
export class AuditQueryDto extends PageQueryDto {
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
