import type { DeviationReason, Likelihood } from '@pt/domain';
import type * as Api from '@pt/shared/api-types';
import { DEVIATION_REASON_OPTIONS, LIKELIHOOD_OPTIONS, TARGET_KINDS, type TargetKindKey } from '@pt/shared/api-types';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { optionalAmounts, Year } from './field-rules';
import { KIND_MESSAGE } from './targets';
import { MultiLine, RequiredObject } from './text-rules';

// Request DTOs of in-year monitoring (运行监控, domain §7) and the dashboard (统计分析).


/** 预算执行 of a monthly report (元), each figure optional. */
export class MonitoringBudgetDto implements Api.MonitoringBudgetDto {
  annualBudget?: string | null;
  executed?: string | null;
  expectedExecuted?: string | null;
}
optionalAmounts(MonitoringBudgetDto, { annualBudget: '年初预算数', executed: '截至当月执行数', expectedExecuted: '全年预计执行数' });

export class MonitoringItemDto implements Api.MonitoringItemDto {
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
export class PutMonitoringDto implements Api.PutMonitoringDto {
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

/** GET /api/monitoring?year=&orgId= — the lights of every visible approved project (department view). */
export class MonitoringOverviewQueryDto {
  @Year()
  year!: number;
  @IsOptional() @IsUUID('all', { message: '单位 orgId 无效' })
  orgId?: string;
}

export class DashboardQueryDto {
  @Year()
  year!: number;
  @IsOptional() @IsUUID('all', { message: '单位 orgId 无效' })
  orgId?: string;
  /** One kind of target only (absent: every kind). */
  @IsOptional() @IsIn(TARGET_KINDS as unknown as string[], { message: KIND_MESSAGE })
  kind?: TargetKindKey;
}
