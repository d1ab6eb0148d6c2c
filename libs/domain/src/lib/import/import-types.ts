import type { Funds } from '../types';

export type ImportLayout = '2020-lines' | '2024-tabs' | 'publication-list';
export type ImportFrameworkCode = 'shanghai-2020' | 'mof-2021';

/** One 三级 row found in a pasted table; `line` is 1-based in the pasted text. */
export interface ImportedRow {
  level1: string;
  level2: string;
  name: string;
  target: string;
  /** Marked core (★ in front of the name, publication list). */
  core: boolean;
  line: number;
}

/** A project (one target table, or one row of a publication list) found in pasted text. */
export interface ImportedProject {
  /** 1-based line where the table starts and ends in the pasted text. */
  lines: [number, number];
  layout: ImportLayout;
  frameworkCode: ImportFrameworkCode;
  year: number | null;
  name: string;
  nature: string | null;
  category: string | null;
  department: string | null;
  org: string | null;
  startDate: string | null;
  endDate: string | null;
  /** Decimal strings in yuan, no separators (万元 × 10000). */
  funds: Funds | null;
  overallGoal: string | null;
  annualGoal: string | null;
  /** Placeholder rows (empty 三级 and value) are dropped. */
  rows: ImportedRow[];
}

/** Something the user should see in the preview before anything is created. */
export interface ImportProblem {
  line: number;
  /** Chinese, shown as is. */
  message: string;
}

export interface ParsePublishedOptions {
  /** Budget year used where the pasted text prints none. */
  year?: number;
}

export interface ParsePublishedResult {
  projects: ImportedProject[];
  problems: ImportProblem[];
}

/** One line of the pasted text. */
export interface SourceLine {
  /** 1-based line number in the paste. */
  no: number;
  raw: string;
  /** Trimmed (also of ideographic spaces). */
  text: string;
  /** Cells (trimmed, HTML artefacts removed) when the line holds a tab, else null. */
  cells: string[] | null;
}
