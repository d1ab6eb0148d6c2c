import { DEPARTMENT_FIELD_LABELS as D, POLICY_FIELD_LABELS as P } from '@pt/domain';
import type { DepartmentFields, PolicyFields, Target, TargetKindKey, UpdateTargetBody } from '@pt/web/projects/data-access';
import { formatMoney, normaliseMoney } from '@pt/web/shared/data-access';
import { fieldLabel, headerBody } from './project-form';
import type { HeaderBodyResult, HeaderFormValue } from './project-form';

/**
 * Pure mapping between a 部门（单位）整体 or 政策 target and its header form (no Angular): the form's values (amounts
 * shown with thousands separators), the PATCH body of each kind, and the signature that tells whether it changed.
 */

export const BUDGET_KEYS = ['total', 'fiscal', 'other', 'basic', 'project'] as const;
export type BudgetKey = (typeof BUDGET_KEYS)[number];
export const TASK_AMOUNT_KEYS = ['amount', 'fiscal', 'other'] as const;

/** Labels of the budget inputs (the domain catalogue). */
export const BUDGET_LABELS: Record<BudgetKey, string> = { total: D.budgetTotal, fiscal: D.fiscal, other: D.other, basic: D.basic, project: D.project };

export interface TaskFormValue {
  name: string;
  content: string;
  amount: string;
  fiscal: string;
  other: string;
}

export interface DepartmentFormValue {
  budget: Record<BudgetKey, string>;
  tasks: TaskFormValue[];
}

export interface PolicyFormValue {
  basis: string;
  startYear: number | null;
  endYear: number | null;
  totalFunds: string;
  annualFunds: string;
}

type FieldError = { field: string; message: string };

const shown = (v: string | null | undefined) => formatMoney(v ?? '');
const text = (x: string) => (x.trim() === '' ? null : x.trim());

export const emptyTask = (): TaskFormValue => ({ name: '', content: '', amount: '', fiscal: '', other: '' });
const blankTask = (t: TaskFormValue) => Object.values(t).every((v) => v.trim() === '');

export function departmentFromTarget(t: Pick<Target, 'department'>): DepartmentFormValue {
  const b = t.department?.budget;
  return {
    budget: Object.fromEntries(BUDGET_KEYS.map((k) => [k, shown(b?.[k])])) as Record<BudgetKey, string>,
    tasks: (t.department?.tasks ?? []).map((x) => ({ name: x.name, content: x.content ?? '', amount: shown(x.amount), fiscal: shown(x.fiscal), other: shown(x.other) })),
  };
}

export function policyFromTarget(t: Pick<Target, 'policy'>): PolicyFormValue {
  const p = t.policy;
  return { basis: p?.basis ?? '', startYear: p?.startYear ?? null, endYear: p?.endYear ?? null, totalFunds: shown(p?.totalFunds), annualFunds: shown(p?.annualFunds) };
}

function amount(field: string, label: string, x: string, errors: FieldError[]): string | null {
  const n = normaliseMoney(x);
  if (n === null) {
    errors.push({ field, message: `${label}须为不超过两位小数的非负金额（元），如 500000.00` });
    return null;
  }
  return n === '' ? null : n;
}

/**
 * The department block as sent: amounts as `500000.00`; rows left wholly empty are not sent, and `taskRows[i]` is the
 * form row of the i-th row sent (the server names a row by its place in the request).
 */
export function departmentBody(v: DepartmentFormValue): { department: DepartmentFields; taskRows: number[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const budget = {} as Record<BudgetKey, string | null>;
  for (const k of BUDGET_KEYS) budget[k] = amount(`department.budget.${k}`, `${D.budget}${BUDGET_LABELS[k]}`, v.budget[k], errors);
  const taskRows: number[] = [];
  const tasks: DepartmentFields['tasks'] = [];
  v.tasks.forEach((t, i) => {
    if (blankTask(t)) return;
    const row = `${D.tasks}第${i + 1}行`;
    if (t.name.trim() === '') errors.push({ field: `department.tasks[${i}].name`, message: `${row}：请填写${D.taskName}` });
    taskRows.push(i);
    tasks.push({
      name: t.name.trim(),
      content: text(t.content),
      amount: amount(`department.tasks[${i}].amount`, `${row}${D.taskBudget}${D.taskAmount}`, t.amount, errors),
      fiscal: amount(`department.tasks[${i}].fiscal`, `${row}${D.fiscal}`, t.fiscal, errors),
      other: amount(`department.tasks[${i}].other`, `${row}${D.other}`, t.other, errors),
    });
  });
  return { department: { budget, tasks }, taskRows, errors };
}

export function policyBody(v: PolicyFormValue): { policy: PolicyFields; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (v.startYear !== null && v.endYear !== null && v.endYear < v.startYear) {
    errors.push({ field: 'policy.endYear', message: `${P.period}的结束年度不能早于起始年度` });
  }
  const policy: PolicyFields = {
    basis: text(v.basis),
    startYear: v.startYear,
    endYear: v.endYear,
    totalFunds: amount('policy.totalFunds', P.fundsTotal, v.totalFunds, errors),
    annualFunds: amount('policy.annualFunds', P.fundsAnnual, v.annualFunds, errors),
  };
  return { policy, errors };
}

export interface KindFormValues {
  header: HeaderFormValue;
  department: DepartmentFormValue;
  policy: PolicyFormValue;
}

/** The PATCH body of a target of `kind`: a project's header, or the name, goals and block of the other kinds. */
export function kindBody(kind: TargetKindKey, v: KindFormValues): HeaderBodyResult & { body: UpdateTargetBody; taskRows: number[] } {
  const head = headerBody(v.header);
  if (kind === 'project') return { ...head, taskRows: [] };
  const name = head.body.name ?? '';
  const nameLabel = kind === 'department' ? D.orgName : P.name;
  const nameErrors = head.errors.filter((e) => e.field === 'name').map((e) => ({ ...e, message: `请填写${nameLabel}` }));
  if (kind === 'department') {
    const d = departmentBody(v.department);
    return { body: { name, annualGoal: head.body.annualGoal, department: d.department }, errors: [...nameErrors, ...d.errors], taskRows: d.taskRows };
  }
  const p = policyBody(v.policy);
  return { body: { name, totalGoal: head.body.totalGoal, annualGoal: head.body.annualGoal, policy: p.policy }, errors: [...nameErrors, ...p.errors], taskRows: [] };
}

/** Compare two states of the form as they would be saved. */
export function kindSignature(kind: TargetKindKey, v: KindFormValues): string {
  return JSON.stringify(kindBody(kind, v).body);
}

/** A server field of a department task row (`department.tasks[1].amount`, index as sent) as the form's row. */
export function formTaskField(field: string, taskRows: readonly number[]): string {
  const m = /^department\.tasks\[(\d+)\](.*)$/.exec(field);
  if (!m) return field;
  const row = taskRows[Number(m[1])];
  return row === undefined ? field : `department.tasks[${row}]${m[2]}`;
}

export interface FieldHint {
  status: 'error' | 'warning';
  message: string;
}

/**
 * What a field of the block says under it: its own invalid amount (short: the cell names the field), else the refusal
 * of the last save (the server's 400 or the page's own check), else the first live finding of the domain's checks (an error finding stays a warning
 * until submit: the draft may be saved).
 */
export function fieldHint(
  field: string,
  saveErrors: ReadonlyMap<string, string>,
  invalid: boolean,
  finding: { message: string } | undefined,
  invalidMessage = '须为非负金额，最多两位小数，如 500000.00',
): FieldHint | null {
  if (invalid) return { status: 'error', message: invalidMessage };
  const refused = saveErrors.get(field);
  if (refused) return { status: 'error', message: refused };
  return finding ? { status: 'warning', message: finding.message } : null;
}

const POLICY_LABELS: Record<string, string> = {
  basis: P.basis,
  startYear: `${P.period}起始年度`,
  endYear: `${P.period}结束年度`,
  totalFunds: P.fundsTotal,
  annualFunds: P.fundsAnnual,
};
const TASK_LABELS: Record<string, string> = { name: D.taskName, content: D.taskContent, amount: `${D.taskBudget}${D.taskAmount}`, fiscal: D.fiscal, other: D.other };

/** Label of an API field of any kind (`department.tasks[1].amount` → 年度主要任务第2行预算金额总额), a project's as before. */
export function targetFieldLabel(field: string | undefined): string {
  const budget = /^department\.budget\.(\w+)$/.exec(field ?? '');
  if (budget) return `${D.budget}${BUDGET_LABELS[budget[1] as BudgetKey] ?? budget[1]}`;
  const task = /^department\.tasks(?:\[(\d+)\](?:\.(\w+))?)?$/.exec(field ?? '');
  if (task) return task[1] === undefined ? D.tasks : `${D.tasks}第${Number(task[1]) + 1}行${task[2] ? (TASK_LABELS[task[2]] ?? task[2]) : ''}`;
  const policy = /^policy\.(\w+)$/.exec(field ?? '');
  if (policy) return POLICY_LABELS[policy[1]] ?? policy[1];
  return fieldLabel(field);
}

/** A refusal's line in the page's alert: `label：message`, without the label when the message already starts with it. */
export function detailText(d: { field?: string; message: string }): string {
  const label = d.field ? targetFieldLabel(d.field) : '';
  return !label || d.message.startsWith(label) ? d.message : `${label}：${d.message}`;
}
