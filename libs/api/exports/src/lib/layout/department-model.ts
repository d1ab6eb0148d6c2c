import { Dec, DECLARATION_TARGET_COLUMN, DEPARTMENT_FIELD_LABELS as D, INDICATOR_COLUMN_LABELS as COL, OF_WHICH, YUAN_SUFFIX } from '@pt/domain';
import type { DepartmentFields, Target } from '@pt/shared/contracts';
import { amountCell, type BlockCell, type DeclarationArgs, declarationSheet, labelCell, type SheetModel, textCell } from './sheet-model';

/** The published title (财预〔2015〕88号 附件: 部门（单位）整体支出绩效目标申报表). */
export const DEPARTMENT_DECLARATION_TITLE = '部门（单位）整体支出绩效目标申报表';

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
  const taskRows = d.tasks.map((task): BlockCell[] => [textCell(task.name), textCell(task.content), amountCell(task.amount), amountCell(task.fiscal), amountCell(task.other)]);
  return [
    [labelCell(D.orgName), textCell(t.orgName, 2), labelCell(D.year), textCell(String(t.year))],
    [labelCell(L.block), labelCell(L.total), amountCell(b.total, 3)],
    [labelCell(L.bySource), labelCell(L.fiscal), amountCell(b.fiscal), labelCell(L.other), amountCell(b.other)],
    [labelCell(L.byNature), labelCell(L.basic), amountCell(b.basic), labelCell(L.project), amountCell(b.project)],
    [labelCell(D.tasks, 2), labelCell(`${D.taskBudget}${YUAN_SUFFIX}`, 3)],
    [labelCell(D.taskName), labelCell(D.taskContent), labelCell(D.taskAmount), labelCell(D.fiscal), labelCell(D.other)],
    ...taskRows,
    [labelCell(TASKS_TOTAL, 2), ...sumCells(d)],
    [labelCell(D.annualGoal), textCell(t.annualGoal, 4)],
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
export function departmentDeclarationModel(t: Target, ...args: DeclarationArgs): SheetModel {
  return declarationSheet(t, args, () => ({
    title: DEPARTMENT_DECLARATION_TITLE,
    items: t.indicators,
    targetHeader: DECLARATION_TARGET_COLUMN,
    // the columns also hold the budget block's labels and amounts and the tasks' 主要内容 and amounts
    widths: [17, 24, 30, 20],
    more: [{ header: COL.weight, width: 17 }],
    cells: (i) => [i.weight ?? ''],
    header: departmentHeader(t),
  }));
}
