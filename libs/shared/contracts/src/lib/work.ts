import { REVIEW_GRADES, TASK_KINDS, TRANSITION_ACTIONS, type ReviewGrade, type TaskKind, type TransitionAction } from '@pt/domain';
import type * as Api from '@pt/shared/api-types';
import { BATCH_TRANSITION_LIMIT, DATE_PATTERN } from '@pt/shared/api-types';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsDefined,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { Year } from './field-rules';
import { MultiLine, NotBlank, SingleLine } from './text-rules';

const GRADE_MESSAGE = (label: string) => `${label}须为 优、良、中 或 差`;

/** A calendar date that exists (2026-02-30 does not), YYYY-MM-DD. */
function RealDate(label: string): PropertyDecorator {
  return ValidateBy({
    name: 'realDate',
    validator: {
      validate: (v: unknown) => {
        if (typeof v !== 'string' || !DATE_PATTERN.test(v)) return false;
        const d = new Date(`${v}T00:00:00Z`);
        return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
      },
      defaultMessage: () => `${label}须为有效日期 YYYY-MM-DD`,
    },
  });
}

/** The structured review of 财预〔2015〕88号: each dimension 优/良/中/差. */
export class StructuredReviewDto implements Api.StructuredReview {
  @IsIn(REVIEW_GRADES as unknown as string[], { message: GRADE_MESSAGE('完整性') })
  completeness!: ReviewGrade;
  @IsIn(REVIEW_GRADES as unknown as string[], { message: GRADE_MESSAGE('相关性') })
  relevance!: ReviewGrade;
  @IsIn(REVIEW_GRADES as unknown as string[], { message: GRADE_MESSAGE('适当性') })
  appropriateness!: ReviewGrade;
  @IsIn(REVIEW_GRADES as unknown as string[], { message: GRADE_MESSAGE('可行性') })
  feasibility!: ReviewGrade;
  @IsIn(REVIEW_GRADES as unknown as string[], { message: GRADE_MESSAGE('总体评价') })
  overall!: ReviewGrade;
}

/** POST /api/tasks */
export class CreateTaskDto implements Api.CreateTaskBody {
  @IsIn(TASK_KINDS as unknown as string[], { message: '任务类型须为 declaration（申报）、monitoring（监控）或 evaluation（自评）' })
  kind!: TaskKind;
  @Year()
  year!: number;
  /** Required for monitoring (checked with the kind in the service), refused for the others. */
  @IsOptional() @IsInt({ message: '监控月份须为 1–12 的整数' }) @Min(1, { message: '监控月份须为 1–12 的整数' }) @Max(12, { message: '监控月份须为 1–12 的整数' })
  month?: number | null;
  @IsString({ message: '任务名称必须是文本' }) @MinLength(1, { message: '请填写任务名称' }) @MaxLength(200, { message: '任务名称最多 200 个字符' })
  @NotBlank('任务名称') @SingleLine('任务名称')
  title!: string;
  @IsString({ message: '截止日期须为 YYYY-MM-DD' }) @RealDate('截止日期')
  deadline!: string;
  @IsOptional() @IsArray({ message: '单位 orgIds 须为数组' }) @ArrayMinSize(1, { message: '至少选择一个单位' }) @ArrayMaxSize(2000, { message: '单位最多 2000 个' })
  @ArrayUnique({ message: '单位不能重复' }) @IsUUID('all', { each: true, message: '单位 orgIds 中有无效的编号' })
  orgIds?: string[];
}

/** GET /api/tasks?year= */
export class TasksQueryDto {
  @IsOptional() @Year()
  year?: number;
}

export class BatchItemDto {
  @IsUUID('all', { message: '目标编号 id 无效' })
  id!: string;
  @Type(() => Number) @IsInt({ message: '版本号 version 须为正整数' }) @Min(1, { message: '版本号 version 须为正整数' })
  version!: number;
}

/** POST /api/transitions: one action on many targets, each on its own. */
export class BatchTransitionDto implements Api.BatchTransitionBody {
  @IsIn(TRANSITION_ACTIONS as unknown as string[], { message: '操作须为 submit、approve、return 或 withdraw' })
  action!: TransitionAction;
  @IsOptional() @IsString({ message: '意见必须是文本' }) @MaxLength(2000, { message: '意见最多 2000 个字符' }) @MultiLine('意见')
  comment?: string;
  @IsOptional() @ValidateNested({ message: '审核意见 review 须为对象' }) @Type(() => StructuredReviewDto)
  review?: StructuredReviewDto | null;
  @IsDefined({ message: '请选择目标 items' })
  @IsArray({ message: '目标 items 须为数组' })
  @ArrayMinSize(1, { message: '请至少选择一个目标' })
  @ArrayMaxSize(BATCH_TRANSITION_LIMIT, { message: `一次最多处理 ${BATCH_TRANSITION_LIMIT} 个目标` })
  @ValidateNested({ each: true }) @Type(() => BatchItemDto)
  items!: BatchItemDto[];
}
