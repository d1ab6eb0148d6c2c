import { FUND_LABELS, PROJECT_STATUSES, TRANSITION_ACTIONS, type ProjectStatus, type TransitionAction } from '@pt/domain';
import type * as Api from '@pt/shared/api-types';
import { DATE_PATTERN, FRAMEWORK_CODES } from '@pt/shared/api-types';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { Money, optionalAmounts, PageQueryDto, Year } from './field-rules';
import { IndicatorMetaDto } from './follow-up';
import { MultiLine, NotBlank, SingleLine } from './text-rules';
import { StructuredReviewDto } from './work';

// Request DTOs of the project endpoints; the shapes they check are the interfaces of @pt/shared/api-types.

const TEXT_MAX = 5000;

/** 项目资金 (元): the funds of the domain's catalogue, each an optional decimal string (never a number). */
export class FundsDto implements Api.FundsDto {
  total?: string | null;
  fiscal?: string | null;
  other?: string | null;
  annualTotal?: string | null;
  annualFiscal?: string | null;
  carryover?: string | null;
  annualOther?: string | null;
}
optionalAmounts(FundsDto, FUND_LABELS);

/** Header fields other than the name (shared by create and update). */
export class ProjectHeaderDto implements Api.ProjectHeaderDto {
  @IsOptional() @IsString({ message: '项目性质必须是文本' }) @MaxLength(50, { message: '项目性质最多 50 个字符' }) @SingleLine('项目性质')
  nature?: string | null;
  @IsOptional() @IsString({ message: '项目类别必须是文本' }) @MaxLength(50, { message: '项目类别最多 50 个字符' }) @SingleLine('项目类别')
  category?: string | null;
  @IsOptional() @IsString({ message: '计划开始日期须为 YYYY-MM-DD' }) @Matches(DATE_PATTERN, { message: '计划开始日期须为 YYYY-MM-DD' })
  startDate?: string | null;
  @IsOptional() @IsString({ message: '计划完成日期须为 YYYY-MM-DD' }) @Matches(DATE_PATTERN, { message: '计划完成日期须为 YYYY-MM-DD' })
  endDate?: string | null;
  @IsOptional() @IsBoolean({ message: '是否含有政府购买服务须为 true 或 false' })
  governmentPurchase?: boolean | null;
  @IsOptional() @IsString({ message: '绩效类型必须是文本' }) @MaxLength(50, { message: '绩效类型最多 50 个字符' }) @SingleLine('绩效类型')
  performanceType?: string | null;
  @IsOptional() @ValidateNested({ message: '项目资金须为对象' }) @Type(() => FundsDto)
  funds?: FundsDto | null;
  @IsOptional() @Money('同名项目上年预算额', '同名项目上年预算额须为金额')
  lastYearBudget?: string | null;
  @IsOptional() @Money('同名项目上年预算执行数', '同名项目上年预算执行数须为金额')
  lastYearExecuted?: string | null;
  @IsOptional() @IsString({ message: '项目概况必须是文本' }) @MaxLength(TEXT_MAX, { message: `项目概况最多 ${TEXT_MAX} 个字符` }) @MultiLine('项目概况')
  overview?: string | null;
  @IsOptional() @IsString({ message: '立项依据必须是文本' }) @MaxLength(TEXT_MAX, { message: `立项依据最多 ${TEXT_MAX} 个字符` }) @MultiLine('立项依据')
  basis?: string | null;
  @IsOptional() @IsString({ message: '项目设立的必要性必须是文本' }) @MaxLength(TEXT_MAX, { message: `项目设立的必要性最多 ${TEXT_MAX} 个字符` }) @MultiLine('项目设立的必要性')
  necessity?: string | null;
  @IsOptional() @IsString({ message: '保证项目实施的制度、措施必须是文本' }) @MaxLength(TEXT_MAX, { message: `保证项目实施的制度、措施最多 ${TEXT_MAX} 个字符` }) @MultiLine('保证项目实施的制度、措施')
  measures?: string | null;
  @IsOptional() @IsString({ message: '项目实施计划必须是文本' }) @MaxLength(TEXT_MAX, { message: `项目实施计划最多 ${TEXT_MAX} 个字符` }) @MultiLine('项目实施计划')
  plan?: string | null;
  @IsOptional() @IsString({ message: '项目总目标必须是文本' }) @MaxLength(TEXT_MAX, { message: `项目总目标最多 ${TEXT_MAX} 个字符` }) @MultiLine('项目总目标')
  totalGoal?: string | null;
  @IsOptional() @IsString({ message: '年度总体目标必须是文本' }) @MaxLength(TEXT_MAX, { message: `年度总体目标最多 ${TEXT_MAX} 个字符` }) @MultiLine('年度总体目标')
  annualGoal?: string | null;
}

/** PATCH /api/projects/:id: header fields a filler may change. */
export class UpdateProjectDto extends ProjectHeaderDto implements Api.UpdateProjectDto {
  @IsOptional() @IsString({ message: '项目名称必须是文本' }) @MinLength(1, { message: '请填写项目名称' }) @MaxLength(200, { message: '项目名称最多 200 个字符' }) @NotBlank('项目名称') @SingleLine('项目名称')
  name?: string;
}

/** POST /api/projects */
export class CreateProjectDto extends ProjectHeaderDto implements Api.CreateProjectDto {
  @Year('预算年度')
  year!: number;
  @IsString({ message: '请填写项目名称' }) @MinLength(1, { message: '请填写项目名称' }) @MaxLength(200, { message: '项目名称最多 200 个字符' }) @NotBlank('项目名称') @SingleLine('项目名称')
  name!: string;
  @IsUUID('all', { message: '实施单位（orgId）无效' })
  orgId!: string;
  @IsString({ message: '请选择指标体系' }) @IsIn(FRAMEWORK_CODES as unknown as string[], { message: '指标体系须为 mof-2021 或 shanghai-2020' })
  frameworkCode!: string;
}

/** A row with its 指标解释 / 设定依据 / 评(扣)分标准 / 数据来源 (IndicatorMetaDto). */
export class IndicatorInputDto extends IndicatorMetaDto implements Api.IndicatorInputDto {
  /** An existing row's id (keeps its review comments); omitted for new rows. */
  @IsOptional() @IsUUID('all', { message: '指标 id 无效' })
  id?: string;
  @IsString({ message: '一级指标必须是文本' }) @MaxLength(50, { message: '一级指标最多 50 个字符' }) @SingleLine('一级指标')
  level1!: string;
  @IsString({ message: '二级指标必须是文本' }) @MaxLength(50, { message: '二级指标最多 50 个字符' }) @SingleLine('二级指标')
  level2!: string;
  @IsString({ message: '三级指标名称必须是文本' }) @MaxLength(300, { message: '三级指标名称最多 300 个字符' }) @SingleLine('三级指标名称')
  name!: string;
  @IsString({ message: '指标值必须是文本' }) @MaxLength(500, { message: '指标值最多 500 个字符' }) @SingleLine('指标值')
  target!: string;
  @IsOptional() @IsBoolean({ message: '核心指标须为 true 或 false' })
  core?: boolean;
  @IsOptional() @IsString({ message: '分值须为数字文本，如 10.00' }) @Matches(/^\d{1,3}(\.\d{1,2})?$/, { message: '分值须为 0–999 的数，最多两位小数' })
  weight?: string | null;
}

/** PUT /api/projects/:id/indicators (and …/goals/:goalId/indicators) */
export class PutIndicatorsDto implements Api.PutIndicatorsDto {
  @IsArray({ message: '指标须为数组' }) @ArrayMaxSize(300, { message: '一张指标表最多 300 行' })
  @ValidateNested({ each: true }) @Type(() => IndicatorInputDto)
  indicators!: IndicatorInputDto[];
}

export class RowCommentDto implements Api.RowCommentDto {
  @IsUUID('all', { message: '指标 id 无效' })
  indicatorId!: string;
  @IsString({ message: '意见必须是文本' }) @MinLength(1, { message: '意见不能为空' }) @MaxLength(1000, { message: '意见最多 1000 个字符' }) @NotBlank('意见')
  comment!: string;
}

/** POST /api/projects/:id/transitions */
export class TransitionDto implements Api.TransitionDto {
  @IsIn(TRANSITION_ACTIONS as unknown as string[], { message: '操作须为 submit、approve、return 或 withdraw' })
  action!: TransitionAction;
  @IsOptional() @IsString({ message: '意见必须是文本' }) @MaxLength(2000, { message: '意见最多 2000 个字符' })
  comment?: string;
  /** Per-row review comments (reviewers, with approve or return). */
  @IsOptional() @IsArray({ message: '逐行意见须为数组' }) @ArrayMaxSize(300, { message: '逐行意见最多 300 条' })
  @ValidateNested({ each: true }) @Type(() => RowCommentDto)
  rowComments?: RowCommentDto[];
  /** The structured review of 财预〔2015〕88号 (reviewers, with approve or return). */
  @IsOptional() @ValidateNested({ message: '审核意见 review 须为对象' }) @Type(() => StructuredReviewDto)
  review?: StructuredReviewDto | null;
}

const COUNT_UP_TO_MAX = 10000;
const COUNT_UP_TO_MESSAGE = `计数上限 countUpTo 须为 1–${COUNT_UP_TO_MAX} 的整数`;

/** GET /api/projects query */
export class ListProjectsQueryDto extends PageQueryDto {
  @IsOptional() @Year()
  year?: number;
  @IsOptional() @IsUUID('all', { message: '单位 orgId 无效' })
  orgId?: string;
  @IsOptional() @IsIn(PROJECT_STATUSES as unknown as string[], { message: '状态须为 draft、submitted、dept_approved、approved 或 returned' })
  status?: ProjectStatus;
  @IsOptional() @IsString({ message: '搜索词必须是文本' }) @MaxLength(100, { message: '搜索词最多 100 个字符' })
  q?: string;
  /** `inbox=true`: only projects waiting for this reviewer. */
  @IsOptional() @IsIn(['true', 'false'], { message: 'inbox 须为 true 或 false' })
  inbox?: 'true' | 'false';
  /** Dashboard click-through: the grade of the saved self-evaluation. */
  @IsOptional() @IsIn(['优', '良', '中', '差'], { message: '等级须为 优、良、中 或 差' })
  grade?: '优' | '良' | '中' | '差';
  /** Dashboard click-through: total score of the saved self-evaluation in [scoreMin, scoreMax). */
  @IsOptional() @Type(() => Number) @IsInt({ message: '最低分须为 0–100 的整数' }) @Min(0, { message: '最低分须为 0–100 的整数' }) @Max(100, { message: '最低分须为 0–100 的整数' })
  scoreMin?: number;
  @IsOptional() @Type(() => Number) @IsInt({ message: '最高分须为 0–101 的整数' }) @Min(0, { message: '最高分须为 0–101 的整数' }) @Max(101, { message: '最高分须为 0–101 的整数' })
  scoreMax?: number;
  /** Dashboard click-through: the light of the latest monitoring report. */
  @IsOptional() @IsIn(['red', 'yellow', 'green', 'blue'], { message: '监控灯须为 red、yellow、green 或 blue' })
  light?: 'red' | 'yellow' | 'green' | 'blue';
  /** Dashboard click-through: the review state of the self-evaluation. */
  @IsOptional() @IsIn(PROJECT_STATUSES as unknown as string[], { message: '自评状态须为 draft、submitted、dept_approved、approved 或 returned' })
  evaluationStatus?: ProjectStatus;
  /**
   * Count the matches up to this many only (a name search's "200 条以上"): beyond, the answer's `total` is `countUpTo`
   * with `totalCapped: true`. Absent: the exact total, as always.
   */
  @IsOptional() @Type(() => Number) @IsInt({ message: COUNT_UP_TO_MESSAGE }) @Min(1, { message: COUNT_UP_TO_MESSAGE }) @Max(COUNT_UP_TO_MAX, { message: COUNT_UP_TO_MESSAGE })
  countUpTo?: number;
}

/** POST /api/projects/:id/adjustments: start a new revision of an approved project. */
export class AdjustProjectDto implements Api.AdjustProjectDto {
  @IsString({ message: '请填写调整理由' }) @MinLength(1, { message: '请填写调整理由' }) @MaxLength(2000, { message: '调整理由最多 2000 个字符' }) @NotBlank('调整理由')
  reason!: string;
}

export class DiffQueryDto {
  @Type(() => Number) @IsInt({ message: '起始版本须为整数' }) @Min(1, { message: '起始版本须为正整数' })
  from!: number;
  @IsOptional() @Type(() => Number) @IsInt({ message: '目标版本须为整数' }) @Min(1, { message: '目标版本须为正整数' })
  to?: number;
}

/** POST /api/projects/:id/goals: the annual goal of another year of a multi-year project. */
export class CreateGoalDto implements Api.CreateGoalDto {
  @Year()
  year!: number;
  @IsOptional() @IsString({ message: '年度总体目标必须是文本' }) @MaxLength(TEXT_MAX, { message: `年度总体目标最多 ${TEXT_MAX} 个字符` })
  text?: string | null;
}
