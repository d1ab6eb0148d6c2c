import { DEPARTMENT_FIELD_LABELS as D, POLICY_FIELD_LABELS as P, TARGET_KIND_LABELS } from '@pt/domain';
import type * as Api from '@pt/shared/api-types';
import { TARGET_KINDS, type TargetKindKey } from '@pt/shared/api-types';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { optionalAmounts, Year } from './field-rules';
import { CreateProjectDto, ListProjectsQueryDto, UpdateProjectDto } from './projects';
import { MultiLine, NotBlank, SingleLine } from './text-rules';

// Request DTOs of /api/targets: the project's DTOs plus the kind and its block (部门整体, 政策).

export const KIND_MESSAGE = `目标类型（kind）须为 ${TARGET_KINDS.join('、')}（${Object.values(TARGET_KIND_LABELS).join('、')}）`;
const TEXT_MAX = 5000;

/** 年度预算申请 (元): each amount optional. */
export class DepartmentBudgetDto implements Api.DepartmentBudgetInput {
  total?: string | null;
  fiscal?: string | null;
  other?: string | null;
  basic?: string | null;
  project?: string | null;
}
optionalAmounts(DepartmentBudgetDto, { total: `${D.budget}${D.budgetTotal}`, fiscal: `${D.budget}${D.fiscal}`, other: `${D.budget}${D.other}`, basic: D.basic, project: D.project });

/** One 年度主要任务 row. */
export class DepartmentTaskDto implements Api.DepartmentTaskInput {
  @IsString({ message: `请填写${D.taskName}` }) @MinLength(1, { message: `请填写${D.taskName}` }) @MaxLength(200, { message: `${D.taskName}最多 200 个字符` }) @NotBlank(D.taskName) @SingleLine(D.taskName)
  name!: string;
  @IsOptional() @IsString({ message: `${D.taskContent}必须是文本` }) @MaxLength(TEXT_MAX, { message: `${D.taskContent}最多 ${TEXT_MAX} 个字符` }) @MultiLine(D.taskContent)
  content?: string | null;
  amount?: string | null;
  fiscal?: string | null;
  other?: string | null;
}
optionalAmounts(DepartmentTaskDto, { amount: `${D.taskBudget}${D.taskAmount}`, fiscal: `${D.taskBudget}${D.fiscal}`, other: `${D.taskBudget}${D.other}` });

export class DepartmentFieldsDto implements Api.DepartmentFieldsInput {
  @IsOptional() @ValidateNested({ message: `${D.budget}须为对象` }) @Type(() => DepartmentBudgetDto)
  budget?: DepartmentBudgetDto | null;
  @IsOptional() @IsArray({ message: `${D.tasks}须为数组` }) @ArrayMaxSize(100, { message: `${D.tasks}最多 100 行` })
  @ValidateNested({ each: true }) @Type(() => DepartmentTaskDto)
  tasks?: DepartmentTaskDto[];
}

/** 政策依据, 实施期 (years), 资金规模. */
export class PolicyFieldsDto implements Api.PolicyFieldsInput {
  @IsOptional() @IsString({ message: `${P.basis}必须是文本` }) @MaxLength(TEXT_MAX, { message: `${P.basis}最多 ${TEXT_MAX} 个字符` }) @MultiLine(P.basis)
  basis?: string | null;
  @IsOptional() @Year(`${P.period}起始年度`)
  startYear?: number | null;
  @IsOptional() @Year(`${P.period}结束年度`)
  endYear?: number | null;
  totalFunds?: string | null;
  annualFunds?: string | null;
}
optionalAmounts(PolicyFieldsDto, { totalFunds: P.fundsTotal, annualFunds: P.fundsAnnual });

/** PATCH /api/targets/:id (and /api/projects/:id). */
export class UpdateTargetDto extends UpdateProjectDto implements Api.UpdateTargetDto {
  @IsOptional() @ValidateNested({ message: '部门整体字段（department）须为对象' }) @Type(() => DepartmentFieldsDto)
  department?: DepartmentFieldsDto | null;
  @IsOptional() @ValidateNested({ message: '政策字段（policy）须为对象' }) @Type(() => PolicyFieldsDto)
  policy?: PolicyFieldsDto | null;
}

/** POST /api/targets: a project's create, the kind, and a name that a department target may leave out. */
export class CreateTargetDto extends CreateProjectDto implements Api.CreateTargetDto {
  @IsIn(TARGET_KINDS as unknown as string[], { message: KIND_MESSAGE })
  kind!: TargetKindKey;
  @IsOptional() @ValidateNested({ message: '部门整体字段（department）须为对象' }) @Type(() => DepartmentFieldsDto)
  department?: DepartmentFieldsDto | null;
  @IsOptional() @ValidateNested({ message: '政策字段（policy）须为对象' }) @Type(() => PolicyFieldsDto)
  policy?: PolicyFieldsDto | null;
}

// the name's rules are the project's; absent, a department target takes its organisation's name (the store asks
// for it where a kind needs one)
IsOptional()(CreateTargetDto.prototype, 'name');

/** GET /api/targets query: the project list's filters and the kind. */
export class ListTargetsQueryDto extends ListProjectsQueryDto implements Api.ListTargetsQuery {
  @IsOptional() @IsIn(TARGET_KINDS as unknown as string[], { message: KIND_MESSAGE })
  kind?: TargetKindKey;
}
