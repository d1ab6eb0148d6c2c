import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Year } from './field-rules';
import type * as Api from '@pt/shared/api-types';
import { TARGET_KIND_LABELS } from '@pt/domain';
import { BATCH_FORMATS, FRAMEWORK_CODES, BATCH_FORMS, EXPORT_FORMATS, EXPORT_FORMS, IMPORT_CHOICES, TARGET_KINDS, type TargetKindKey, type BatchForm, type BatchFormat, type ExportForm, type ExportFormat, type ImportChoice } from '@pt/shared/api-types';

/** GET /api/projects/:id/export?form=&format= */
export class ExportQueryDto {
  @IsIn(EXPORT_FORMS as unknown as string[], { message: '表单 form 须为 declaration（申报表）、evaluation（自评表）、monitoring（监控表）、department-declaration / policy-declaration（部门整体 / 政策申报表）或 department-evaluation / policy-evaluation（部门整体 / 政策自评表）' })
  form!: ExportForm;
  @IsIn(EXPORT_FORMATS as unknown as string[], { message: '格式 format 须为 xlsx、pdf 或 docx（Word）' })
  format!: ExportFormat;
}

/** GET /api/exports?year=&orgId=&form=&format= */
export class BatchExportQueryDto {
  @Year()
  year!: number;
  @IsOptional() @IsUUID('all', { message: '单位 orgId 无效' })
  orgId?: string;
  @IsIn(BATCH_FORMS as unknown as string[], { message: '表单 form 须为 declaration、evaluation、publication（公开清单）、department-declaration、policy-declaration、department-evaluation 或 policy-evaluation' })
  form!: BatchForm;
  @IsIn(BATCH_FORMATS as unknown as string[], { message: '格式 format 须为 xlsx、pdf、zip 或 docx（Word）' })
  format!: BatchFormat;
}

const IMPORT_KIND_MESSAGE = `目标类型 kind 须为 ${TARGET_KINDS.map((k) => `${k}（${TARGET_KIND_LABELS[k]}）`).join('、')}`;

/** The choice for one clashing name (as the preview printed it). */
export class ImportChoiceDto implements Api.ImportChoiceDto {
  @IsString({ message: '同名项目的名称 name 必须是文本' }) @MaxLength(300, { message: '项目名称最多 300 个字符' })
  name!: string;
  @IsIn(IMPORT_CHOICES as unknown as string[], { message: '同名项目的处理方式 choice 须为 replace（替换）、keepBoth（保留两份）或 skip（跳过）' })
  choice!: ImportChoice;
}

/** POST /api/imports/text?dryRun= */
export class ImportTextDto implements Api.ImportTextDto {
  @IsString({ message: '粘贴的文本 text 必须是文本' }) @MinLength(1, { message: '请粘贴要导入的表格文本' }) @MaxLength(500_000, { message: '粘贴的文本最多 50 万个字符' })
  text!: string;
  @Year()
  year!: number;
  @IsUUID('all', { message: '单位 orgId 无效' })
  orgId!: string;
  @IsOptional() @IsIn(FRAMEWORK_CODES as unknown as string[], { message: '指标体系须为 mof-2021 或 shanghai-2020' })
  frameworkCode?: string;
  /** Per clashing name; without one a create that meets an existing name answers 409 and creates nothing. */
  @IsOptional() @IsArray({ message: '同名项目的处理方式 choices 须为数组' }) @ArrayMaxSize(1000, { message: '同名项目的处理方式最多 1000 项' })
  @ValidateNested({ each: true }) @Type(() => ImportChoiceDto)
  choices?: ImportChoiceDto[];
  /** The kind of the pasted tables (a paste has no form title); project when left out. */
  @IsOptional() @IsIn(TARGET_KINDS as unknown as string[], { message: IMPORT_KIND_MESSAGE })
  kind?: TargetKindKey;
}

export class ImportQueryDto {
  @IsOptional() @IsIn(['true', 'false'], { message: 'dryRun 须为 true 或 false' })
  dryRun?: 'true' | 'false';
}

/** POST /api/imports/xlsx?dryRun=&orgId= (the raw .xlsx as the body) */
export class ImportXlsxQueryDto extends ImportQueryDto {
  @IsUUID('all', { message: '单位 orgId 无效' })
  orgId!: string;
  @IsOptional() @Year()
  year?: number;
  /** The choices of ImportTextDto as JSON (`[{"name":"…","choice":"replace"}]`): the body is the file. */
  @IsOptional() @IsString({ message: 'choices 须为 JSON 文本' }) @MaxLength(100_000, { message: 'choices 过长' })
  choices?: string;
  /** The kind of a sheet whose title is not one of our 申报表 (a form's title gives its own kind). */
  @IsOptional() @IsIn(TARGET_KINDS as unknown as string[], { message: IMPORT_KIND_MESSAGE })
  kind?: TargetKindKey;
}
