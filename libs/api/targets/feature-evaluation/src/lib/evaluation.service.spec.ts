import { startTestDatabase, type TestDatabase } from '@pt/api/core/testing';
import { EvaluationStore } from '@pt/api/targets/data-access';
import { refusal, seedOrgTree, seedTarget, seedUser, targetServices, type OrgTree } from '@pt/api/targets/data-access/testing';
import type { UserSummary } from '@pt/shared/contracts';
import { EvaluationService } from './evaluation.service';

describe('EvaluationService on the embedded database', () => {
  let db: TestDatabase;
  let store: EvaluationStore;
  let evaluations: EvaluationService;
  let orgs: OrgTree;
  let filler: UserSummary;
  let dept: UserSummary;

  beforeAll(async () => {
    db = await startTestDatabase();
    store = new EvaluationStore(targetServices(db.dataSource).targets);
    evaluations = new EvaluationService(store);
    orgs = await seedOrgTree(db.manager);
    filler = await seedUser(db.manager, 'filler', orgs.school1, ['filler']);
    dept = await seedUser(db.manager, 'dept', orgs.edu, ['dept_reviewer']);
  }, 60_000);
  afterAll(() => db?.stop());

  const budget = { annualBudget: '100', executed: '90' };
  const scores = { executionRate: '90.00', executionScore: '9.00', indicatorScore: '80.00', totalScore: '89.00', grade: '良' as const };

  it('before the first save: the budget from the declaration, nothing to submit yet', async () => {
    const { id } = await seedTarget(db.manager, { orgId: orgs.school1, year: 2027, name: '未保存', status: 'approved', funds: { annualTotal: '5000' } });
    const e = await evaluations.get(filler, id);
    expect([e.saved, e.status, e.budget.annualBudget, e.permissions.edit, e.permissions.actions]).toEqual([false, 'draft', '5000.00', true, []]);
    const draft = await seedTarget(db.manager, { orgId: orgs.school1, year: 2027, name: '未批复' });
    expect(await refusal(evaluations.get(filler, draft.id))).toEqual({ status: 409, code: 'NOT_APPROVED', fields: [] });
  });

  it('a save is the filler’s, on rows of the approved table only, each once', async () => {
    const { id, indicatorIds } = await seedTarget(db.manager, { orgId: orgs.school1, year: 2027, name: '保存', status: 'approved' });
    expect(await refusal(evaluations.put(dept, id, '1', { budget, items: [] }))).toEqual({ status: 403, code: 'FORBIDDEN', fields: [] });
    const other = await seedTarget(db.manager, { orgId: orgs.school1, year: 2027, name: '别的项目' });
    const items = [{ indicatorId: other.indicatorIds[0] }, { indicatorId: indicatorIds[0] }, { indicatorId: indicatorIds[0] }];
    expect(await refusal(evaluations.put(filler, id, '1', { budget, items }))).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
      fields: ['items[0].indicatorId', 'items[2].indicatorId'],
    });
    expect((await evaluations.get(filler, id)).saved).toBe(false);
  });

  it('a submitted evaluation is not the filler’s to change; a deduction is its current reviewer’s', async () => {
    const { id, indicatorIds } = await seedTarget(db.manager, { orgId: orgs.school1, year: 2027, name: '已提交自评', status: 'approved' });
    const deductions = [{ indicatorId: indicatorIds[0], apply: true, reason: '指标值偏低' }];
    expect(await refusal(evaluations.deduct(dept, id, '1', { deductions }))).toEqual({ status: 409, code: 'INVALID_TRANSITION', fields: [] });
    await db.dataSource.transaction(async (m) => {
      await store.upsert(m, id, { ...budget, goalAchievement: null, items: [], funds: undefined, userId: filler.id }, scores);
      await store.setStatus(m, id, 'submitted');
    });
    expect(await refusal(evaluations.put(filler, id, '1', { budget, items: [] }))).toEqual({ status: 409, code: 'NOT_EDITABLE', fields: [] });
    expect(await refusal(evaluations.deduct(filler, id, '1', { deductions }))).toEqual({ status: 403, code: 'FORBIDDEN', fields: [] });
    // the row is not far above its target: nothing to deduct (422, the row named)
    expect(await refusal(evaluations.deduct(dept, id, '1', { deductions }))).toEqual({ status: 422, code: 'DEDUCTION_NOT_APPLICABLE', fields: ['deductions[0].indicatorId'] });
    const e = await evaluations.get(dept, id);
    expect([e.status, e.permissions.deduct, e.permissions.actions]).toEqual(['submitted', true, ['approve', 'return']]);
  });
});
