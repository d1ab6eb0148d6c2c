import { Dec, DEPARTMENT_FIELD_LABELS as D, INDICATOR_COLUMN_LABELS as COL, POLICY_FIELD_LABELS as P, YUAN_SUFFIX } from '@pt/domain';
import type { DepartmentFields, DepartmentTask, ImportedIndicatorRow, PolicyFields } from '@pt/shared/contracts';
import type { Worksheet } from 'exceljs';
import { DEPARTMENT_BUDGET_LABELS as B, TASKS_TOTAL } from '../layout/department-model';
import { POLICY_TARGET_COLUMNS } from '../layout/policy-model';
import { SIGNATURE_LABELS } from '../layout/sheet-model';
import { cellText, moneyOf, type XlsxImportProblem } from './cells';

/**
 * The 部门（单位）整体 and 政策 申报表 read back from our own .xlsx layouts (department-model.ts, policy-model.ts):
 * their header blocks by label, the indicator table below them. A cell the layout does not have is a problem
 * (listed, not imported), never silently dropped.
 */
export interface ImportedKindSheet {
  kind: 'department' | 'policy';
  sheetName: string;
  year: number | null;
  /** The policy's name; for a department the unit the form names (the target is created for the chosen unit). */
  name: string;
  /** 部门（单位）名称 of a department form, 主管部门 of a policy form. */
  orgName: string | null;
  department: DepartmentFields | null;
  policy: PolicyFields | null;
  totalGoal: string | null;
  annualGoal: string | null;
  /** The annual table; a policy's 中期 table is `overall`. */
  indicators: ImportedIndicatorRow[];
  overall: ImportedIndicatorRow[];
}

type Problems = XlsxImportProblem[];

const five = (ws: Worksheet, r: number) => [1, 2, 3, 4, 5].map((c) => cellText(ws.getRow(r).getCell(c).value).trim());
const orNull = (s: string | undefined) => (s === undefined || s === '' ? null : s);

/** The row of the table header (一级指标 … 三级指标), 0 when the sheet has none. */
export function tableHeaderRow(ws: Worksheet): number {
  for (let r = 3; r <= ws.rowCount; r++) {
    const c = five(ws, r);
    if (c[0] === COL.level1 && c[2] === COL.name) return r;
  }
  return 0;
}

function amount(ws: Worksheet, problems: Problems, row: number, label: string, raw: string): string | null {
  const m = moneyOf(raw);
  if (raw !== '' && m === null) problems.push({ sheet: ws.name, row, message: `第 ${row} 行“${label}”的金额“${raw}”无法识别，未导入` });
  return m;
}

const unknownCell = (ws: Worksheet, row: number, cells: string[], form: string): XlsxImportProblem => ({
  sheet: ws.name,
  row,
  message: `第 ${row} 行“${[...new Set(cells.filter((c) => c !== ''))].join(' ')}”不是${form}的栏目，未导入`,
});

/** 部门（单位）整体支出绩效目标申报表: name and year, 年度预算申请, 年度主要任务 (their 合计 checked), 年度总体目标, the table. */
export function readDepartmentSheet(ws: Worksheet, problems: Problems): ImportedKindSheet | null {
  const tableRow = tableHeaderRow(ws);
  if (!tableRow) {
    problems.push({ sheet: ws.name, row: 1, message: `工作表“${ws.name}”没有找到指标表（表头“一级指标 二级指标 三级指标”）` });
    return null;
  }
  const budget: DepartmentFields['budget'] = { total: null, fiscal: null, other: null, basic: null, project: null };
  const tasks: DepartmentTask[] = [];
  let orgName: string | null = null;
  let year: number | null = null;
  let annualGoal: string | null = null;
  let inTasks = false;
  let printedSum: { row: number; amount: string | null } | null = null;
  for (let r = 3; r < tableRow; r++) {
    const c = five(ws, r);
    if (c.every((x) => x === '')) continue;
    if (c[0] === D.orgName) {
      orgName = orNull(c[1]);
      if (/^\d{4}/.test(c[4])) year = Number(c[4].slice(0, 4));
    } else if (c[0] === B.block && c[1] === B.total) budget.total = amount(ws, problems, r, B.total, c[2]);
    else if (c[0] === B.bySource) {
      budget.fiscal = amount(ws, problems, r, D.fiscal, c[2]);
      budget.other = amount(ws, problems, r, D.other, c[4]);
    } else if (c[0] === B.byNature) {
      budget.basic = amount(ws, problems, r, D.basic, c[2]);
      budget.project = amount(ws, problems, r, D.project, c[4]);
    } else if (c[0] === D.tasks) continue;
    else if (c[0] === D.taskName && c[1] === D.taskContent) inTasks = true;
    else if (inTasks && c[0] === TASKS_TOTAL && c[1] === TASKS_TOTAL) {
      inTasks = false;
      printedSum = { row: r, amount: moneyOf(c[2]) };
    } else if (inTasks) {
      tasks.push({
        name: c[0],
        content: orNull(c[1]),
        amount: amount(ws, problems, r, `${D.taskBudget}${D.taskAmount}`, c[2]),
        fiscal: amount(ws, problems, r, `${D.taskBudget}${D.fiscal}`, c[3]),
        other: amount(ws, problems, r, `${D.taskBudget}${D.other}`, c[4]),
      });
    } else if (c[0] === D.annualGoal) annualGoal = orNull(c[1]);
    else problems.push(unknownCell(ws, r, c, '部门（单位）整体申报表'));
  }
  // the 合计 row is the tasks' sum as written: an edited 合计 is not imported, and said
  const sum = Dec.sum(tasks.map((t) => Dec.of(t.amount ?? '0'))).toFixed(2);
  if (printedSum?.amount && Dec.of(printedSum.amount).toFixed(2) !== sum) {
    problems.push({ sheet: ws.name, row: printedSum.row, message: `第 ${printedSum.row} 行“${TASKS_TOTAL}”${printedSum.amount} 与各任务总额之和不同；合计按各任务金额计算，未导入表中的合计` });
  }
  const subtitleYear = /(\d{4})/.exec(cellText(ws.getRow(2).getCell(1).value));
  return {
    kind: 'department',
    sheetName: ws.name,
    year: year ?? (subtitleYear ? Number(subtitleYear[1]) : null),
    name: orgName ?? '',
    orgName,
    department: { budget, tasks },
    policy: null,
    totalGoal: null,
    annualGoal,
    indicators: readTable(ws, tableRow, problems, 'weight'),
    overall: [],
  };
}

/** 实施期 as printed by periodText: "2024年—2026年", "2024年", "2024年起", "至2026年". */
export function parsePeriod(text: string): { startYear: number | null; endYear: number | null } | null {
  const t = text.replace(/\s/g, '');
  if (t === '') return { startYear: null, endYear: null };
  let m = /^(\d{4})年?[—–\-~～至到]+(\d{4})年?$/.exec(t);
  if (m) return { startYear: Number(m[1]), endYear: Number(m[2]) };
  if ((m = /^(\d{4})年?$/.exec(t))) return { startYear: Number(m[1]), endYear: Number(m[1]) };
  if ((m = /^(\d{4})年?起$/.exec(t))) return { startYear: Number(m[1]), endYear: null };
  if ((m = /^至(\d{4})年?$/.exec(t))) return { startYear: null, endYear: Number(m[1]) };
  return null;
}

/** 政策绩效目标申报表: name, 主管部门 and 实施期, 政策依据, 资金规模, 中期 and 年度 goals, the table of both values. */
export function readPolicySheet(ws: Worksheet, problems: Problems): ImportedKindSheet | null {
  const tableRow = tableHeaderRow(ws);
  if (!tableRow) {
    problems.push({ sheet: ws.name, row: 1, message: `工作表“${ws.name}”没有找到指标表（表头“一级指标 二级指标 三级指标”）` });
    return null;
  }
  const policy: PolicyFields = { basis: null, startYear: null, endYear: null, totalFunds: null, annualFunds: null };
  let name = '';
  let orgName: string | null = null;
  let totalGoal: string | null = null;
  let annualGoal: string | null = null;
  for (let r = 3; r < tableRow; r++) {
    const c = five(ws, r);
    if (c.every((x) => x === '')) continue;
    if (c[0] === P.name) name = c[1];
    else if (c[0] === P.department) {
      orgName = orNull(c[1]);
      const period = parsePeriod(c[4]);
      if (period) Object.assign(policy, period);
      else problems.push({ sheet: ws.name, row: r, message: `第 ${r} 行“${P.period}”“${c[4]}”无法识别（应如“2024年—2026年”），未导入` });
    } else if (c[0] === P.basis) policy.basis = orNull(c[1]);
    else if (c[0] === P.fundsTotal + YUAN_SUFFIX) {
      policy.totalFunds = amount(ws, problems, r, P.fundsTotal, c[1]);
      policy.annualFunds = amount(ws, problems, r, P.fundsAnnual, c[4]);
    } else if (c[0] === P.midTermGoal) totalGoal = orNull(c[1]);
    else if (c[0] === P.annualGoal) annualGoal = orNull(c[1]);
    else problems.push(unknownCell(ws, r, c, '政策申报表'));
  }
  if (!name) problems.push({ sheet: ws.name, row: 3, message: `工作表“${ws.name}”缺少${P.name}` });
  const subtitleYear = /(\d{4})/.exec(cellText(ws.getRow(2).getCell(1).value));
  // one row per indicator with the 中期 and the 年度 value side by side (policyRows): each value goes to its table
  const both = readTable(ws, tableRow, problems, 'annual');
  const overall = both.filter((r) => r.target !== '' || r.weight === '').map((r) => ({ ...r, weight: null }));
  const indicators = both.filter((r) => r.weight !== '' || r.target === '').map((r) => ({ ...r, target: r.weight ?? '', weight: null }));
  return {
    kind: 'policy',
    sheetName: ws.name,
    year: subtitleYear ? Number(subtitleYear[1]) : null,
    name,
    orgName,
    department: null,
    policy,
    totalGoal,
    annualGoal,
    indicators,
    overall,
  };
}

/**
 * The indicator table under `tableRow` to the signature footer. The fifth column is 分值 (`weight`) on a department
 * form; on a policy form it is the 年度 value, returned in `weight` for the caller to split.
 */
function readTable(ws: Worksheet, tableRow: number, problems: Problems, fifth: 'weight' | 'annual'): ImportedIndicatorRow[] {
  const header = five(ws, tableRow);
  if (fifth === 'annual' && (header[3] !== POLICY_TARGET_COLUMNS.midTerm || header[4] !== POLICY_TARGET_COLUMNS.annual)) {
    problems.push({ sheet: ws.name, row: tableRow, message: `第 ${tableRow} 行表头应为“${POLICY_TARGET_COLUMNS.midTerm} ${POLICY_TARGET_COLUMNS.annual}”，按此两列读取` });
  }
  const rows: ImportedIndicatorRow[] = [];
  for (let r = tableRow + 1; r <= ws.rowCount; r++) {
    const c = five(ws, r);
    const [level1, level2, name, target, fifthCell] = c;
    if (level1 === SIGNATURE_LABELS.filler) break;
    if (c.every((x) => x === '')) continue;
    if (!level1 || !level2) {
      problems.push({ sheet: ws.name, row: r, message: `第 ${r} 行缺少一级或二级指标，未导入` });
      continue;
    }
    rows.push({ level1, level2, name, target, weight: fifth === 'annual' ? fifthCell : fifthCell === '' ? null : fifthCell });
  }
  return rows;
}
