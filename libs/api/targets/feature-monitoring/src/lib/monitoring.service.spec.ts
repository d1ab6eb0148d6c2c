import { refusal, seedTarget, startTargetBed, type TargetBed } from '@pt/api/targets/data-access/testing';
import type { PutMonitoringDto } from '@pt/shared/contracts';
import { MonitoringService } from './monitoring.service';

describe('MonitoringService on the migrated schema', () => {
  let bed: TargetBed<'filler' | 'otherFiller' | 'eduReviewer' | 'financeReviewer'>;
  let service: MonitoringService;
  let approved: { id: string; indicatorIds: string[] };
  let draft: { id: string; indicatorIds: string[] };
  let hospital: { id: string; indicatorIds: string[] };

  const version = (id: string): Promise<number> => bed.version(id);
  const report = (month: number, current: string, overrides: Partial<PutMonitoringDto['items'][number]> = {}): PutMonitoringDto => ({
    month,
    budget: { annualBudget: '1000.00', executed: '500.00', expectedExecuted: '1000.00' },
    items: [
      { indicatorId: approved.indicatorIds[0], current, expected: '100', likelihood: '确定能', reasons: [], measures: null, ...overrides },
      { indicatorId: approved.indicatorIds[1], current: '已提高', expected: null, likelihood: '确定能', reasons: [], measures: null },
    ],
  });

  beforeAll(async () => {
    bed = await startTargetBed({
      filler: { org: 'school1', roles: ['filler'], name: 'school1-filler' },
      otherFiller: { org: 'school2', roles: ['filler'], name: 'school2-filler' },
      eduReviewer: { org: 'edu', roles: ['dept_reviewer'], name: 'edu-reviewer' },
      financeReviewer: { org: 'finance', roles: ['finance_reviewer'], name: 'finance-reviewer' },
    });
    const m = bed.db.manager;
    approved = await seedTarget(m, { orgId: bed.orgs.school1, year: 2026, name: '教师培训', status: 'approved', funds: { annualTotal: '1000.00' } });
    draft = await seedTarget(m, { orgId: bed.orgs.school1, year: 2026, name: '校舍维修', status: 'draft' });
    hospital = await seedTarget(m, { orgId: bed.orgs.hospital, year: 2026, name: '义诊', status: 'approved' });
    service = new MonitoringService(bed.db.dataSource, bed.targets, bed.monitoring, bed.scope);
  }, 60_000);
  afterAll(() => bed?.db.stop());

  it('reads an approved project without a report: no month, no light, the budget from the declaration', async () => {
    const m = await service.get(bed.users.filler, approved.id);
    expect(m).toMatchObject({ projectId: approved.id, month: null, months: [], light: 'none', updatedAt: null, permissions: { edit: true } });
    expect(m.budget).toEqual({ annualBudget: '1000.00', executed: null, expectedExecuted: null });
    expect(m.items.map((i) => [i.name, i.light])).toEqual([
      ['培训人数', 'none'],
      ['群众满意', 'none'],
    ]);
    expect((await service.get(bed.users.eduReviewer, approved.id)).permissions.edit).toBe(false);
  });

  it('refuses a project that is not approved (409) or not visible (404)', async () => {
    expect(await refusal(service.get(bed.users.filler, draft.id))).toMatchObject({ status: 409, code: 'NOT_APPROVED' });
    expect(await refusal(service.get(bed.users.otherFiller, approved.id))).toMatchObject({ status: 404 });
    expect(await refusal(service.get(bed.users.eduReviewer, hospital.id))).toMatchObject({ status: 404 });
  });

  it('saves a month under the optimistic lock and answers it with the lights the domain computes', async () => {
    const v = await version(approved.id);
    const saved = await service.put(bed.users.filler, approved.id, `"${v}"`, report(6, '20'));
    expect(await version(approved.id)).toBe(v + 1);
    expect(saved).toMatchObject({ month: 6, months: [6], version: v + 1 });
    expect(saved.budget).toEqual({ annualBudget: '1000.00', executed: '500.00', expectedExecuted: '1000.00' });
    // 人 accumulate over the year: 20 of the 50 due by June is 40 %, red; the qualitative row is green by its likelihood
    expect(saved.items.map((i) => [i.current, i.light, i.progress])).toEqual([
      ['20', 'red', '40.00'],
      ['已提高', 'green', null],
    ]);
    expect(saved.light).toBe('red');
    const [stored]: { light: string; budget_light: string; execution_rate: string }[] = await bed.db.manager.query(
      `SELECT light, budget_light, execution_rate::text AS execution_rate FROM project_monitoring WHERE project_id = $1 AND month = 6`,
      [approved.id],
    );
    expect(stored).toEqual({ light: 'red', budget_light: saved.budgetLight.light, execution_rate: saved.budgetLight.executionRate });
    // the same month again replaces it; a later month is added and read as the latest
    await service.put(bed.users.filler, approved.id, `"${v + 1}"`, report(6, '45'));
    await service.put(bed.users.filler, approved.id, `"${v + 2}"`, report(9, '70'));
    expect((await service.get(bed.users.filler, approved.id)).months).toEqual([6, 9]);
    expect((await service.get(bed.users.filler, approved.id)).month).toBe(9);
    expect((await service.get(bed.users.filler, approved.id, 6)).items[0]).toMatchObject({ current: '45', light: 'green', progress: '90.00' });
  });

  it('refuses a stale or missing version, a reviewer, and rows that are wrong, without saving', async () => {
    const v = await version(approved.id);
    expect(await refusal(service.put(bed.users.filler, approved.id, `"${v - 1}"`, report(7, '10')))).toMatchObject({ status: 412, code: 'VERSION_CONFLICT' });
    expect(await refusal(service.put(bed.users.filler, approved.id, undefined, report(7, '10')))).toMatchObject({ status: 428 });
    expect(await refusal(service.put(bed.users.eduReviewer, approved.id, `"${v}"`, report(7, '10')))).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    const unknownRow = report(7, '10');
    unknownRow.items[1] = { ...unknownRow.items[1], indicatorId: draft.indicatorIds[0] };
    expect(await refusal(service.put(bed.users.filler, approved.id, `"${v}"`, unknownRow))).toMatchObject({ status: 400, fields: ['items[1].indicatorId'] });
    expect(await refusal(service.put(bed.users.filler, approved.id, `"${v}"`, report(7, '很多')))).toMatchObject({ status: 400, fields: ['items[0].current'] });
    // a doubt needs a reason and a measure
    expect(await refusal(service.put(bed.users.filler, approved.id, `"${v}"`, report(7, '10', { likelihood: '有可能' })))).toMatchObject({
      status: 422,
      code: 'MONITORING_RULES',
      fields: expect.arrayContaining(['items[0].reasons']),
    });
    expect(await refusal(service.put(bed.users.filler, draft.id, `"${await version(draft.id)}"`, report(7, '10')))).toMatchObject({ status: 409, code: 'NOT_APPROVED' });
    expect(await version(approved.id)).toBe(v);
    expect((await service.get(bed.users.filler, approved.id)).months).toEqual([6, 9]);
  });

  it('overview: the visible approved projects of the year with their latest lights, red first', async () => {
    const finance = await service.overview(bed.users.financeReviewer, { year: 2026 });
    // both rows are green in September, the budget (500 of 1000, 75 % due) yellow: the project is yellow, before 'none'
    expect(finance.map((r) => [r.name, r.light, r.budgetLight, r.month])).toEqual([
      ['教师培训', 'yellow', 'yellow', 9],
      ['义诊', 'none', 'none', null],
    ]);
    expect(finance[0].counts).toEqual({ red: 0, yellow: 0, green: 2, blue: 0, none: 0 });
    expect((await service.overview(bed.users.eduReviewer, { year: 2026 })).map((r) => r.name)).toEqual(['教师培训']);
    expect(await service.overview(bed.users.otherFiller, { year: 2026 })).toEqual([]);
    expect(await service.overview(bed.users.financeReviewer, { year: 2025 })).toEqual([]);
    expect((await service.overview(bed.users.financeReviewer, { year: 2026, orgId: bed.orgs.health })).map((r) => r.name)).toEqual(['义诊']);
    expect(await refusal(service.overview(bed.users.eduReviewer, { year: 2026, orgId: bed.orgs.health }))).toMatchObject({ status: 404 });
  });
});
