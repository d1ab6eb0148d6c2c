import { FRAMEWORK_GROUP_ROLES, TOTAL_GRADES, type FrameworkGroup, type ScoringSettings, type TotalGrade } from '@pt/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import type * as Api from '@pt/shared/api-types';
import { SingleLine } from './text-rules';

// Request DTOs of the versioned frameworks and scoring settings (issue 12); shapes in @pt/shared/api-types.

const BASE_MSG = '请求须带上所依据的版本号 baseVersion（正整数）';

/** What every new version says besides its content: the version the edit started from, and why. */
class VersionEditDto {
  /** The version the edit started from: a 409 when someone saved another version since. */
  @Type(() => Number) @IsInt({ message: BASE_MSG }) @Min(1, { message: BASE_MSG })
  baseVersion!: number;
  @IsOptional() @IsString({ message: '修改说明必须是文本' }) @MaxLength(500, { message: '修改说明最多 500 个字符' })
  note?: string | null;
}

export class FrameworkGroupDto implements Api.FrameworkGroupDto {
  @IsString({ message: '一级指标名称必须是文本' }) @MaxLength(40, { message: '一级指标名称最多 40 个字符' }) @SingleLine('一级指标名称')
  name!: string;
  /** Points out of 90, or null where there is no official weight. */
  @IsOptional() @IsNumber({ maxDecimalPlaces: 2 }, { message: '一级指标权重须为最多两位小数的数字，或留空' })
  weight!: number | null;
  @IsIn([...FRAMEWORK_GROUP_ROLES], { message: `一级指标类别须为 ${FRAMEWORK_GROUP_ROLES.join('、')} 之一` })
  role!: FrameworkGroup['role'];
  @IsArray({ message: '二级指标须为数组' }) @ArrayMaxSize(30, { message: '一个一级指标下最多 30 个二级指标' })
  @IsString({ each: true, message: '二级指标名称必须是文本' }) @MaxLength(40, { each: true, message: '二级指标名称最多 40 个字符' })
  @SingleLine('二级指标名称', { each: true })
  children!: string[];
}

/** POST /api/admin/frameworks/:code — the next version of a framework. */
export class CreateFrameworkVersionDto extends VersionEditDto implements Api.CreateFrameworkVersionDto {
  @IsString({ message: '指标体系名称必须是文本' }) @MaxLength(200, { message: '指标体系名称最多 200 个字符' }) @SingleLine('指标体系名称')
  name!: string;
  @IsString({ message: '适用地区必须是文本' }) @MaxLength(50, { message: '适用地区最多 50 个字符' }) @SingleLine('适用地区')
  region!: string;
  @IsArray({ message: '一级指标 groups 须为数组' }) @ArrayMaxSize(12, { message: '最多 12 个一级指标' })
  @ValidateNested({ each: true }) @Type(() => FrameworkGroupDto)
  groups!: FrameworkGroupDto[];
}

export class GradeBandDto implements Api.GradeBandDto {
  @IsIn([...TOTAL_GRADES], { message: '等级须为 优、良、中、差' })
  grade!: TotalGrade;
  @IsString({ message: '等级下限须为文本形式的数字，如 "90"' }) @MaxLength(10, { message: '等级下限最多 10 个字符' })
  min!: string;
}

/** POST /api/admin/frameworks/settings — the next version of the scoring settings. */
export class CreateScoringSettingsVersionDto extends VersionEditDto implements Api.CreateScoringSettingsVersionDto {
  @IsIn(['linear', 'ratio'], { message: '反向指标计分规则须为 linear（线性扣减）或 ratio（比值计分）' })
  reverseRule!: ScoringSettings['reverseRule'];
  @IsString({ message: '超目标提示阈值须为文本形式的数字，如 "0.20"' }) @MaxLength(10, { message: '超目标提示阈值最多 10 个字符' })
  farAboveThreshold!: string;
  @IsString({ message: '预算执行率分值须为文本形式的数字，如 "10"' }) @MaxLength(10, { message: '预算执行率分值最多 10 个字符' })
  budgetPoints!: string;
  @IsString({ message: '指标分值须为文本形式的数字，如 "90"' }) @MaxLength(10, { message: '指标分值最多 10 个字符' })
  indicatorPoints!: string;
  @IsArray({ message: '等级 gradeBands 须为数组' }) @ArrayMaxSize(4, { message: '等级须依次为 优、良、中、差' })
  @ValidateNested({ each: true }) @Type(() => GradeBandDto)
  gradeBands!: GradeBandDto[];
}
