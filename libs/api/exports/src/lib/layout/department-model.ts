import {
  Dec,
  DECLARATION_TARGET_COLUMN,
  DEPARTMENT_FIELD_LABELS as D,
  getFramework,
  INDICATOR_COLUMN_LABELS as COL,
  OF_WHICH,
  YUAN_SUFFIX,
  type Framework,
} from '@pt/domain';
import type { DepartmentFields, Target } from '@pt/shared/contracts';
import { amountCell, type BlockCell, indicatorSheet, NO_SIGNATURES, type SheetModel, signatureRows, type Signatures, v } from './sheet-model';

/** The published title (财预〔2015〕88号 附件: 部门（单位）整体支出绩效目标申报表). */
export const DEPARTMENT_DECLARATION_TITLE = '部门（单位）整体支出绩效目标申报表';

const label = (text: string, span?: number): BlockCell => ({ text, label: true, span });
const text = (x: string | null | undefined, span?: number): BlockCell => ({ text: v(x), span });

/** The labels of the 年度预算申请 block: by source (收入性质) and by nature (支出性质), as the published form groups them. */
export const DEPARTMENT_BUDGET_LABELS = {
  block: `年度预算申请${YUAN_SUFFIX}`,
  bySource: '按收入性质分',
  byNature: '按支出性质分',
  total: D.budgetTotal,
  fiscal: OF_WHICH + D.fiscal,
  other: D.other,
  basic: OF_WHICH + D.basic,
  project: D.project,
} as const;

const EMPTY_DEPARTMENT: DepartmentFields = { budget: { total: null, fiscal: null, other: null, basic: null, project: null }, tasks: [] };

/**
 * The header of a 部门（单位）整体 form on a grid of five columns: name and year, the 年度预算申请 (资金总额, by source
 * 财政拨款 + 其他资金, by nature 基本支出 + 项目支出), the 年度主要任务 table (任务名称, 主要内容, 预算金额 总额 / 财政拨款 /
 * 其他资金) with its 合计 row, and the 年度总体目标. The 自评表 prints the same block above its own.
 */
export function departmentHeader(t: Target): BlockCell[][] {
  const d = t.department ?? EMPTY_DEPARTMENT;
  const b = d.budget;
  const L = DEPARTMENT_BUDGET_LABELS;
  const taskRows = d.tasks.map((task): BlockCell[] => [text(task.name), text(task.content), amountCell(task.amount), amountCell(task.fiscal), amountCell(task.other)]);
  return [
    [label(D.orgName), text(t.orgName, 2), label(D.year), text(String(t.year))],
    [label(L.block), label(L.total), amountCell(b.total, 3)],
    [label(L.bySource), label(L.fiscal), amountCell(b.fiscal), label(L.other), amountCell(b.other)],
    [label(L.byNature), label(L.basic), amountCell(b.basic), label(L.project), amountCell(b.project)],
    [label(D.tasks, 2), label(`${D.taskBudget}${YUAN_SUFFIX}`, 3)],
    [label(D.taskName), label(D.taskContent), label(D.taskAmount), label(D.fiscal), label(D.other)],
    ...taskRows,
    [label(TASKS_TOTAL, 2), ...sumCells(d)],
    [label(D.annualGoal), text(t.annualGoal, 4)],
  ];
}

/** The 合计 row of the 年度主要任务 table. */
export const TASKS_TOTAL = '合计';

/** The tasks' amounts added up per column (exact decimals): blank where no task has an amount in that column. */
function sumCells(d: DepartmentFields): BlockCell[] {
  const sum = (pick: (x: DepartmentFields['tasks'][number]) => string | null): string | null => {
    const xs = d.tasks.map(pick).filter((x): x is string => !!x);
    return xs.length ? Dec.sum(xs.map((x) => Dec.of(x))).toFixed(2) : null;
  };
  return [amountCell(sum((x) => x.amount)), amountCell(sum((x) => x.fiscal)), amountCell(sum((x) => x.other))];
}

/** 部门（单位）整体支出绩效目标申报表 (domain §11): the department header, the annual three-level table, the signatures. */
export function departmentDeclarationModel(
  t: Target,
  sheetName = t.name,
  signatures: Signatures = NO_SIGNATURES,
  framework: Framework | undefined = getFramework(t.frameworkCode),
): SheetModel {
  return indicatorSheet({
    sheetName,
    title: DEPARTMENT_DECLARATION_TITLE,
    year: t.year,
    items: t.indicators,
    framework,
    targetHeader: DECLARATION_TARGET_COLUMN,
    // the columns also hold the budget block's labels and amounts and the tasks' 主要内容 and amounts
    widths: [17, 24, 30, 20],
    more: [{ header: COL.weight, width: 17 }],
    cells: (i) => [i.weight ?? ''],
    header: departmentHeader(t),
    footer: signatureRows(signatures, 5),
  });
}
