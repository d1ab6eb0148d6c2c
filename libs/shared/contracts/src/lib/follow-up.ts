import { RECTIFICATION_ACTIONS, RECTIFICATION_FIELD_LABELS as F, type RectificationAction } from '@pt/domain';
import type * as Api from '@pt/shared/api-types';
import { DATE_PATTERN } from '@pt/shared/api-types';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MultiLine, NotBlank } from './text-rules';

// Request DTOs of the 整改 loop (domain §11); the shapes are the interfaces of @pt/shared/api-types.

const TEXT_MAX = 5000;

/** POST /api/targets/:id/rectifications */
export class CreateRectificationDto implements Api.CreateRectificationDto {
  @IsString({ message: `${F.problems}必须是文本` }) @NotBlank(F.problems) @MaxLength(TEXT_MAX, { message: `${F.problems}最多 ${TEXT_MAX} 个字符` }) @MultiLine(F.problems)
  problems!: string;
  @IsString({ message: `${F.requirements}必须是文本` }) @NotBlank(F.requirements) @MaxLength(TEXT_MAX, { message: `${F.requirements}最多 ${TEXT_MAX} 个字符` }) @MultiLine(F.requirements)
  requirements!: string;
  @IsString({ message: `${F.deadline}须为日期，如 2027-06-30` }) @Matches(DATE_PATTERN, { message: `${F.deadline}须为日期，如 2027-06-30` })
  @IsISO8601({ strict: true }, { message: `${F.deadline}不是有效的日期` })
  deadline!: string;
}

/** PATCH /api/rectifications/:id */
export class PatchRectificationDto implements Api.PatchRectificationDto {
  @IsOptional() @IsString({ message: `${F.feedback}必须是文本` }) @MaxLength(TEXT_MAX, { message: `${F.feedback}最多 ${TEXT_MAX} 个字符` }) @MultiLine(F.feedback)
  feedback!: string | null;
}

/** POST /api/rectifications/:id/transitions */
export class RectificationTransitionDto implements Api.RectificationTransitionDto {
  @IsIn(RECTIFICATION_ACTIONS as unknown as string[], { message: '操作须为 submit、approve 或 return' })
  action!: RectificationAction;
  @IsOptional() @IsString({ message: '意见必须是文本' }) @MaxLength(2000, { message: '意见最多 2000 个字符' })
  comment?: string | null;
}

/** GET /api/targets/:id/rectifications?carried=true */
export class RectificationListQueryDto implements Api.RectificationListQuery {
  @IsOptional() @Transform(({ value }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value)) @IsBoolean({ message: 'carried 须为 true 或 false' })
  carried?: boolean;
}
