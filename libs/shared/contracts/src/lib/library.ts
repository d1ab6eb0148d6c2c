import type * as Api from '@pt/shared/api-types';
import { FRAMEWORK_CODES } from '@pt/shared/api-types';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from './field-rules';
import { NotBlank, SingleLine } from './text-rules';
import { IndicatorMetaDto } from './follow-up';

// 指标库 (GET/POST/PATCH/DELETE /api/indicator-library)

export class ListLibraryQueryDto extends PageQueryDto {
  @IsOptional() @IsString({ message: '搜索词必须是文本' }) @MaxLength(100, { message: '搜索词最多 100 个字符' })
  q?: string;
  @IsOptional() @IsIn(FRAMEWORK_CODES as unknown as string[], { message: '指标体系须为 mof-2021 或 shanghai-2020' })
  frameworkCode?: string;
  @IsOptional() @IsString({ message: '一级指标必须是文本' }) @MaxLength(50, { message: '一级指标最多 50 个字符' })
  level1?: string;
  @IsOptional() @IsString({ message: '二级指标必须是文本' }) @MaxLength(50, { message: '二级指标最多 50 个字符' })
  level2?: string;
}

export class UpdateLibraryIndicatorDto extends IndicatorMetaDto implements Api.UpdateLibraryIndicatorDto {
  @IsOptional() @IsString({ message: '一级指标必须是文本' }) @MinLength(1, { message: '请填写一级指标' }) @MaxLength(50, { message: '一级指标最多 50 个字符' }) @NotBlank('一级指标') @SingleLine('一级指标')
  level1?: string;
  @IsOptional() @IsString({ message: '二级指标必须是文本' }) @MinLength(1, { message: '请填写二级指标' }) @MaxLength(50, { message: '二级指标最多 50 个字符' }) @NotBlank('二级指标') @SingleLine('二级指标')
  level2?: string;
  @IsOptional() @IsString({ message: '三级指标名称必须是文本' }) @MinLength(1, { message: '请填写三级指标名称' }) @MaxLength(300, { message: '三级指标名称最多 300 个字符' }) @NotBlank('三级指标名称') @SingleLine('三级指标名称')
  name?: string;
  @IsOptional() @IsString({ message: '参考指标值必须是文本' }) @MaxLength(500, { message: '参考指标值最多 500 个字符' }) @SingleLine('参考指标值')
  target?: string | null;
}

export class CreateLibraryIndicatorDto extends IndicatorMetaDto implements Api.CreateLibraryIndicatorDto {
  @IsIn(FRAMEWORK_CODES as unknown as string[], { message: '指标体系须为 mof-2021 或 shanghai-2020' })
  frameworkCode!: string;
  @IsString({ message: '请填写一级指标' }) @MinLength(1, { message: '请填写一级指标' }) @MaxLength(50, { message: '一级指标最多 50 个字符' }) @NotBlank('一级指标') @SingleLine('一级指标')
  level1!: string;
  @IsString({ message: '请填写二级指标' }) @MinLength(1, { message: '请填写二级指标' }) @MaxLength(50, { message: '二级指标最多 50 个字符' }) @NotBlank('二级指标') @SingleLine('二级指标')
  level2!: string;
  @IsString({ message: '请填写三级指标名称' }) @MinLength(1, { message: '请填写三级指标名称' }) @MaxLength(300, { message: '三级指标名称最多 300 个字符' }) @NotBlank('三级指标名称') @SingleLine('三级指标名称')
  name!: string;
  @IsOptional() @IsString({ message: '参考指标值必须是文本' }) @MaxLength(500, { message: '参考指标值最多 500 个字符' }) @SingleLine('参考指标值')
  target?: string | null;
}
