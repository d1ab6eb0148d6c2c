import { DEPARTMENT_FIELD_LABELS as D, POLICY_FIELD_LABELS as P, PROJECT_HEADER_LABELS } from '@pt/domain';
import type { Project, Target } from '@pt/shared/contracts';

/**
 * What a revision diff compares for each kind of target: the header fields of its own form, named by its form's
 * labels (a department's 资金总额 is not a project's 年度资金总额), each read from the target flattened by `flatten`.
 */
const DEPARTMENT_DIFF_LABELS: Readonly<Record<string, string>> = {
  name: D.orgName,
  'department.budget.total': `${D.budget}${D.budgetTotal}`,
  'department.budget.fiscal': `${D.budget}${D.fiscal}`,
  'department.budget.other': `${D.budget}${D.other}`,
  'department.budget.basic': D.basic,
  'department.budget.project': D.project,
  'department.tasks': D.tasks,
  annualGoal: D.annualGoal,
};

const POLICY_DIFF_LABELS: Readonly<Record<string, string>> = {
  name: P.name,
  'policy.basis': P.basis,
  'policy.startYear': `${P.period}（起）`,
  'policy.endYear': `${P.period}（止）`,
  'policy.totalFunds': P.fundsTotal,
  'policy.annualFunds': P.fundsAnnual,
  totalGoal: P.midTermGoal,
  annualGoal: P.annualGoal,
};

export function diffLabels(kind: Target['kind'] | undefined): Readonly<Record<string, string>> {
  return kind === 'department' ? DEPARTMENT_DIFF_LABELS : kind === 'policy' ? POLICY_DIFF_LABELS : PROJECT_HEADER_LABELS;
}

/** The target as one level of fields: `funds.total`, `department.budget.total`, `department.tasks` (one line per task). */
export function flatten(p: Project & Partial<Pick<Target, 'department' | 'policy'>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...p, ...Object.fromEntries(Object.entries(p.funds).map(([k, v]) => [`funds.${k}`, v])) };
  if (p.department) {
    for (const [k, v] of Object.entries(p.department.budget)) out[`department.budget.${k}`] = v;
    out['department.tasks'] = p.department.tasks
      .map((t, i) => `${i + 1}. ${t.name}${t.content ? `（${t.content}）` : ''} ${D.taskAmount} ${t.amount ?? '—'}，${D.fiscal} ${t.fiscal ?? '—'}，${D.other} ${t.other ?? '—'}`)
      .join('\n');
  }
  if (p.policy) for (const [k, v] of Object.entries(p.policy)) out[`policy.${k}`] = v;
  return out;
}
