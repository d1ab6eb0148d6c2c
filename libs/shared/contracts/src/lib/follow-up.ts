import {
  INDICATOR_BASES,
  INDICATOR_META_LABELS as META,
  INDICATOR_META_MAX as META_MAX,
  RECTIFICATION_ACTIONS,
  RECTIFICATION_FIELD_LABELS as F,
  type IndicatorBasis,
  type IndicatorMeta,
  type RectificationAction,
} from '@pt/domain';
import type * as Api from '@pt/shared/api-types';
import { DATE_PATTERN } from '@pt/shared/api-types';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MultiLine, NotBlank, SingleLine } from './text-rules';

// Request DTOs of the 整改 loop (domain §11); the shapes are the interfaces of @pt/shared/api-types.

const TEXT_MAX = 5000;

/** 指标解释, 设定依据, 评(扣)分标准, 数据来源 of a row or a library entry (domain §11): each optional; absent keeps what is stored. */
export class IndicatorMetaDto implements IndicatorMeta {
  @IsOptional() @IsString({ message: `${META.explanation}必须是文本` }) @MaxLength(META_MAX.explanation, { message: `${META.explanation}最多 ${META_MAX.explanation} 个字符` }) @MultiLine(META.explanation)
  explanation?: string | null;
  @IsOptional() @IsIn(INDICATOR_BASES as unknown as string[], { message: `${META.basis}须为${INDICATOR_BASES.join('、')}之一` })
  basis?: IndicatorBasis | null;
  @IsOptional() @IsString({ message: `${META.scoringRule}必须是文本` }) @MaxLength(META_MAX.scoringRule, { message: `${META.scoringRule}最多 ${META_MAX.scoringRule} 个字符` }) @MultiLine(META.scoringRule)
  scoringRule?: string | null;
  @IsOptional() @IsString({ message: `${META.dataSource}必须是文本` }) @MaxLength(META_MAX.dataSource, { message: `${META.dataSource}最多 ${META_MAX.dataSource} 个字符` }) @SingleLine(META.dataSource)
  dataSource?: string | null;
}

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
