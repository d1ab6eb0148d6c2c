import { refusal, seedTarget, startTargetBed, type TargetBed } from '../../testing';
import { kindColumnValues, loadTasks, replaceTasks, sameTasks } from './kind-fields';
import { narrowToKind } from './kind-scope';
import { updateHeader } from './target-header';
import { insertProject } from './target-sql';

describe('the other kinds of target in the store (embedded database)', () => {
  let bed: TargetBed<'filler'>;

  beforeAll(async () => {
    bed = await startTargetBed({ filler: { org: 'school1', roles: ['filler'], name: 'school1-filler' } });
  }, 60_000);
  afterAll(() => bed?.db.stop());

  const department = (year: number) =>
    insertProject(bed.db.manager, {
      orgId: bed.orgs.school1,
      year,
      name: '第一学校',
      frameworkCode: 'mof-2021',
      status: 'draft',
      createdBy: null,
      kind: 'department',
      kindColumns: kindColumnValues('department', { department: { budget: { total: '100.00', fiscal: '60', other: '40', basic: '70', project: '30' } } }),
    });

  it('stores a department budget in the year\'s money columns and by nature, and reads it back as the department block', async () => {
    const id = await department(2027);
    await replaceTasks(bed.db.manager, id, [
      { name: ' 任务一 ', content: '', amount: '50', fiscal: '50' },
      { name: '任务二', amount: '30.5', other: '30.50' },
    ]);
    const t = await bed.targets.get(bed.users.filler, id);
    expect(t).toMatchObject({ kind: 'department', policy: null, funds: { annualTotal: '100.00', annualFiscal: '60.00', annualOther: '40.00' } });
    expect(t.department).toEqual({
      budget: { total: '100.00', fiscal: '60.00', other: '40.00', basic: '70.00', project: '30.00' },
      tasks: [
        { name: '任务一', content: null, amount: '50.00', fiscal: '50.00', other: null },
        { name: '任务二', content: null, amount: '30.50', fiscal: null, other: '30.50' },
      ],
    });
    // the same rows, amounts written differently, are the same tasks
    expect(sameTasks(t.department?.tasks ?? [], [{ name: '任务一', amount: '50', fiscal: '50.0' }, { name: '任务二', amount: '30.50', other: '30.5' }])).toBe(true);
    expect(sameTasks(t.department?.tasks ?? [], [{ name: '任务一', amount: '50.01', fiscal: '50' }, { name: '任务二', amount: '30.50', other: '30.5' }])).toBe(false);
  });

  it('keeps one department target per organisation and year by a unique index (the race the service cannot see)', async () => {
    await department(2028);
    await expect(department(2028)).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '23505' }) });
    // projects of the same unit and year are not limited
    await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2028, name: '项目甲' });
    await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2028, name: '项目乙' });
  });

  it('deletes the tasks with their target', async () => {
    const id = await department(2029);
    await replaceTasks(bed.db.manager, id, [{ name: 't', amount: '1' }]);
    await bed.db.manager.query('DELETE FROM project WHERE id = $1', [id]);
    expect((await loadTasks(bed.db.manager, [id])).size).toBe(0);
  });

  it('maps a policy block onto the basis, plan dates and funds, and refuses a block of another kind naming it', async () => {
    expect(kindColumnValues('policy', { policy: { basis: ' 依据 ', startYear: 2027, endYear: 2029, totalFunds: '9', annualFunds: null } })).toEqual({
      basis: ' 依据 ',
      start_date: '2027-01-01',
      end_date: '2029-12-31',
      fund_total: '9',
      fund_annual_total: null,
    });
    expect(() => kindColumnValues('project', { department: { tasks: [] } })).toThrow('项目绩效目标没有部门（单位）整体的字段（department）');
    expect(kindColumnValues('department', { department: null, policy: null })).toEqual({});
  });

  it('refuses a PATCH that would leave a policy\'s period reversed, naming the field it changes', async () => {
    const id = await insertProject(bed.db.manager, {
      orgId: bed.orgs.school1,
      year: 2027,
      name: '政策',
      frameworkCode: 'mof-2021',
      status: 'draft',
      createdBy: null,
      kind: 'policy',
      kindColumns: kindColumnValues('policy', { policy: { startYear: 2027, endYear: 2028 } }),
    });
    const r = await refusal(bed.targets.write(bed.users.filler, id, '"1"', async (m, row) => void (await updateHeader(m, row, { policy: { startYear: 2030 } }))));
    expect(r).toEqual({ status: 400, code: 'VALIDATION_FAILED', fields: ['policy.startYear'] });
  });

  it('narrowed to projects (the /api/projects scope), reads neither a department target nor lists it', async () => {
    const id = await department(2030);
    const project = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2030, name: '项目' });
    expect((await bed.targets.get(bed.users.filler, id)).kind).toBe('department');
    await narrowToKind('project', async () => {
      expect((await refusal(bed.targets.get(bed.users.filler, id))).status).toBe(404);
      expect((await refusal(bed.targets.getMany(bed.users.filler, [project.id, id]))).status).toBe(404);
      const page = await bed.targets.list(bed.users.filler, { year: 2030 });
      expect(page.items.map((i) => i.id)).toEqual([project.id]);
    });
    const all = await bed.targets.list(bed.users.filler, { year: 2030 });
    expect(all.items.map((i) => i.kind).sort()).toEqual(['department', 'project']);
    expect((await bed.targets.list(bed.users.filler, { year: 2030, kind: 'department' })).items.map((i) => i.id)).toEqual([id]);
  });
});
