import { checkDepartment, checkPolicy, checkTable } from '@pt/domain';
import { DEMO_ORGS, DEMO_USERS } from './demo-orgs';
import { statusAfter } from './demo-projects';
import { DEMO_DEPARTMENT_TARGETS, DEMO_POLICY_TARGETS } from './demo-targets';

const errors = (f: { severity: string }[]) => f.filter((x) => x.severity === 'error');

describe('demo targets of the other kinds', () => {
  it('give two units a department target whose budget and tasks pass the checks, one per unit and year', () => {
    expect(DEMO_DEPARTMENT_TARGETS).toHaveLength(2);
    expect(new Set(DEMO_DEPARTMENT_TARGETS.map((d) => `${d.org}/${d.year}`)).size).toBe(2);
    for (const d of DEMO_DEPARTMENT_TARGETS) {
      expect(DEMO_ORGS.find((o) => o.code === d.org)?.kind).toBe('unit');
      expect(checkDepartment({ budget: d.budget, tasks: d.tasks.map((t) => ({ ...t, amount: t.amount ?? null, fiscal: t.fiscal ?? null, other: t.other ?? null })) })).toEqual([]);
      expect(errors(checkTable({ frameworkCode: 'mof-2021', rows: d.rows, year: d.year }))).toEqual([]);
    }
  });

  it('take the budgets of 2025年部门支出预算分单位明细表 (西宁 5,840,000; 广州 6,684,000)', () => {
    expect(DEMO_DEPARTMENT_TARGETS.map((d) => [d.org, d.budget.total, d.budget.basic, d.budget.project])).toEqual([
      ['HZB-XN', '5840000.00', '4422800.00', '1417200.00'],
      ['HZB-GZ', '6684000.00', '5660000.00', '1024000.00'],
    ]);
  });

  it('are filled and reviewed by demo users, the approved one through both levels', () => {
    const users = new Set(DEMO_USERS.map((u) => u.username));
    for (const d of DEMO_DEPARTMENT_TARGETS) for (const s of d.steps) expect(users.has(s.user)).toBe(true);
    expect(DEMO_DEPARTMENT_TARGETS.map((d) => statusAfter(d.steps))).toEqual(['approved', 'draft']);
    for (const p of DEMO_POLICY_TARGETS) expect(users.has(p.filler)).toBe(true);
  });

  it('include one policy target whose period and funds pass the checks, with a 中期 and an annual table', () => {
    expect(DEMO_POLICY_TARGETS).toHaveLength(1);
    const p = DEMO_POLICY_TARGETS[0];
    expect(checkPolicy({ year: p.year, startYear: p.policy.startYear, endYear: p.policy.endYear, totalFunds: p.policy.totalFunds, annualFunds: p.policy.annualFunds })).toEqual([]);
    expect(errors(checkTable({ frameworkCode: 'mof-2021', rows: p.rows }))).toEqual([]);
    expect(errors(checkTable({ frameworkCode: 'mof-2021', rows: p.overallRows }))).toEqual([]);
  });
});
