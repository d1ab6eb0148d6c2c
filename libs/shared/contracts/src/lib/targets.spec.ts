import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { CreateTargetDto, ListTargetsQueryDto, UpdateTargetDto } from './targets';

/** Every message by its property path (`department.tasks.0.amount`). */
function problems(errors: ValidationError[], prefix = ''): Record<string, string[]> {
  return Object.fromEntries(
    errors.flatMap((e) => {
      const path = `${prefix}${e.property}`;
      const own: [string, string[]][] = e.constraints ? [[path, Object.values(e.constraints)]] : [];
      return [...own, ...Object.entries(problems(e.children ?? [], `${path}.`))];
    }),
  );
}

const base = { year: 2027, orgId: '6f1c1f7e-8a44-4a8e-9a51-0d2f7f1d2a11', frameworkCode: 'mof-2021' };

describe('target DTOs', () => {
  it('creates a department target without a name, with its budget and tasks as decimal strings', () => {
    const dto = plainToInstance(CreateTargetDto, { ...base, kind: 'department', department: { budget: { total: '100.00', fiscal: '100' }, tasks: [{ name: '任务', amount: '50' }] } });
    expect(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true })).toEqual([]);
  });

  it('refuses an unknown kind, a number for money and a task without a name, each naming its field in Chinese', () => {
    const dto = plainToInstance(CreateTargetDto, { ...base, kind: 'program', department: { budget: { total: 100 }, tasks: [{ name: ' ', amount: '1.234' }] } });
    const p = problems(validateSync(dto));
    expect(p['kind'][0]).toContain('目标类型');
    expect(p['department.budget.total'][0]).toContain('年度预算申请资金总额');
    expect(p['department.tasks.0.name'].join()).toContain('任务名称');
    expect(p['department.tasks.0.amount'][0]).toContain('预算金额总额');
  });

  it('checks the policy block: years as integers in range, funds as amounts', () => {
    const p = problems(validateSync(plainToInstance(UpdateTargetDto, { policy: { startYear: '20x6', endYear: 1999, totalFunds: '-3' } })));
    expect(p['policy.startYear'][0]).toContain('实施期起始年度');
    expect(p['policy.endYear'][0]).toContain('实施期结束年度');
    expect(p['policy.totalFunds'][0]).toContain('资金规模总额');
  });

  it('filters a list by kind', () => {
    expect(validateSync(plainToInstance(ListTargetsQueryDto, { kind: 'policy', year: '2027' }))).toEqual([]);
    expect(problems(validateSync(plainToInstance(ListTargetsQueryDto, { kind: 'x' })))['kind'][0]).toContain('目标类型');
  });
});
