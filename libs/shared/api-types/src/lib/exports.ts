import type { IndicatorMeta } from '@pt/domain';
import type { Funds, ProjectStatus } from './projects';
import type { DepartmentFields, PolicyFields, TargetKindKey } from './targets';

/**
 * The forms of the 部门（单位）整体 and 政策 targets by name. `declaration` / `evaluation` give the form of the target's own
 * kind; a kind's named form on a target of another kind is refused (400).
 */
export const KIND_EXPORT_FORMS = ['department-declaration', 'policy-declaration', 'department-evaluation', 'policy-evaluation'] as const;
export type KindExportForm = (typeof KIND_EXPORT_FORMS)[number];
export const KIND_EXPORT_FORM_LABELS: Record<KindExportForm, string> = {
  'department-declaration': '部门整体申报表',
  'policy-declaration': '政策申报表',
  'department-evaluation': '部门整体自评表',
  'policy-evaluation': '政策自评表',
};

export const EXPORT_FORMS = ['declaration', 'evaluation', 'monitoring', ...KIND_EXPORT_FORMS] as const;
export type ExportForm = (typeof EXPORT_FORMS)[number];
/** File formats of one project's form (GET /api/projects/:id/export). */
export const EXPORT_FORMATS = ['xlsx', 'pdf', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A kind's named form in a batch takes only the targets of that kind. */
export const BATCH_FORMS = ['declaration', 'evaluation', 'publication', ...KIND_EXPORT_FORMS] as const;
export type BatchForm = (typeof BATCH_FORMS)[number];
/** File formats of a batch export (GET /api/exports, POST /api/export-jobs). */
export const BATCH_FORMATS = ['xlsx', 'pdf', 'zip', 'docx'] as const;
export type BatchFormat = (typeof BATCH_FORMATS)[number];

/** What an import does with a project whose name already exists for the unit and year. */
export const IMPORT_CHOICES = ['replace', 'keepBoth', 'skip'] as const;
export type ImportChoice = (typeof IMPORT_CHOICES)[number];
export const IMPORT_CHOICE_LABELS: Record<ImportChoice, string> = { replace: '替换', keepBoth: '保留两份', skip: '跳过' };

/** The choice for one clashing name (as the preview printed it). */
export interface ImportChoiceDto {
  name: string;
  choice: ImportChoice;
}

/** POST /api/imports/text?dryRun= */
export interface ImportTextDto {
  text: string;
  year: number;
  orgId: string;
  frameworkCode?: string;
  /** Per clashing name; without one a create that meets an existing name answers 409 and creates nothing. */
  choices?: ImportChoiceDto[];
  /** The kind of target the pasted tables are (a paste has no form title to tell it); project when left out. */
  kind?: TargetKindKey;
}

/** An indicator row as an import reads it. */
export type ImportedIndicatorRow = { level1: string; level2: string; name: string; target: string; core?: boolean; weight?: string | null } & IndicatorMeta;

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
  /** With 指标解释 … 数据来源 where the file has them (an .xlsx written with them). The annual table. */
  indicators: ImportedIndicatorRow[];
  /** The kind of target: from the form's title, else the kind chosen for the import (project by default). */
  kind: TargetKindKey;
  /** 部门（单位）整体: 年度预算申请 and 年度主要任务 (null for the other kinds). */
  department?: DepartmentFields | null;
  /** 政策: 政策依据, 实施期, 资金规模 (null for the other kinds). */
  policy?: PolicyFields | null;
  /** A policy's 中期 table (the overall goal's rows); empty for the other kinds. */
  totalIndicators?: ImportedIndicatorRow[];
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
