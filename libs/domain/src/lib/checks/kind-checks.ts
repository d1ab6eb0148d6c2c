import { Dec } from '../decimal';
import { DEPARTMENT_FIELD_LABELS as D, POLICY_FIELD_LABELS as P } from '../fields/other-target-fields';
import type { Finding, Severity } from '../types';

/**
 * The header checks of the two other kinds of target (domain §11): a 部门（单位）整体 target's 年度预算申请 adds up
 * by source and by nature, its 年度主要任务 stay within the total and each adds up; a 政策 target's 实施期 runs
 * forward and its 年度资金规模 stays within the 资金规模总额. Money is compared as exact decimals (Dec). Each finding
 * names the request field (`field`), so a refused submit can point at it.
 */

export const KIND_CHECK_RULES: readonly { code: string; severity: Severity; title: string }[] = [
  { code: 'DEPT_BUDGET_MISSING', severity: 'error', title: '缺少年度预算申请资金总额' },
  { code: 'DEPT_AMOUNT_INVALID', severity: 'error', title: '部门整体金额无效' },
  { code: 'DEPT_BUDGET_BY_SOURCE', severity: 'error', title: '资金总额不等于财政拨款与其他资金之和' },
  { code: 'DEPT_BUDGET_BY_NATURE', severity: 'error', title: '资金总额不等于基本支出与项目支出之和' },
  { code: 'DEPT_TASKS_OVER_TOTAL', severity: 'error', title: '年度主要任务金额合计超过资金总额' },
  { code: 'DEPT_TASK_NOT_ADDING_UP', severity: 'error', title: '任务的预算金额不等于财政拨款与其他资金之和' },
  { code: 'POLICY_PERIOD_MISSING', severity: 'warning', title: '未填写政策实施期' },
  { code: 'POLICY_PERIOD_REVERSED', severity: 'error', title: '实施期的起始年度晚于结束年度' },
  { code: 'POLICY_YEAR_OUTSIDE_PERIOD', severity: 'warning', title: '预算年度不在政策实施期内' },
  { code: 'POLICY_AMOUNT_INVALID', severity: 'error', title: '政策资金金额无效' },
  { code: 'POLICY_ANNUAL_OVER_TOTAL', severity: 'error', title: '年度资金规模超过资金规模总额' },
];

const SEVERITY = new Map(KIND_CHECK_RULES.map((r) => [r.code, r.severity]));

function kindFinding(code: string, message: string, field: string): Finding {
  return { code, severity: SEVERITY.get(code) ?? 'error', message, indicatorIndex: null, field };
}

type Amount = string | null | undefined;

export interface DepartmentCheckInput {
  budget: { total: Amount; fiscal: Amount; other: Amount; basic: Amount; project: Amount };
  tasks: readonly { name: string; amount: Amount; fiscal: Amount; other: Amount }[];
}

export interface PolicyCheckInput {
  /** The target's budget year. */
  year: number;
  startYear: number | null | undefined;
  endYear: number | null | undefined;
  totalFunds: Amount;
  annualFunds: Amount;
}

const yuan = (d: Dec) => `${d.toFixed(2)} 元`;

/** Parsed amounts; the invalid ones reported once under `code` (an empty amount is null, not invalid). */
function amounts<K extends string>(values: Record<K, Amount>, labels: Record<K, string>, fieldOf: (k: K) => string, code: string, out: Finding[]): Record<K, Dec | null> | null {
  const parsed = {} as Record<K, Dec | null>;
  let ok = true;
  for (const k of Object.keys(values) as K[]) {
    const v = values[k];
    if (v === null || v === undefined || String(v).trim() === '') {
      parsed[k] = null;
      continue;
    }
    const d = Dec.parse(String(v).trim());
    if (!d || d.isNegative()) {
      out.push(kindFinding(code, `${labels[k]}「${v}」不是有效金额（应为不带负号、最多两位小数的元金额）。`, fieldOf(k)));
      ok = false;
    } else parsed[k] = d;
  }
  return ok ? parsed : null;
}

const sum = (parts: (Dec | null)[]) => Dec.sum(parts.map((p) => p ?? Dec.ZERO));

/** 部门（单位）整体支出绩效目标申报表: the budget block and the 年度主要任务. Never throws. */
export function checkDepartment(input: DepartmentCheckInput): Finding[] {
  const out: Finding[] = [];
  const b = amounts(
    input.budget,
    { total: `${D.budget}${D.budgetTotal}`, fiscal: D.fiscal, other: D.other, basic: D.basic, project: D.project },
    (k) => `department.budget.${k}`,
    'DEPT_AMOUNT_INVALID',
    out,
  );
  if (b) {
    if (!b.total) {
      out.push(kindFinding('DEPT_BUDGET_MISSING', `请填写${D.budget}的${D.budgetTotal}。`, 'department.budget.total'));
    } else {
      if (b.fiscal || b.other) {
        const s = sum([b.fiscal, b.other]);
        if (!s.eq(b.total)) {
          out.push(kindFinding('DEPT_BUDGET_BY_SOURCE', `${D.budgetTotal} ${yuan(b.total)}不等于${D.fiscal} + ${D.other} = ${yuan(s)}。`, 'department.budget.total'));
        }
      }
      if (b.basic || b.project) {
        const s = sum([b.basic, b.project]);
        if (!s.eq(b.total)) {
          out.push(kindFinding('DEPT_BUDGET_BY_NATURE', `${D.budgetTotal} ${yuan(b.total)}不等于${D.basic} + ${D.project} = ${yuan(s)}。`, 'department.budget.total'));
        }
      }
    }
  }
  const taskAmounts: (Dec | null)[] = [];
  input.tasks.forEach((t, i) => {
    const name = `${D.tasks}第${i + 1}行「${t.name}」`;
    const a = amounts(
      { amount: t.amount, fiscal: t.fiscal, other: t.other },
      { amount: `${name}的${D.taskBudget}${D.taskAmount}`, fiscal: `${name}的${D.fiscal}`, other: `${name}的${D.other}` },
      (k) => `department.tasks[${i}].${k}`,
      'DEPT_AMOUNT_INVALID',
      out,
    );
    taskAmounts.push(a?.amount ?? null);
    if (a?.amount && (a.fiscal || a.other)) {
      const s = sum([a.fiscal, a.other]);
      if (!s.eq(a.amount)) {
        out.push(kindFinding('DEPT_TASK_NOT_ADDING_UP', `${name}的${D.taskBudget} ${yuan(a.amount)}不等于${D.fiscal} + ${D.other} = ${yuan(s)}。`, `department.tasks[${i}].amount`));
      }
    }
  });
  if (b?.total && taskAmounts.some((a) => a)) {
    const s = sum(taskAmounts);
    if (s.gt(b.total)) {
      out.push(kindFinding('DEPT_TASKS_OVER_TOTAL', `${D.tasks}的${D.taskBudget}合计 ${yuan(s)}超过${D.budget}的${D.budgetTotal} ${yuan(b.total)}。`, 'department.tasks'));
    }
  }
  return out;
}

/** 政策绩效目标: 实施期 and 资金规模. Never throws. */
export function checkPolicy(input: PolicyCheckInput): Finding[] {
  const out: Finding[] = [];
  const { startYear: start, endYear: end } = input;
  if (start === null || start === undefined || end === null || end === undefined) {
    out.push(kindFinding('POLICY_PERIOD_MISSING', `未填写${P.period}（起止年度）。`, start === null || start === undefined ? 'policy.startYear' : 'policy.endYear'));
  } else if (start > end) {
    out.push(kindFinding('POLICY_PERIOD_REVERSED', `${P.period}的起始年度 ${start} 晚于结束年度 ${end}。`, 'policy.endYear'));
  } else if (input.year < start || input.year > end) {
    out.push(kindFinding('POLICY_YEAR_OUTSIDE_PERIOD', `预算年度 ${input.year} 不在${P.period} ${start}–${end} 年内。`, 'policy.startYear'));
  }
  const f = amounts(
    { totalFunds: input.totalFunds, annualFunds: input.annualFunds },
    { totalFunds: P.fundsTotal, annualFunds: P.fundsAnnual },
    (k) => `policy.${k}`,
    'POLICY_AMOUNT_INVALID',
    out,
  );
  if (f?.totalFunds && f.annualFunds && f.annualFunds.gt(f.totalFunds)) {
    out.push(kindFinding('POLICY_ANNUAL_OVER_TOTAL', `${P.fundsAnnual} ${yuan(f.annualFunds)}超过${P.fundsTotal} ${yuan(f.totalFunds)}。`, 'policy.annualFunds'));
  }
  return out;
}
