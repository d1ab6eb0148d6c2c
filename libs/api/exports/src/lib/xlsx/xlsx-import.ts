import { DEPARTMENT_FIELD_LABELS, INDICATOR_COLUMN_LABELS as COL, POLICY_FIELD_LABELS, PROJECT_FIELD_LABELS as F, type IndicatorMeta } from '@pt/domain';
import { metaFromCells } from '../layout/indicator-meta-columns';
import type { Workbook, Worksheet } from 'exceljs';
import { cellText, moneyOf, type XlsxImportProblem } from './cells';
import { readDepartmentSheet, readPolicySheet, tableHeaderRow, type ImportedKindSheet } from './kind-import';
import { DEPARTMENT_DECLARATION_TITLE } from '../layout/department-model';
import { POLICY_DECLARATION_TITLE } from '../layout/policy-model';
import type { Funds, TargetKindKey } from '@pt/shared/contracts';
import { DECLARATION_FUND_LABELS as FUND } from '../layout/declaration-model';
import { DECLARATION_TITLE, LEGACY_DECLARATION_TITLE, SIGNATURE_LABELS } from '../layout/sheet-model';

/** A 申报表 read back from our own .xlsx layout (what `declarationModel` wrote). */
export interface ImportedDeclaration {
  sheetName: string;
  year: number | null;
  name: string;
  departmentName: string | null;
  orgName: string | null;
  nature: string | null;
  category: string | null;
  startDate: string | null;
  endDate: string | null;
  funds: Funds;
  totalGoal: string | null;
  annualGoal: string | null;
  frameworkName: string | null;
  indicators: ({ level1: string; level2: string; name: string; target: string; weight: string | null } & IndicatorMeta)[];
}

export { cellText, type XlsxImportProblem } from './cells';

/** What a workbook holds: project 申报表, 部门整体 / 政策 申报表, and tables under a title that is none of ours. */
export interface ReadWorkbook {
  declarations: ImportedDeclaration[];
  kindSheets: ImportedKindSheet[];
  /**
   * Sheets with an indicator table whose title is not one of our forms: read by the form of the kind chosen where the
   * sheet has that form's labels (a renamed 部门整体 or 政策 form), else as a project's table (`declaration`).
   */
  unrecognised: { title: string; sheetName: string; declaration?: ImportedDeclaration; kindSheet?: ImportedKindSheet }[];
  problems: XlsxImportProblem[];
}

/**
 * Read every sheet of a workbook in our layouts, its kind told by its title (项目 / 部门（单位）整体 / 政策); a sheet
 * with an indicator table under another title is `unrecognised`; any other sheet with content is a problem (not read).
 */
export function readDeclarations(wb: Workbook, kind?: TargetKindKey): ReadWorkbook {
  const out: ReadWorkbook = { declarations: [], kindSheets: [], unrecognised: [], problems: [] };
  wb.eachSheet((ws) => {
    const title = cellText(ws.getRow(1).getCell(1).value).trim();
    if (title === DECLARATION_TITLE || title === LEGACY_DECLARATION_TITLE) {
      const d = readDeclaration(ws, out.problems);
      if (d) out.declarations.push(d);
    } else if (title === DEPARTMENT_DECLARATION_TITLE || title === POLICY_DECLARATION_TITLE) {
      const k = (title === DEPARTMENT_DECLARATION_TITLE ? readDepartmentSheet : readPolicySheet)(ws, out.problems);
      if (k) out.kindSheets.push(k);
    } else if (tableHeaderRow(ws)) {
      const formLabel = kind === 'department' ? DEPARTMENT_FIELD_LABELS.orgName : kind === 'policy' ? POLICY_FIELD_LABELS.name : null;
      if (formLabel && hasLabel(ws, formLabel)) {
        const k = (kind === 'department' ? readDepartmentSheet : readPolicySheet)(ws, out.problems);
        if (k) out.unrecognised.push({ title, sheetName: ws.name, kindSheet: k });
      } else {
        const d = readDeclaration(ws, out.problems);
        if (d) out.unrecognised.push({ title, sheetName: ws.name, declaration: d });
      }
    } else if (ws.actualRowCount > 0) {
      out.problems.push({ sheet: ws.name, row: 1, message: `工作表“${ws.name}”不是申报表（没有“一级指标 二级指标 三级指标”表），未导入` });
    }
  });
  return out;
}

/** Whether a row above the table starts with `label`. */
function hasLabel(ws: Worksheet, label: string): boolean {
  const end = tableHeaderRow(ws);
  for (let r = 1; r < end; r++) if (cellText(ws.getRow(r).getCell(1).value).trim() === label) return true;
  return false;
}

/** A project's 申报表 (our layout, or any sheet read by its labels). */
export function readDeclaration(ws: Worksheet, problems: XlsxImportProblem[]): ImportedDeclaration | null {
  const labels = new Map<string, string>();
  const extra = new Map<string, string>();
  let tableRow = 0;
  const rowCount = ws.rowCount;
  for (let r = 3; r <= rowCount; r++) {
    const row = ws.getRow(r);
    const cells = [1, 2, 3, 4, 5].map((c) => cellText(row.getCell(c).value).trim());
    if (cells[0] === COL.level1 && cells[2] === COL.name) {
      tableRow = r;
      break;
    }
    // label, value, label, value (merged cells repeat their master's value: take the first of a run)
    labels.set(cells[0], cells[1]);
    if (cells[2] && cells[2] !== cells[1]) labels.set(cells[2], cells[3]);
    if (cells[4] && cells[4] !== cells[3]) extra.set(cells[2], cells[4]);
  }
  if (!tableRow) {
    problems.push({ sheet: ws.name, row: 1, message: `工作表“${ws.name}”没有找到指标表（表头“一级指标 二级指标 三级指标 指标值”）` });
    return null;
  }
  const name = labels.get(F.name) ?? '';
  if (!name) problems.push({ sheet: ws.name, row: 3, message: `工作表“${ws.name}”缺少项目名称` });
  const yearMatch = /(\d{4})/.exec(cellText(ws.getRow(2).getCell(1).value));
  // files written before the funds block had a label for every value used other labels (the second name of each pair)
  const fund = (label: string, row: number, legacy?: string) => {
    if (legacy !== undefined && !labels.has(label)) label = legacy;
    const raw = labels.get(label) ?? '';
    const m = moneyOf(raw);
    if (raw.trim() !== '' && m === null) problems.push({ sheet: ws.name, row, message: `“${label}”的金额“${raw}”无法识别` });
    return m;
  };
  const otherTotal = /其他资金\s*([\d,.]*)/.exec(extra.get(FUND.fiscal) ?? '')?.[1] ?? '';
  const funds: Funds = {
    total: fund(FUND.total, 0),
    fiscal: fund(FUND.fiscal, 0),
    other: labels.has(FUND.other) ? fund(FUND.other, 0) : moneyOf(otherTotal),
    annualTotal: fund(FUND.annualTotal, 0, '年度资金总额（元）'),
    annualFiscal: fund(FUND.annualFiscal, 0),
    carryover: fund(FUND.carryover, 0, '上年结转资金（元）'),
    annualOther: fund(FUND.annualOther, 0, '其他资金（元）'),
  };
  const indicators: ImportedDeclaration['indicators'] = [];
  // the description columns after 分值, when the file has them (headers 指标解释 … from column 6 on)
  const headerRow = ws.getRow(tableRow);
  const metaCols = [6, 7, 8, 9];
  const metaHeaders = metaCols.map((c) => cellText(headerRow.getCell(c).value).trim());
  for (let r = tableRow + 1; r <= rowCount; r++) {
    const row = ws.getRow(r);
    const [level1, level2, iname, target, weight, ...rest] = [1, 2, 3, 4, 5, ...metaCols].map((c) => cellText(row.getCell(c).value).trim());
    if (level1 === SIGNATURE_LABELS.filler) break; // the signature footer follows the table
    if (!level1 && !level2 && !iname && !target) continue;
    if (!level1 || !level2) {
      problems.push({ sheet: ws.name, row: r, message: `第 ${r} 行缺少一级或二级指标` });
      continue;
    }
    const { meta, problem } = metaFromCells(metaHeaders, rest);
    if (problem) problems.push({ sheet: ws.name, row: r, message: `第 ${r} 行${problem}` });
    indicators.push({ level1, level2, name: iname, target, weight: weight === '' ? null : weight, ...meta });
  }
  const text = (label: string) => {
    const t = labels.get(label) ?? '';
    return t === '' ? null : t;
  };
  return {
    sheetName: ws.name,
    year: yearMatch ? Number(yearMatch[1]) : null,
    name,
    departmentName: text(F.department),
    orgName: text(F.org),
    nature: text(F.nature),
    category: text(F.category),
    startDate: text(F.startDate),
    endDate: text(F.endDate),
    funds,
    totalGoal: text(F.totalGoal),
    annualGoal: text(F.annualGoal) ?? text('年度目标'),
    frameworkName: text(F.framework),
    indicators,
  };
}
