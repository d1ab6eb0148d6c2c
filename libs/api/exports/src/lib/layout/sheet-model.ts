import {
  ANNUAL_TARGET_COLUMN,
  EVALUATION_FIELD_LABELS as E,
  FUNDS_COLUMN_LABELS,
  getFramework,
  INDICATOR_COLUMN_LABELS as IND,
  KIND_FORM_LABELS,
  MONITORING_FIELD_LABELS as M,
  normaliseLevelName,
  PROJECT_FIELD_LABELS as F,
  REVIEW_BLOCK_LABEL,
  YUAN_SUFFIX,
  type Framework,
} from '@pt/domain';
import type { Monitoring, Project } from '@pt/shared/contracts';
import { groupRows } from './group-rows';

/**
 * The official layouts (domain §9) as a neutral model: the .xlsx and the PDF writers both draw it, so the
 * two files always say the same. A sheet is a grid of `width` columns: a title, a header block of label /
 * value cells, the indicator table with its 一级/二级 cells merged down, and an optional footer block.
 */
export interface BlockCell {
  /** The text as printed (an amount with thousands separators, "1,200,000.00"). */
  text: string;
  /**
   * An amount as a plain decimal string ("1200000.00"): the .xlsx writes it as a number cell with the format
   * `#,##0.00` so that Excel can add it up; the PDF and Word print `text`.
   */
  amount?: string;
  /** Columns this cell spans (default 1). */
  span?: number;
  /** A label (bold, shaded) rather than a value. */
  label?: boolean;
}

export interface SheetModel {
  /** Worksheet name (≤ 31 characters, no []:*?/\). */
  sheetName: string;
  title: string;
  subtitle: string;
  columns: { header: string; width: number }[];
  header: BlockCell[][];
  /** The indicator table's body; `merges` merge cells down (一级, 二级). */
  rows: string[][];
  merges: { row: number; col: number; rowSpan: number }[];
  footer: BlockCell[][];
}

/** The published titles: the 2024 Shanghai tables' 申报表 and 财预〔2020〕10号 附件1's 自评表. */
export const DECLARATION_TITLE = '财政项目支出绩效目标申报表';
/** The title of 申报表 files written before the published title was used (the import still reads them). */
export const LEGACY_DECLARATION_TITLE = '项目支出绩效目标申报表';
export const EVALUATION_TITLE = KIND_FORM_LABELS.project.evaluation;
export const MONITORING_TITLE = KIND_FORM_LABELS.project.monitoring;

/** The 一级/二级 merges of a table body: runs of equal 一级, and of equal 二级 inside one 一级. */
export function mergeRuns(rows: readonly string[][]): SheetModel['merges'] {
  const merges: SheetModel['merges'] = [];
  for (const col of [0, 1]) {
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      const same =
        i < rows.length &&
        rows[i][col] !== '' &&
        normaliseLevelName(rows[i][col]) === normaliseLevelName(rows[start][col]) &&
        (col === 0 || normaliseLevelName(rows[i][0]) === normaliseLevelName(rows[start][0]));
      if (!same) {
        if (i - start > 1) merges.push({ row: start, col, rowSpan: i - start });
        start = i;
      }
    }
  }
  return merges;
}

/** An indicator row as every form's table starts it: 一级, 二级, 名称 and the target as entered. */
export interface TableItem {
  level1: string;
  level2: string;
  name: string;
  target: { raw: string };
}

/** The parts of a form drawn by indicatorSheet. */
export interface IndicatorSheet<T extends TableItem> {
  sheetName: string;
  title: string;
  year: number;
  items: readonly T[];
  framework: Framework | undefined;
  targetHeader: string;
  widths: readonly [number, number, number, number];
  more: SheetModel['columns'];
  cells: (item: T) => string[];
  header: BlockCell[][];
  footer: BlockCell[][];
}

/**
 * A form whose body is the indicator table (申报表, 自评表, 监控表): `items` grouped as the printed forms group them
 * (groupRows), each row 一级, 二级, 名称, the target column headed `targetHeader`, then the form's own `cells`
 * under its `more` columns; `widths` are those of the first four columns. Titled `（year年度）`, 一级/二级 merged down.
 */
export function indicatorSheet<T extends TableItem>(s: IndicatorSheet<T>): SheetModel {
  const rows = groupRows(s.items, s.framework).map((it) => [it.level1, it.level2, it.name, it.target.raw, ...s.cells(it)]);
  const [level1, level2, name, target] = s.widths;
  const first = [
    { header: IND.level1, width: level1 },
    { header: IND.level2, width: level2 },
    { header: IND.name, width: name },
    { header: s.targetHeader, width: target },
  ];
  return { sheetName: s.sheetName, title: s.title, subtitle: `（${s.year}年度）`, columns: [...first, ...s.more], header: s.header, rows, merges: mergeRuns(rows), footer: s.footer };
}

/**
 * The optional arguments of every kind's 申报表: the worksheet's name (the target's by default), the signatures, and
 * the framework version it was declared under (the shipped one of its code by default).
 */
export type DeclarationArgs = [sheetName?: string, signatures?: Signatures, framework?: Framework];

/** A 申报表 of any kind: the kind's `parts` (title, table, header block) for the framework, the year, the signature footer. */
export function declarationSheet<T extends TableItem>(
  t: { name: string; year: number; frameworkCode: string },
  [sheetName = t.name, signatures = NO_SIGNATURES, framework = getFramework(t.frameworkCode)]: DeclarationArgs,
  parts: (framework: Framework | undefined) => Omit<IndicatorSheet<T>, 'sheetName' | 'year' | 'framework' | 'footer'>,
): SheetModel {
  return indicatorSheet({ ...parts(framework), sheetName, year: t.year, framework, footer: signatureRows(signatures, 5) });
}

/** A worksheet name Excel accepts, unique among `taken`. */
export function sheetNameFor(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 28) || '项目';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 26)}(${n})`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

export const v = (x: string | null | undefined) => x ?? '';
/** A label cell (bold, shaded) of a header or footer block. */
export const labelCell = (text: string, span?: number): BlockCell => ({ text, label: true, span });
/** A value cell of a header or footer block: blank where there is no value (a line to fill in or sign). */
export const textCell = (x: string | null | undefined, span?: number): BlockCell => ({ text: v(x), span });
/** An amount cell of a header block: printed with separators, written to .xlsx as a number. */
export function amountCell(x: string | null | undefined, span?: number): BlockCell {
  return x === null || x === undefined || x === '' ? { text: '', span } : { text: money(x), amount: x, span };
}

/** Who filled in and who reviewed a form, from its history; null where the data has none (a blank line to sign). */
export interface Signatures {
  filler: string | null;
  fillDate: string | null;
  reviewers: string | null;
  reviewDate: string | null;
  /** The approvals' structured reviews (完整性…总体), one line per reviewer; absent when none was given. */
  review?: string;
}
export const NO_SIGNATURES: Signatures = { filler: null, fillDate: null, reviewers: null, reviewDate: null };

/** The labels of the signature footer; the 申报表 import stops reading the table at the first of them. */
export const SIGNATURE_LABELS = { filler: '填报人', reviewers: '审核人', fillDate: '填报日期', reviewDate: '审核日期' } as const;

/** The signature footer (two label / value pairs a row): blank value cells, lines to sign, where the history has nobody yet. */
export function signatureRows(s: Signatures, width: number): BlockCell[][] {
  const first = Math.max(1, Math.floor((width - 2) / 2));
  const rest = Math.max(1, width - 2 - first);
  return [
    [labelCell(SIGNATURE_LABELS.filler), textCell(s.filler, first), labelCell(SIGNATURE_LABELS.reviewers), textCell(s.reviewers, rest)],
    [labelCell(SIGNATURE_LABELS.fillDate), textCell(s.fillDate, first), labelCell(SIGNATURE_LABELS.reviewDate), textCell(s.reviewDate, rest)],
    ...(s.review ? [[labelCell(REVIEW_BLOCK_LABEL), textCell(s.review, width - 1)]] : []),
  ];
}

/** Money as printed: thousands separators, two decimals ("500,000.00"); empty stays empty. */
export function money(x: string | null | undefined): string {
  if (x === null || x === undefined || x === '') return '';
  const [i, f = ''] = x.split('.');
  return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${(f + '00').slice(0, 2)}`;
}

const LIGHT_TEXT: Record<string, string> = { red: '红灯', yellow: '黄灯', green: '绿灯', blue: '蓝灯', none: '—' };

/** 运行监控表 (§7): one month's report with the lights. */
export function monitoringModel(p: Project, mon: Monitoring, sheetName = p.name, framework: Framework | undefined = getFramework(p.frameworkCode)): SheetModel {
  const b = mon.budget;
  const header: BlockCell[][] = [
    [{ text: F.name, label: true }, { text: p.name, span: 4 }, { text: M.month, label: true }, { text: mon.month ? `1–${mon.month}月` : '', span: 4 }],
    [{ text: F.department, label: true }, { text: v(p.departmentName), span: 4 }, { text: F.org, label: true }, { text: p.orgName, span: 4 }],
    [
      { text: FUNDS_COLUMN_LABELS.initialBudget + YUAN_SUFFIX, label: true },
      amountCell(b.annualBudget, 2),
      { text: M.executedToDate, label: true },
      amountCell(b.executed),
      { text: E.executionRate, label: true },
      { text: mon.budgetLight.executionRate ? `${mon.budgetLight.executionRate}%` : '' },
      { text: M.expectedExecuted, label: true },
      amountCell(b.expectedExecuted, 2),
    ],
    [{ text: M.result, label: true }, { text: LIGHT_TEXT[mon.light], span: 4 }, { text: M.budgetLight, label: true }, { text: LIGHT_TEXT[mon.budgetLight.light], span: 4 }],
  ];
  return indicatorSheet({
    sheetName,
    title: MONITORING_TITLE,
    year: p.year,
    items: mon.items,
    framework,
    targetHeader: ANNUAL_TARGET_COLUMN,
    widths: [12, 14, 28, 16],
    more: [
      { header: M.current, width: 12 },
      { header: M.expected, width: 16 },
      { header: M.likelihood, width: 12 },
      { header: M.reasons, width: 16 },
      { header: M.measures, width: 24 },
      { header: M.light, width: 8 },
    ],
    cells: (it) => [v(it.current), v(it.expected), v(it.likelihood), it.reasons.join('、'), v(it.measures), LIGHT_TEXT[it.light]],
    header,
    footer: [],
  });
}

/** The publication list's one-text indicators (§9): `数量指标: 资金支付率≥90%; 社会效益: …`, 二级 in the framework's order. */
export function indicatorsAsText(p: Pick<Project, 'indicators' | 'frameworkCode'>, framework: Framework | undefined = getFramework(p.frameworkCode)): string {
  const groups = new Map<string, string[]>();
  for (const i of groupRows(p.indicators, framework)) {
    if (!i.name.trim()) continue;
    const key = normaliseLevelName(i.level2);
    const list = groups.get(key) ?? [];
    list.push(`${i.name}${i.target.raw}`);
    groups.set(key, list);
  }
  return [...groups.entries()].map(([level2, items]) => `${level2}: ${items.join('，')}`).join('; ');
}
