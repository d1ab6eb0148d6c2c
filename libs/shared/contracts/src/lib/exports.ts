import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import type { Funds, ProjectStatus } from './projects';

export const EXPORT_FORMS = ['declaration', 'evaluation', 'monitoring'] as const;
export type ExportForm = (typeof EXPORT_FORMS)[number];

/** GET /api/projects/:id/export?form=&format= */
export class ExportQueryDto {
  @IsIn(EXPORT_FORMS as unknown as string[], { message: '表单 form 须为 declaration（申报表）、evaluation（自评表）或 monitoring（监控表）' })
  form!: ExportForm;
  @IsIn(['xlsx', 'pdf', 'docx'], { message: '格式 format 须为 xlsx、pdf 或 docx（Word）' })
  format!: 'xlsx' | 'pdf' | 'docx';
}

export const BATCH_FORMS = ['declaration', 'evaluation', 'publication'] as const;
export type BatchForm = (typeof BATCH_FORMS)[number];

/** GET /api/exports?year=&orgId=&form=&format= */
export class BatchExportQueryDto {
  @Type(() => Number) @IsInt({ message: '年度须为整数' }) @Min(2000, { message: '年度不早于 2000' }) @Max(2100, { message: '年度不晚于 2100' })
  year!: number;
  @IsOptional() @IsUUID('all', { message: '单位 orgId 无效' })
  orgId?: string;
  @IsIn(BATCH_FORMS as unknown as string[], { message: '表单 form 须为 declaration、evaluation 或 publication（公开清单）' })
  form!: BatchForm;
  @IsIn(['xlsx', 'pdf', 'zip', 'docx'], { message: '格式 format 须为 xlsx、pdf、zip 或 docx（Word）' })
  format!: 'xlsx' | 'pdf' | 'zip' | 'docx';
}

/** What an import does with a project whose name already exists for the unit and year. */
export const IMPORT_CHOICES = ['replace', 'keepBoth', 'skip'] as const;
export type ImportChoice = (typeof IMPORT_CHOICES)[number];
export const IMPORT_CHOICE_LABELS: Record<ImportChoice, string> = { replace: '替换', keepBoth: '保留两份', skip: '跳过' };

/** The choice for one clashing name (as the preview printed it). */
export class ImportChoiceDto {
  @IsString({ message: '同名项目的名称 name 必须是文本' }) @MaxLength(300, { message: '项目名称最多 300 个字符' })
  name!: string;
  @IsIn(IMPORT_CHOICES as unknown as string[], { message: '同名项目的处理方式 choice 须为 replace（替换）、keepBoth（保留两份）或 skip（跳过）' })
  choice!: ImportChoice;
}

/** POST /api/imports/text?dryRun= */
export class ImportTextDto {
  @IsString({ message: '粘贴的文本 text 必须是文本' }) @MinLength(1, { message: '请粘贴要导入的表格文本' }) @MaxLength(500_000, { message: '粘贴的文本最多 50 万个字符' })
  text!: string;
  @Type(() => Number) @IsInt({ message: '年度须为整数' }) @Min(2000, { message: '年度不早于 2000' }) @Max(2100, { message: '年度不晚于 2100' })
  year!: number;
  @IsUUID('all', { message: '单位 orgId 无效' })
  orgId!: string;
  @IsOptional() @IsIn(['mof-2021', 'shanghai-2020'], { message: '指标体系须为 mof-2021 或 shanghai-2020' })
  frameworkCode?: string;
  /** Per clashing name; without one a create that meets an existing name answers 409 and creates nothing. */
  @IsOptional() @IsArray({ message: '同名项目的处理方式 choices 须为数组' }) @ArrayMaxSize(1000, { message: '同名项目的处理方式最多 1000 项' })
  @ValidateNested({ each: true }) @Type(() => ImportChoiceDto)
  choices?: ImportChoiceDto[];
}

export class ImportQueryDto {
  @IsOptional() @IsIn(['true', 'false'], { message: 'dryRun 须为 true 或 false' })
  dryRun?: 'true' | 'false';
}

/** POST /api/imports/xlsx?dryRun=&orgId= (the raw .xlsx as the body) */
export class ImportXlsxQueryDto extends ImportQueryDto {
  @IsUUID('all', { message: '单位 orgId 无效' })
  orgId!: string;
  @IsOptional() @Type(() => Number) @IsInt({ message: '年度须为整数' }) @Min(2000, { message: '年度不早于 2000' }) @Max(2100, { message: '年度不晚于 2100' })
  year?: number;
  /** The choices of ImportTextDto as JSON (`[{"name":"…","choice":"replace"}]`): the body is the file. */
  @IsOptional() @IsString({ message: 'choices 须为 JSON 文本' }) @MaxLength(100_000, { message: 'choices 过长' })
  choices?: string;
}

export interface ImportedProjectPreview {
  /** 1-based lines of the pasted text (or the sheet name for a workbook). */
  source: string;
  name: string;
  year: number;
  frameworkCode: string;
  nature: string | null;
  category: string | null;
  startDate: string | null;
  endDate: string | null;
  funds: Funds | null;
  totalGoal: string | null;
  annualGoal: string | null;
  indicators: { level1: string; level2: string; name: string; target: string; core?: boolean; weight?: string | null }[];
  /** The created draft's id (not on a dry run); the replaced target's id for `replace`. */
  id?: string;
  /** A target of this name already exists for the unit and year: the import asks what to do (choices). */
  existing?: { id: string; status: ProjectStatus; editable: boolean } | null;
  /** What the create did: created (also under a new name for keepBoth), replaced or skipped. */
  outcome?: 'created' | 'replaced' | 'skipped';
}

export interface ImportResult {
  dryRun: boolean;
  projects: ImportedProjectPreview[];
  problems: { line: number | string; message: string }[];
}
