import { EvaluationStore } from '@pt/api/targets/data-access';
import { refusal, seedTarget, startTargetBed, type TargetBed } from '@pt/api/targets/data-access/testing';
import { EvaluationService } from './evaluation.service';

describe('EvaluationService on the embedded database', () => {
  let bed: TargetBed<'filler' | 'dept'>;
  let store: EvaluationStore;
  let evaluations: EvaluationService;

  beforeAll(async () => {
    bed = await startTargetBed({ filler: { org: 'school1', roles: ['filler'] }, dept: { org: 'edu', roles: ['dept_reviewer'] } });
    store = new EvaluationStore(bed.targets);
    evaluations = new EvaluationService(store);
  }, 60_000);
  afterAll(() => bed?.db.stop());

  const budget = { annualBudget: '100', executed: '90' };
  const scores = { executionRate: '90.00', executionScore: '9.00', indicatorScore: '80.00', totalScore: '89.00', grade: '良' as const };

  it('before the first save: the budget from the declaration, nothing to submit yet', async () => {
    const { id } = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2027, name: '未保存', status: 'approved', funds: { annualTotal: '5000' } });
    const e = await evaluations.get(bed.users.filler, id);
    expect([e.saved, e.status, e.budget.annualBudget, e.permissions.edit, e.permissions.actions]).toEqual([false, 'draft', '5000.00', true, []]);
    const draft = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2027, name: '未批复' });
    expect(await refusal(evaluations.get(bed.users.filler, draft.id))).toEqual({ status: 409, code: 'NOT_APPROVED', fields: [] });
  });

  it('a save is the bed.users.filler’s, on rows of the approved table only, each once', async () => {
    const { id, indicatorIds } = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2027, name: '保存', status: 'approved' });
    expect(await refusal(evaluations.put(bed.users.dept, id, '1', { budget, items: [] }))).toEqual({ status: 403, code: 'FORBIDDEN', fields: [] });
    const other = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2027, name: '别的项目' });
    const items = [{ indicatorId: other.indicatorIds[0] }, { indicatorId: indicatorIds[0] }, { indicatorId: indicatorIds[0] }];
    expect(await refusal(evaluations.put(bed.users.filler, id, '1', { budget, items }))).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
      fields: ['items[0].indicatorId', 'items[2].indicatorId'],
    });
    expect((await evaluations.get(bed.users.filler, id)).saved).toBe(false);
  });

  it('a submitted evaluation is not the bed.users.filler’s to change; a deduction is its current reviewer’s', async () => {
    const { id, indicatorIds } = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2027, name: '已提交自评', status: 'approved' });
    const deductions = [{ indicatorId: indicatorIds[0], apply: true, reason: '指标值偏低' }];
    expect(await refusal(evaluations.deduct(bed.users.dept, id, '1', { deductions }))).toEqual({ status: 409, code: 'INVALID_TRANSITION', fields: [] });
    await bed.db.dataSource.transaction(async (m) => {
      await store.upsert(m, id, { ...budget, goalAchievement: null, items: [], funds: undefined, userId: bed.users.filler.id }, scores);
      await store.setStatus(m, id, 'submitted');
    });
    expect(await refusal(evaluations.put(bed.users.filler, id, '1', { budget, items: [] }))).toEqual({ status: 409, code: 'NOT_EDITABLE', fields: [] });
    expect(await refusal(evaluations.deduct(bed.users.filler, id, '1', { deductions }))).toEqual({ status: 403, code: 'FORBIDDEN', fields: [] });
    // the row is not far above its target: nothing to deduct (422, the row named)
    expect(await refusal(evaluations.deduct(bed.users.dept, id, '1', { deductions }))).toEqual({ status: 422, code: 'DEDUCTION_NOT_APPLICABLE', fields: ['deductions[0].indicatorId'] });
    const e = await evaluations.get(bed.users.dept, id);
    expect([e.status, e.permissions.deduct, e.permissions.actions]).toEqual(['submitted', true, ['approve', 'return']]);
  });
});
