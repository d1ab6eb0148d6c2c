import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ListProjectsQueryDto, ProjectHeaderDto } from './projects';
import { MonitoringBudgetDto } from './monitoring';
import { ListTargetsQueryDto } from './targets';

const problems = (errors: ReturnType<typeof validateSync>): Record<string, string[]> =>
  Object.fromEntries(errors.flatMap((e) => (e.children?.length ? e.children.map((c) => [`${e.property}.${c.property}`, Object.values(c.constraints ?? {})]) : [[e.property, Object.values(e.constraints ?? {})]])));

describe('shared field rules', () => {
  it('optional amounts: absent or null pass, a malformed amount is refused naming its field', () => {
    expect(validateSync(plainToInstance(MonitoringBudgetDto, { annualBudget: null }))).toEqual([]);
    expect(problems(validateSync(plainToInstance(MonitoringBudgetDto, { executed: '1.234', expectedExecuted: 5 })))).toEqual({
      executed: ['截至当月执行数须为不超过两位小数的非负金额（元），如 500000.00'],
      expectedExecuted: ['全年预计执行数须为不超过两位小数的非负金额（元），如 500000.00', '全年预计执行数须为不超过两位小数的非负金额（元），如 500000.00'],
    });
  });

  it('names each fund of the project by the domain catalogue', () => {
    const errors = validateSync(plainToInstance(ProjectHeaderDto, { funds: { total: '100.00', annualOther: '-1' } }));
    expect(problems(errors)).toEqual({ 'funds.annualOther': ['其他资金（年度）须为不超过两位小数的非负金额（元），如 500000.00'] });
  });

  it('paged lists: page and pageSize converted from the query and bounded', () => {
    expect(validateSync(plainToInstance(ListProjectsQueryDto, { page: '2', pageSize: '200', year: '2024' }))).toEqual([]);
    expect(problems(validateSync(plainToInstance(ListProjectsQueryDto, { page: '0', pageSize: '201', year: '1999' })))).toEqual({
      year: ['年度不早于 2000'],
      page: ['页码须为正整数'],
      pageSize: ['每页最多 200 条'],
    });
  });

  it('the list count cap countUpTo: an integer 1–10000 from the query, else refused naming it', () => {
    for (const ok of ['1', '200', '10000']) expect(validateSync(plainToInstance(ListTargetsQueryDto, { countUpTo: ok }))).toEqual([]);
    expect(plainToInstance(ListTargetsQueryDto, { countUpTo: '200' }).countUpTo).toBe(200);
    for (const bad of ['0', '10001', '2.5', 'abc', '-3'])
      expect(problems(validateSync(plainToInstance(ListTargetsQueryDto, { countUpTo: bad })))).toEqual({ countUpTo: expect.arrayContaining(['计数上限 countUpTo 须为 1–10000 的整数']) });
  });
});
