import { EvaluationStore, type TargetStore } from '@pt/api/targets/data-access';
import { refusal, seedTarget, startTargetBed, type TargetBed } from '@pt/api/targets/data-access/testing';
import type { ProjectStatus, TransitionAction, UserSummary } from '@pt/shared/contracts';
import { EVALUATION_REVIEW, evaluationReviewHooks } from './evaluation-review';
import { ReviewService } from './review.service';
import { TARGET_REVIEW, targetReviewHooks } from './target-review';

describe('ReviewService.transition on the embedded database', () => {
  let bed: TargetBed<'filler' | 'dept' | 'finance'>;
  let targets: TargetStore;
  let evaluations: EvaluationStore;
  let review: ReviewService;

  beforeAll(async () => {
    bed = await startTargetBed({
      filler: { org: 'school1', roles: ['filler'] },
      dept: { org: 'edu', roles: ['dept_reviewer'] },
      finance: { org: 'finance', roles: ['finance_reviewer'] },
    });
    targets = bed.targets;
    evaluations = new EvaluationStore(targets);
    review = new ReviewService(targets);
  }, 60_000);
  afterAll(() => bed?.db.stop());

  const version = async (id: string): Promise<string> => String(await bed.version(id));
  const target = (user: UserSummary, id: string, action: TransitionAction, comment?: string, rowComments?: { indicatorId: string; comment: string }[]) =>
    version(id).then((v) => review.transition(TARGET_REVIEW, targetReviewHooks(targets, user, rowComments), user, id, v, { action, comment }));
  const evaluation = (user: UserSummary, id: string, action: TransitionAction, comment?: string) =>
    version(id).then((v) => review.transition(EVALUATION_REVIEW, evaluationReviewHooks(evaluations), user, id, v, { action, comment }));
  const status = async (id: string): Promise<ProjectStatus> => (await targets.get(bed.users.filler, id)).status;
  const audits = async (id: string): Promise<string[]> =>
    (await bed.db.manager.query(`SELECT event FROM audit_log WHERE object_id = $1 ORDER BY id`, [id])).map((r: { event: string }) => r.event);

  describe('a target', () => {
    it('stores a structured review with its transition; refuses an approval with 中 (422, review.overall), writing nothing', async () => {
      const { id } = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2027, name: '结构化审核', status: 'submitted' });
      const judged = (overall: '良' | '中') => ({ completeness: '优', relevance: '良', appropriateness: '良', feasibility: '中', overall }) as const;
      const approve = (overall: '良' | '中') => version(id).then((v) => review.transition(TARGET_REVIEW, targetReviewHooks(targets, bed.users.dept, undefined), bed.users.dept, id, v, { action: 'approve', review: judged(overall) }));
      expect(await refusal(approve('中'))).toEqual({ status: 422, code: 'REVIEW_NOT_PASSING', fields: ['review.overall'] });
      expect(await status(id)).toBe('submitted');
      expect(await audits(id)).toEqual([]);
      await approve('良');
      expect(await status(id)).toBe('dept_approved');
      expect((await targets.history(bed.users.filler, id)).map((h) => h.review)).toEqual([judged('良')]);
    });

    it('goes draft → submitted → dept_approved → approved, each step once in history and audit', async () => {
      const { id } = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2027, name: '全程' });
      await target(bed.users.filler, id, 'submit');
      expect(await status(id)).toBe('submitted');
      await target(bed.users.dept, id, 'approve');
      expect(await status(id)).toBe('dept_approved');
      await target(bed.users.finance, id, 'approve');
      expect(await status(id)).toBe('approved');
      const history = await targets.history(bed.users.filler, id);
      expect(history.map((h) => [h.action, h.fromStatus, h.toStatus])).toEqual([
        ['submit', 'draft', 'submitted'],
        ['approve', 'submitted', 'dept_approved'],
        ['approve', 'dept_approved', 'approved'],
      ]);
      expect(await audits(id)).toEqual(['project.submit', 'project.approve', 'project.approve']);
    });

    it('refuses the wrong role (403), the wrong state (409) and a return without a reason (400), writing nothing', async () => {
      const { id } = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2027, name: '拒绝', status: 'submitted' });
      expect(await refusal(target(bed.users.filler, id, 'approve'))).toEqual({ status: 403, code: 'FORBIDDEN', fields: [] });
      expect(await refusal(target(bed.users.dept, id, 'submit'))).toEqual({ status: 403, code: 'FORBIDDEN', fields: [] });
      expect(await refusal(target(bed.users.finance, id, 'approve'))).toEqual({ status: 409, code: 'INVALID_TRANSITION', fields: [] });
      expect(await refusal(target(bed.users.filler, id, 'submit'))).toEqual({ status: 409, code: 'INVALID_TRANSITION', fields: [] });
      expect(await refusal(target(bed.users.dept, id, 'return', '  '))).toEqual({ status: 400, code: 'VALIDATION_FAILED', fields: ['comment'] });
      expect(await status(id)).toBe('submitted');
      expect(await targets.history(bed.users.filler, id)).toEqual([]);
      expect(await audits(id)).toEqual([]);
      expect(await version(id)).toBe('1');
    });

    it('a return with row comments stores them with the transition; a bed.users.filler may not give them', async () => {
      const { id, indicatorIds } = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2027, name: '逐行', status: 'submitted' });
      expect(await refusal(target(bed.users.filler, id, 'withdraw', undefined, [{ indicatorId: indicatorIds[0], comment: 'x' }]))).toEqual({
        status: 400,
        code: 'VALIDATION_FAILED',
        fields: ['rowComments'],
      });
      await target(bed.users.dept, id, 'return', '请修改', [{ indicatorId: indicatorIds[1], comment: '表述不清' }]);
      const p = await targets.get(bed.users.filler, id);
      expect(p.status).toBe('returned');
      expect(p.reviewComments.map((c) => [c.indicatorName, c.comment, c.action])).toEqual([['群众满意', '表述不清', 'return']]);
      expect(p.permissions.actions).toEqual(['submit']);
    });

    it('a table with errors is not submitted (422, each place named)', async () => {
      const { id } = await seedTarget(bed.db.manager, {
        orgId: bed.orgs.school1,
        year: 2027,
        name: '有错',
        rows: [{ level1: '产出指标', level2: '数量指标', name: '培训人数', target: '' }],
      });
      const r = await refusal(target(bed.users.filler, id, 'submit'));
      expect([r.status, r.code]).toEqual([422, 'FINDINGS_BLOCK_SUBMIT']);
      expect(r.fields.length).toBeGreaterThan(0);
      expect(await status(id)).toBe('draft');
    });
  });

  describe('a self-evaluation', () => {
    const scores = { executionRate: '100.00', executionScore: '10.00', indicatorScore: '80.00', totalScore: '90.00', grade: '优' as const };
    const saveEvaluation = async (id: string, evalStatus: ProjectStatus) => {
      await bed.db.dataSource.transaction(async (m) => {
        await evaluations.upsert(m, id, { annualBudget: '100', executed: '100', goalAchievement: null, items: [], funds: undefined, userId: bed.users.filler.id }, scores);
        await evaluations.setStatus(m, id, evalStatus);
      });
    };

    it('only of an approved target, and only once saved', async () => {
      const draft = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2027, name: '自评-未批复' });
      expect(await refusal(evaluation(bed.users.filler, draft.id, 'submit'))).toEqual({ status: 409, code: 'NOT_APPROVED', fields: [] });
      const approved = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2027, name: '自评-未保存', status: 'approved' });
      expect(await refusal(evaluation(bed.users.filler, approved.id, 'submit'))).toEqual({ status: 409, code: 'INVALID_TRANSITION', fields: [] });
      // the role is checked before the document is found unsaved
      expect(await refusal(evaluation(bed.users.dept, approved.id, 'submit'))).toEqual({ status: 403, code: 'FORBIDDEN', fields: [] });
    });

    it('the reviewers approve or return it with a reason, under its own history actions and audit events', async () => {
      const { id } = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2027, name: '自评-审核', status: 'approved' });
      await saveEvaluation(id, 'submitted');
      expect(await refusal(evaluation(bed.users.dept, id, 'return'))).toEqual({ status: 400, code: 'VALIDATION_FAILED', fields: ['comment'] });
      expect(await refusal(evaluation(bed.users.finance, id, 'approve'))).toEqual({ status: 409, code: 'INVALID_TRANSITION', fields: [] });
      await evaluation(bed.users.dept, id, 'approve');
      await evaluation(bed.users.finance, id, 'return', '实际完成值无佐证');
      const e = await evaluations.get(bed.users.filler, id);
      expect(e.status).toBe('returned');
      expect(e.permissions.actions).toEqual(['submit']);
      expect(await status(id)).toBe('approved');
      const history = await targets.history(bed.users.filler, id);
      expect(history.map((h) => [h.action, h.fromStatus, h.toStatus, h.comment])).toEqual([
        ['eval_approve', 'submitted', 'dept_approved', null],
        ['eval_return', 'dept_approved', 'returned', '实际完成值无佐证'],
      ]);
      expect(await audits(id)).toEqual(['evaluation.approve', 'evaluation.return']);
    });
  });
});
