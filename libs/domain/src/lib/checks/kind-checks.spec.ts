import { checkDepartment, checkPolicy, KIND_CHECK_RULES } from './kind-checks';

const budget = { total: '1000.00', fiscal: '800', other: '200', basic: '600', project: '400' };
const codes = (f: { code: string }[]) => f.map((x) => x.code);

describe('checkDepartment (部门整体)', () => {
  it('is quiet when the budget adds up by source and by nature and the tasks stay within it', () => {
    expect(checkDepartment({ budget, tasks: [{ name: '任务一', amount: '300', fiscal: '200', other: '100' }, { name: '任务二', amount: '700', fiscal: '700', other: null }] })).toEqual([]);
  });

  it('refuses a total that is not fiscal + other, nor basic + project, naming the field and the sums', () => {
    const f = checkDepartment({ budget: { ...budget, other: '100', project: '300.5' }, tasks: [] });
    expect(codes(f)).toEqual(['DEPT_BUDGET_BY_SOURCE', 'DEPT_BUDGET_BY_NATURE']);
    expect(f[0]).toMatchObject({ severity: 'error', field: 'department.budget.total', indicatorIndex: null });
    expect(f[0].message).toContain('1000.00 元');
    expect(f[0].message).toContain('900.00 元');
    expect(f[1].message).toContain('900.50 元');
  });

  it('refuses tasks whose amounts add up to more than the total, and a task whose parts differ from its amount', () => {
    const f = checkDepartment({ budget, tasks: [{ name: '甲', amount: '600', fiscal: '500', other: '50' }, { name: '乙', amount: '500', fiscal: null, other: null }] });
    expect(codes(f)).toEqual(['DEPT_TASK_NOT_ADDING_UP', 'DEPT_TASKS_OVER_TOTAL']);
    expect(f[0]).toMatchObject({ field: 'department.tasks[0].amount' });
    expect(f[0].message).toContain('第1行「甲」');
    expect(f[1]).toMatchObject({ field: 'department.tasks' });
    expect(f[1].message).toContain('1100.00 元');
  });

  it('accepts tasks adding up to exactly the total (decimals compared exactly, 0.1 + 0.2 = 0.3)', () => {
    expect(checkDepartment({ budget: { total: '0.3', fiscal: '0.1', other: '0.2', basic: null, project: null }, tasks: [{ name: 'a', amount: '0.1', fiscal: null, other: null }, { name: 'b', amount: '0.2', fiscal: null, other: null }] })).toEqual([]);
  });

  it('asks for the total when missing and reports an invalid amount once by its field, without adding it up', () => {
    expect(codes(checkDepartment({ budget: { total: null, fiscal: '1', other: null, basic: null, project: null }, tasks: [] }))).toEqual(['DEPT_BUDGET_MISSING']);
    const f = checkDepartment({ budget: { ...budget, fiscal: '八百' }, tasks: [{ name: 't', amount: '-5', fiscal: null, other: null }] });
    expect(f.map((x) => [x.code, x.field])).toEqual([
      ['DEPT_AMOUNT_INVALID', 'department.budget.fiscal'],
      ['DEPT_AMOUNT_INVALID', 'department.tasks[0].amount'],
    ]);
  });
});

describe('checkPolicy (政策)', () => {
  const ok = { year: 2027, startYear: 2026, endYear: 2028, totalFunds: '3000000', annualFunds: '1000000.00' };

  it('is quiet for a period around the year and annual funds within the total', () => {
    expect(checkPolicy(ok)).toEqual([]);
    expect(checkPolicy({ ...ok, annualFunds: '3000000.00' })).toEqual([]);
  });

  it('refuses a reversed period and annual funds over the total, naming the fields', () => {
    const f = checkPolicy({ ...ok, startYear: 2029, annualFunds: '3000000.01' });
    expect(f.map((x) => [x.code, x.severity, x.field])).toEqual([
      ['POLICY_PERIOD_REVERSED', 'error', 'policy.endYear'],
      ['POLICY_ANNUAL_OVER_TOTAL', 'error', 'policy.annualFunds'],
    ]);
  });

  it('warns of a missing period and of a budget year outside it', () => {
    expect(checkPolicy({ ...ok, startYear: null }).map((x) => [x.code, x.severity])).toEqual([['POLICY_PERIOD_MISSING', 'warning']]);
    expect(codes(checkPolicy({ ...ok, year: 2030 }))).toEqual(['POLICY_YEAR_OUTSIDE_PERIOD']);
    expect(codes(checkPolicy({ ...ok, totalFunds: 'abc' }))).toEqual(['POLICY_AMOUNT_INVALID']);
  });

  it('names a severity for every code it reports', () => {
    expect(new Set(KIND_CHECK_RULES.map((r) => r.code)).size).toBe(KIND_CHECK_RULES.length);
  });
});
