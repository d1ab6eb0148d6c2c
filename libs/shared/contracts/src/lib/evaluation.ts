import { EVALUATION_REPORT_LABELS, EVALUATION_REPORT_TITLE, type QualitativeGrade, type TransitionAction } from '@pt/domain';
import type * as Api from '@pt/shared/api-types';
import { DECIMAL_PATTERN, decimalMessage, POINTS_PATTERN, pointsMessage, QUALITATIVE_GRADES } from '@pt/shared/api-types';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { Money, optionalAmounts } from './field-rules';
import { MultiLine, RequiredObject, SingleLine } from './text-rules';

// Request DTOs of the self-evaluation (绩效自评, domain §8); the shapes are the interfaces of @pt/shared/api-types.

const REPORT_MAX = 5000;
const R = EVALUATION_REPORT_LABELS;

/** The 自评报告 (domain §11): each text optional, multi-line. */
export class EvaluationReportDto implements Partial<Api.EvaluationReport> {
  @IsOptional() @IsString({ message: `${R.completion}必须是文本` }) @MaxLength(REPORT_MAX, { message: `${R.completion}最多 ${REPORT_MAX} 个字符` }) @MultiLine(R.completion)
  completion?: string | null;
  @IsOptional() @IsString({ message: `${R.deviation}必须是文本` }) @MaxLength(REPORT_MAX, { message: `${R.deviation}最多 ${REPORT_MAX} 个字符` }) @MultiLine(R.deviation)
  deviation?: string | null;
  @IsOptional() @IsString({ message: `${R.problems}必须是文本` }) @MaxLength(REPORT_MAX, { message: `${R.problems}最多 ${REPORT_MAX} 个字符` }) @MultiLine(R.problems)
  problems?: string | null;
  @IsOptional() @IsString({ message: `${R.measures}必须是文本` }) @MaxLength(REPORT_MAX, { message: `${R.measures}最多 ${REPORT_MAX} 个字符` }) @MultiLine(R.measures)
  measures?: string | null;
}

/** 预算执行 of the self-evaluation (元). */
export class EvaluationBudgetDto implements Api.EvaluationBudgetDto {
  @Money('全年预算数')
  annualBudget!: string;
  @Money('全年执行数')
  executed!: string;
}

/** A source row of the funds block (10号 附件1: 当年财政拨款 / 上年结转资金 / 其他资金), in yuan. */
export class EvaluationFundsRowDto implements Api.EvaluationFundsRowDto {
  initialBudget?: string | null;
  annualBudget?: string | null;
  executed?: string | null;
}
optionalAmounts(EvaluationFundsRowDto, { initialBudget: '年初预算数', annualBudget: '全年预算数', executed: '全年执行数' });

/**
 * The funds block beyond `budget` (元): the total row's 年初预算数 (its 全年预算数 / 全年执行数 are
 * `budget.annualBudget` / `budget.executed`) and the three source rows. Optional; each source's figures must
 * add up to the total before 提交 (422 on submit, never on save).
 */
export class EvaluationFundsDto implements Api.EvaluationFundsDto {
  @IsOptional() @Money('年初预算数')
  initialBudget?: string | null;
  @IsOptional() @ValidateNested({ message: '当年财政拨款须为对象' }) @Type(() => EvaluationFundsRowDto)
  fiscal?: EvaluationFundsRowDto | null;
  @IsOptional() @ValidateNested({ message: '上年结转资金须为对象' }) @Type(() => EvaluationFundsRowDto)
  carryover?: EvaluationFundsRowDto | null;
  @IsOptional() @ValidateNested({ message: '其他资金须为对象' }) @Type(() => EvaluationFundsRowDto)
  other?: EvaluationFundsRowDto | null;
}

/** One row of the self-evaluation, keyed by the indicator of the approved table. */
export class EvaluationItemDto implements Api.EvaluationItemDto {
  @IsUUID('all', { message: '指标 indicatorId 无效' })
  indicatorId!: string;
  @IsOptional() @IsString({ message: decimalMessage('实际完成值') }) @Matches(DECIMAL_PATTERN, { message: decimalMessage('实际完成值') })
  actual?: string | null;
  /** The unit the actual was measured in, when it is given; must equal the target's unit. */
  @IsOptional() @IsString({ message: '实际完成值的单位必须是文本' }) @MaxLength(20, { message: '实际完成值的单位最多 20 个字符' }) @SingleLine('实际完成值的单位')
  actualUnit?: string | null;
  @IsOptional() @IsIn(QUALITATIVE_GRADES as unknown as string[], { message: '完成等级须为 达成、部分达成 或 未达成' })
  grade?: QualitativeGrade | null;
  /** Explicit 得分 (qualitative rows within the grade band, compare rows within [0, 分值]). */
  @IsOptional() @IsString({ message: pointsMessage('得分') }) @Matches(POINTS_PATTERN, { message: pointsMessage('得分') })
  score?: string | null;
  /** Explicit 分值 (all rows of a group or none; they must add up to the group weight). */
  @IsOptional() @IsString({ message: pointsMessage('分值') }) @Matches(POINTS_PATTERN, { message: pointsMessage('分值') })
  weight?: string | null;
  @IsOptional() @IsBoolean({ message: '是否达成须为 true 或 false' })
  achieved?: boolean | null;
  @IsOptional() @IsString({ message: '完成情况说明必须是文本' }) @MaxLength(2000, { message: '完成情况说明最多 2000 个字符' }) @MultiLine('完成情况说明')
  description?: string | null;
  @IsOptional() @IsString({ message: '偏差原因分析及改进措施必须是文本' }) @MaxLength(2000, { message: '偏差原因分析及改进措施最多 2000 个字符' }) @MultiLine('偏差原因分析及改进措施')
  deviationReason?: string | null;
}

/** PUT /api/projects/:id/evaluation (If-Match) */
export class PutEvaluationDto implements Api.PutEvaluationDto {
  @RequiredObject('预算执行') @ValidateNested({ message: '预算执行须为对象' }) @Type(() => EvaluationBudgetDto)
  budget!: EvaluationBudgetDto;
  @IsArray({ message: '自评指标 items 须为数组' }) @ArrayMaxSize(500, { message: '自评指标最多 500 行' })
  @ValidateNested({ each: true }) @Type(() => EvaluationItemDto)
  items!: EvaluationItemDto[];
  /** 年度总体目标实际完成情况. */
  @IsOptional() @IsString({ message: '总体目标完成情况必须是文本' }) @MaxLength(5000, { message: '总体目标完成情况最多 5000 个字符' }) @MultiLine('总体目标完成情况')
  goalAchievement?: string | null;
  /** The funds block's other rows (absent: left as stored). */
  @IsOptional() @ValidateNested({ message: '项目资金须为对象' }) @Type(() => EvaluationFundsDto)
  funds?: EvaluationFundsDto | null;
  /** The 自评报告 (absent: left as stored). */
  @IsOptional() @ValidateNested({ message: `${EVALUATION_REPORT_TITLE}须为对象` }) @Type(() => EvaluationReportDto)
  report?: EvaluationReportDto | null;
}

/** The reviewer's deduction of one row (10号: an actual far above a target set too low, reduced by the deviation). */
export class EvaluationDeductionDto implements Api.EvaluationDeductionDto {
  @IsUUID('all', { message: '指标 indicatorId 无效' })
  indicatorId!: string;
  /** true: apply the deduction (a reason is required); false: remove it. */
  @IsBoolean({ message: '是否扣分 apply 须为 true 或 false' })
  apply!: boolean;
  @IsOptional() @IsString({ message: '扣分理由必须是文本' }) @MaxLength(2000, { message: '扣分理由最多 2000 个字符' })
  reason?: string | null;
}

/** PATCH /api/projects/:id/evaluation (If-Match): the reviewer whose turn it is applies or removes deductions. */
export class PatchEvaluationDto implements Api.PatchEvaluationDto {
  @IsArray({ message: '扣分 deductions 须为数组' }) @ArrayMinSize(1, { message: '扣分 deductions 至少一项' })
  @ArrayMaxSize(500, { message: '扣分最多 500 项' })
  @ValidateNested({ each: true }) @Type(() => EvaluationDeductionDto)
  deductions!: EvaluationDeductionDto[];
}

/** POST /api/projects/:id/evaluation/transitions (If-Match) */
export class EvaluationTransitionDto implements Api.EvaluationTransitionDto {
  @IsIn(['submit', 'approve', 'return', 'withdraw'], { message: '操作须为 submit、approve、return 或 withdraw' })
  action!: TransitionAction;
  @IsOptional() @IsString({ message: '意见必须是文本' }) @MaxLength(2000, { message: '意见最多 2000 个字符' })
  comment?: string;
}
