import type {
  BudgetLightResult,
  DeviationReason,
  EvaluationGroupResult,
  EvaluationProblem,
  Likelihood,
  MonitoringLight,
  QualitativeGrade,
  TargetValue,
  TotalGrade,
} from '@pt/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { ProjectStatus, TransitionAction } from './projects';
import { MultiLine, RequiredObject, SingleLine } from './text-rules';
import type { ProjectScoringBasis } from './frameworks';

// Self-evaluation (绩效自评, domain §8) and in-year monitoring (运行监控, domain §7).
// The evaluation has its own review workflow with the states and actions of the project's.

const MONEY = /^\d{1,13}(\.\d{1,2})?$/;
const MONEY_MSG = (label: string) => `${label}须为不超过两位小数的非负金额（元），如 500000.00`;
/** An actual or current value: a decimal in the target's unit, sign allowed (a negative actual scores 0). */
const DECIMAL = /^-?\d{1,15}(\.\d{1,4})?$/;
const DECIMAL_MSG = (label: string) => `${label}须为数字（最多四位小数），单位与指标值相同，如 95 或 12.5`;
const POINTS = /^\d{1,3}(\.\d{1,2})?$/;
const POINTS_MSG = (label: string) => `${label}须为不超过两位小数的非负分数，如 10 或 7.50`;

export const QUALITATIVE_GRADES: readonly QualitativeGrade[] = ['达成', '部分达成', '未达成'];
export const LIKELIHOOD_OPTIONS: readonly Likelihood[] = ['确定能', '有可能', '完全不可能'];
export const DEVIATION_REASON_OPTIONS: readonly DeviationReason[] = ['经费保障', '制度保障', '人员保障', '硬件条件保障', '其他'];

/** 预算执行 of the self-evaluation (元). */
export class EvaluationBudgetDto {
  @IsString({ message: MONEY_MSG('全年预算数') }) @Matches(MONEY, { message: MONEY_MSG('全年预算数') })
  annualBudget!: string;
  @IsString({ message: MONEY_MSG('全年执行数') }) @Matches(MONEY, { message: MONEY_MSG('全年执行数') })
  executed!: string;
}

/** A source row of the funds block (10号 附件1: 当年财政拨款 / 上年结转资金 / 其他资金), in yuan. */
export class EvaluationFundsRowDto {
  @IsOptional() @IsString({ message: MONEY_MSG('年初预算数') }) @Matches(MONEY, { message: MONEY_MSG('年初预算数') })
  initialBudget?: string | null;
  @IsOptional() @IsString({ message: MONEY_MSG('全年预算数') }) @Matches(MONEY, { message: MONEY_MSG('全年预算数') })
  annualBudget?: string | null;
  @IsOptional() @IsString({ message: MONEY_MSG('全年执行数') }) @Matches(MONEY, { message: MONEY_MSG('全年执行数') })
  executed?: string | null;
}

/**
 * The funds block beyond `budget` (元): the total row's 年初预算数 (its 全年预算数 / 全年执行数 are
 * `budget.annualBudget` / `budget.executed`) and the three source rows. Optional; each source's figures must
 * add up to the total before 提交 (422 on submit, never on save).
 */
export class EvaluationFundsDto {
  @IsOptional() @IsString({ message: MONEY_MSG('年初预算数') }) @Matches(MONEY, { message: MONEY_MSG('年初预算数') })
  initialBudget?: string | null;
  @IsOptional() @ValidateNested({ message: '当年财政拨款须为对象' }) @Type(() => EvaluationFundsRowDto)
  fiscal?: EvaluationFundsRowDto | null;
  @IsOptional() @ValidateNested({ message: '上年结转资金须为对象' }) @Type(() => EvaluationFundsRowDto)
  carryover?: EvaluationFundsRowDto | null;
  @IsOptional() @ValidateNested({ message: '其他资金须为对象' }) @Type(() => EvaluationFundsRowDto)
  other?: EvaluationFundsRowDto | null;
}

/** One row of the self-evaluation, keyed by the indicator of the approved table. */
export class EvaluationItemDto {
  @IsUUID('all', { message: '指标 indicatorId 无效' })
  indicatorId!: string;
  @IsOptional() @IsString({ message: DECIMAL_MSG('实际完成值') }) @Matches(DECIMAL, { message: DECIMAL_MSG('实际完成值') })
  actual?: string | null;
  /** The unit the actual was measured in, when it is given; must equal the target's unit. */
  @IsOptional() @IsString({ message: '实际完成值的单位必须是文本' }) @MaxLength(20, { message: '实际完成值的单位最多 20 个字符' }) @SingleLine('实际完成值的单位')
  actualUnit?: string | null;
  @IsOptional() @IsIn(QUALITATIVE_GRADES as unknown as string[], { message: '完成等级须为 达成、部分达成 或 未达成' })
  grade?: QualitativeGrade | null;
  /** Explicit 得分 (qualitative rows within the grade band, compare rows within [0, 分值]). */
  @IsOptional() @IsString({ message: POINTS_MSG('得分') }) @Matches(POINTS, { message: POINTS_MSG('得分') })
  score?: string | null;
  /** Explicit 分值 (all rows of a group or none; they must add up to the group weight). */
  @IsOptional() @IsString({ message: POINTS_MSG('分值') }) @Matches(POINTS, { message: POINTS_MSG('分值') })
  weight?: string | null;
  @IsOptional() @IsBoolean({ message: '是否达成须为 true 或 false' })
  achieved?: boolean | null;
  @IsOptional() @IsString({ message: '完成情况说明必须是文本' }) @MaxLength(2000, { message: '完成情况说明最多 2000 个字符' }) @MultiLine('完成情况说明')
  description?: string | null;
  @IsOptional() @IsString({ message: '偏差原因分析及改进措施必须是文本' }) @MaxLength(2000, { message: '偏差原因分析及改进措施最多 2000 个字符' }) @MultiLine('偏差原因分析及改进措施')
  deviationReason?: string | null;
}

/** PUT /api/projects/:id/evaluation (If-Match) */
export class PutEvaluationDto {
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
}

/** The reviewer's deduction of one row (10号: an actual far above a target set too low, reduced by the deviation). */
export class EvaluationDeductionDto {
  @IsUUID('all', { message: '指标 indicatorId 无效' })
  indicatorId!: string;
  /** true: apply the deduction (a reason is required); false: remove it. */
  @IsBoolean({ message: '是否扣分 apply 须为 true 或 false' })
  apply!: boolean;
  @IsOptional() @IsString({ message: '扣分理由必须是文本' }) @MaxLength(2000, { message: '扣分理由最多 2000 个字符' })
  reason?: string | null;
}

/** PATCH /api/projects/:id/evaluation (If-Match): the reviewer whose turn it is applies or removes deductions. */
export class PatchEvaluationDto {
  @IsArray({ message: '扣分 deductions 须为数组' }) @ArrayMinSize(1, { message: '扣分 deductions 至少一项' })
  @ArrayMaxSize(500, { message: '扣分最多 500 项' })
  @ValidateNested({ each: true }) @Type(() => EvaluationDeductionDto)
  deductions!: EvaluationDeductionDto[];
}

/** POST /api/projects/:id/evaluation/transitions (If-Match) */
export class EvaluationTransitionDto {
  @IsIn(['submit', 'approve', 'return', 'withdraw'], { message: '操作须为 submit、approve、return 或 withdraw' })
  action!: TransitionAction;
  @IsOptional() @IsString({ message: '意见必须是文本' }) @MaxLength(2000, { message: '意见最多 2000 个字符' })
  comment?: string;
}

/** One scored row: the row of the approved table, what was entered, and the result. */
export interface EvaluationItem {
  indicatorId: string;
  level1: string;
  level2: string;
  name: string;
  target: TargetValue;
  /** What the evaluator entered (null where nothing was). */
  input: {
    actual: string | null;
    actualUnit: string | null;
    grade: QualitativeGrade | null;
    score: string | null;
    weight: string | null;
    achieved: boolean | null;
    description: string | null;
    deviationReason: string | null;
  };
  /** 分值 used, two decimals. */
  weight: string;
  /** 得分, two decimals, half-up. */
  score: string;
  achieved: boolean | null;
  flags: string[];
  /** The reviewer's deduction for a far-exceeded target (flag DEVIATION_DEDUCTED when applied): `points` taken off. */
  deduction: EvaluationDeduction | null;
}

export interface EvaluationDeduction {
  reason: string;
  userName: string;
  at: string;
  /** 分值 − 得分 of the row, two decimals ("0.00" when the row is no longer far above its target). */
  points: string;
}

/** One row of the funds block (元, decimal strings; null where nothing is known). */
export interface EvaluationFundsRow {
  initialBudget: string | null;
  annualBudget: string | null;
  executed: string | null;
}

/** GET/PUT /api/projects/:id/evaluation */
export interface Evaluation {
  projectId: string;
  /** The project's version: the ETag of this answer and the If-Match of the next write. */
  version: number;
  /** The evaluation's own review state; `draft` before anything was saved. */
  status: ProjectStatus;
  /** Whether anything was saved yet. */
  saved: boolean;
  budget: { annualBudget: string | null; executed: string | null };
  /**
   * The funds block of 10号 附件1 (元): `total` is 年度资金总额 (its annualBudget / executed are `budget`'s), then
   * 其中 当年财政拨款, 上年结转资金, 其他资金. Before anything is stored, 年初预算数 and 全年预算数 come from the
   * project's 年度资金申请 (annualTotal, annualFiscal, carryover, annualOther).
   */
  funds: { total: EvaluationFundsRow; fiscal: EvaluationFundsRow; carryover: EvaluationFundsRow; other: EvaluationFundsRow };
  /**
   * Set while 全年执行数 (`budget.executed`) is not the evaluator's yet but carried from the latest monitoring
   * report's 截至当月执行数 (the executed amount, not the 全年预计执行数 forecast): its month. Null once saved.
   */
  executedCarried: { source: 'monitoring'; month: number } | null;
  /** What 提交 checks beyond the scoring (偏差原因 of a missed target, the funds adding up): errors refuse 提交 with 422. */
  submissionProblems: EvaluationProblem[];
  goalAchievement: string | null;
  executionRate: string;
  executionScore: string;
  items: EvaluationItem[];
  indicatorScore: string;
  totalScore: string;
  grade: TotalGrade;
  groups: EvaluationGroupResult[];
  /** Warnings of the scoring (errors are refused with 422 on save). */
  problems: EvaluationProblem[];
  updatedAt: string | null;
  permissions: {
    edit: boolean;
    actions: TransitionAction[];
    /** The reviewer whose turn it is may apply deductions (PATCH). */
    deduct?: boolean;
  };
  /** The framework and settings versions the project was declared under: the browser scores live with these. */
  basis: ProjectScoringBasis;
}

// ---------------------------------------------------------------------------------------------
// Monitoring

export class MonitoringBudgetDto {
  @IsOptional() @IsString({ message: MONEY_MSG('年初预算数') }) @Matches(MONEY, { message: MONEY_MSG('年初预算数') })
  annualBudget?: string | null;
  @IsOptional() @IsString({ message: MONEY_MSG('截至当月执行数') }) @Matches(MONEY, { message: MONEY_MSG('截至当月执行数') })
  executed?: string | null;
  @IsOptional() @IsString({ message: MONEY_MSG('全年预计执行数') }) @Matches(MONEY, { message: MONEY_MSG('全年预计执行数') })
  expectedExecuted?: string | null;
}

export class MonitoringItemDto {
  @IsUUID('all', { message: '指标 indicatorId 无效' })
  indicatorId!: string;
  /** A number in the target's unit for a quantitative row, a text for the others (checked per row by the domain's `monitoringCurrentProblem`). */
  @IsOptional() @IsString({ message: '当前完成值必须是文本' }) @MaxLength(200, { message: '当前完成值最多 200 个字符' })
  current?: string | null;
  /** 全年预计完成情况 (free text, e.g. "100%" or "预计可完成"). */
  @IsOptional() @IsString({ message: '全年预计完成情况必须是文本' }) @MaxLength(200, { message: '全年预计完成情况最多 200 个字符' })
  expected?: string | null;
  @IsOptional() @IsIn(LIKELIHOOD_OPTIONS as unknown as string[], { message: '完成目标可能性须为 确定能、有可能 或 完全不可能' })
  likelihood?: Likelihood | null;
  @IsOptional() @IsArray({ message: '偏差原因须为数组' }) @ArrayMaxSize(5, { message: '偏差原因最多 5 项' })
  @IsIn(DEVIATION_REASON_OPTIONS as unknown as string[], { each: true, message: '偏差原因须为 经费保障、制度保障、人员保障、硬件条件保障 或 其他' })
  reasons?: DeviationReason[];
  @IsOptional() @IsString({ message: '纠偏措施必须是文本' }) @MaxLength(2000, { message: '纠偏措施最多 2000 个字符' }) @MultiLine('纠偏措施')
  measures?: string | null;
}

/** PUT /api/projects/:id/monitoring (If-Match): one month's report (a later save of the same month replaces it). */
export class PutMonitoringDto {
  @Type(() => Number) @IsInt({ message: '监控月份须为 1–12 的整数' }) @Min(1, { message: '监控月份须为 1–12 的整数' }) @Max(12, { message: '监控月份须为 1–12 的整数' })
  month!: number;
  @RequiredObject('预算执行') @ValidateNested({ message: '预算执行须为对象' }) @Type(() => MonitoringBudgetDto)
  budget!: MonitoringBudgetDto;
  @IsArray({ message: '监控指标 items 须为数组' }) @ArrayMaxSize(500, { message: '监控指标最多 500 行' })
  @ValidateNested({ each: true }) @Type(() => MonitoringItemDto)
  items!: MonitoringItemDto[];
}

export class MonitoringQueryDto {
  @IsOptional() @Type(() => Number) @IsInt({ message: '监控月份须为 1–12 的整数' }) @Min(1, { message: '监控月份须为 1–12 的整数' }) @Max(12, { message: '监控月份须为 1–12 的整数' })
  month?: number;
}

export interface MonitoringItem {
  indicatorId: string;
  level1: string;
  level2: string;
  name: string;
  target: TargetValue;
  current: string | null;
  expected: string | null;
  likelihood: Likelihood | null;
  reasons: DeviationReason[];
  measures: string | null;
  light: MonitoringLight;
  /** Progress in percent, two decimals, null where there is none. */
  progress: string | null;
}

/** GET/PUT /api/projects/:id/monitoring */
export interface Monitoring {
  projectId: string;
  /** The project's version: the ETag of this answer and the If-Match of the next write. */
  version: number;
  /** The month of this report; null when nothing was reported yet. */
  month: number | null;
  /** Months with a saved report. */
  months: number[];
  budget: { annualBudget: string | null; executed: string | null; expectedExecuted: string | null };
  budgetLight: BudgetLightResult;
  items: MonitoringItem[];
  /** The project's light: its worst row or budget light. */
  light: MonitoringLight;
  updatedAt: string | null;
  permissions: { edit: boolean };
}

/** GET /api/monitoring?year=&orgId= — the lights of every visible approved project (department view). */
export class MonitoringOverviewQueryDto {
  @Type(() => Number) @IsInt({ message: '年度须为整数' }) @Min(2000, { message: '年度不早于 2000' }) @Max(2100, { message: '年度不晚于 2100' })
  year!: number;
  @IsOptional() @IsUUID('all', { message: '单位 orgId 无效' })
  orgId?: string;
}

export interface MonitoringOverviewRow {
  projectId: string;
  name: string;
  orgId: string;
  orgName: string;
  month: number | null;
  light: MonitoringLight;
  budgetLight: MonitoringLight;
  executionRate: string | null;
  /** Rows per light. */
  counts: Record<MonitoringLight, number>;
}

// ---------------------------------------------------------------------------------------------
// Dashboard

export class DashboardQueryDto {
  @Type(() => Number) @IsInt({ message: '年度须为整数' }) @Min(2000, { message: '年度不早于 2000' }) @Max(2100, { message: '年度不晚于 2100' })
  year!: number;
  @IsOptional() @IsUUID('all', { message: '单位 orgId 无效' })
  orgId?: string;
}

/** GET /api/dashboard?year=&orgId= — every figure counts visible projects of the year under the organisation. */
export interface Dashboard {
  year: number;
  orgId: string | null;
  projectCount: number;
  byStatus: { status: ProjectStatus; count: number }[];
  /** Evaluations by their review state (projects without a saved evaluation are not counted). */
  evaluationsByStatus: { status: ProjectStatus; count: number }[];
  /** Saved evaluations by grade. */
  grades: { grade: TotalGrade; count: number }[];
  /** Score distribution in bands of 10 from "<60" to "90–100". */
  scoreBands: { label: string; min: number; max: number; count: number }[];
  /** Approved projects whose latest monitoring light is red. */
  redProjects: { id: string; name: string; orgName: string; month: number | null }[];
  /** Units by average total score of their saved evaluations, best first. */
  unitRanking: { orgId: string; orgName: string; averageScore: string; count: number }[];
}
