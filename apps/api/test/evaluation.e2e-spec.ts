import { getFramework, scoreEvaluation, type TargetValue } from '@pt/domain';
import { createTestDatabase, login, startTestApp, TEST_DB, type TestApp, type TestDatabase } from './test-app';

/**
 * Monitor and self-evaluate (issue 4): the evaluation of an approved reference project scored by the domain
 * rules and stored as computed, its review, bad input refused with the field named and nothing stored,
 * monitoring lights, the department view and the dashboard whose figures match the project list.
 */
describe(`evaluation, monitoring and dashboard (${TEST_DB})`, () => {
  let db: TestDatabase;
  let t: TestApp;
  const tok: Record<string, string> = {};
  /** 合作交流工作业务费 (Xining 2020, approved, shanghai-2020, 12 rows, no evaluation yet). */
  let yewu: { id: string; indicators: { id: string; level1: string; level2: string; name: string; target: TargetValue }[] };
  /** 合作交流专项工作经费 (submitted, not approved). */
  let zhuanxiang: string;

  const auth = (u: string) => ({ Authorization: `Bearer ${tok[u]}` });
  const etag = async (id: string) => (await t.http.get(`/api/projects/${id}`).set(auth('czj')).expect(200)).headers['etag'] as string;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await startTestApp(db);
    for (const u of ['xining', 'hzb', 'czj', 'yangpu', 'ypb']) tok[u] = await login(t, u);
    const list = await t.http.get('/api/projects?year=2020').set(auth('xining')).expect(200);
    const id = list.body.items.find((p: { name: string }) => p.name === '合作交流工作业务费').id;
    yewu = (await t.http.get(`/api/projects/${id}`).set(auth('xining')).expect(200)).body;
    zhuanxiang = list.body.items.find((p: { name: string }) => p.name === '合作交流专项工作经费').id;
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  /** Hand-computed (README §8): shanghai-2020 has no official weights, so 90 is split over its four 一级 with rows
   * (22.5 each), and each has three rows: 分值 7.50 for all twelve. */
  const budget = { annualBudget: '500000.00', executed: '450000.00' };
  const inputs = () => [
    { actual: '95' }, // 预算资金到位率 ≥90%: met → 7.50
    { grade: '达成', description: '预算编制合理' }, // → 7.50
    { grade: '部分达成', description: '流程基本规范' }, // 70% → 5.25
    { actual: '45' }, // 预算执行率 ≥90%: 7.5 × 45 / 90 → 3.75
    { grade: '未达成', description: '规模未达要求' }, // → 0
    { grade: '达成', score: '6.00', description: '按时启动' }, // within [6.00, 7.50] → 6.00
    { actual: '100' }, // 课题转化成果率 =100% → 7.50
    { grade: '达成', description: '支撑作用明显' }, // → 7.50
    {}, // 服务对象满意度: no actual → 0, flagged
    { grade: '达成', description: '已建立' }, // → 7.50
    { grade: '部分达成', score: '5.00', description: '基本到位' }, // within [4.50, 6.00) → 5.00
    { grade: '达成', description: '配合有效' }, // → 7.50
  ];
  const body = (over: (items: Record<string, unknown>[]) => void = () => undefined) => {
    const items: Record<string, unknown>[] = inputs().map((x, i) => ({ indicatorId: yewu.indicators[i].id, ...x }));
    over(items);
    return { budget, items };
  };

  describe('self-evaluation', () => {
    it('is only for approved projects (409) and visible ones (404)', async () => {
      await t.http.get(`/api/projects/${zhuanxiang}/evaluation`).set(auth('xining')).expect(409);
      await t.http.get(`/api/projects/${yewu.id}/evaluation`).set(auth('yangpu')).expect(404);
      await t.http.put(`/api/projects/${yewu.id}/evaluation`).set(auth('yangpu')).set('If-Match', '"4"').send(body()).expect(404);
      const none = await t.http.get(`/api/projects/${yewu.id}/evaluation`).set(auth('xining')).expect(200);
      expect(none.body).toMatchObject({ saved: false, status: 'draft', budget: { annualBudget: '500000.00', executed: null }, totalScore: expect.any(String) });
      expect(none.body.items).toHaveLength(12);
      expect(none.body.items.every((i: { weight: string }) => i.weight === '7.50')).toBe(true);
    });

    it('stores what the domain computes: 执行率 90% → 9.00, indicators 65.00, total 74.00, 中', async () => {
      await t.http.put(`/api/projects/${yewu.id}/evaluation`).set(auth('xining')).send(body()).expect(428);
      await t.http.put(`/api/projects/${yewu.id}/evaluation`).set(auth('hzb')).set('If-Match', await etag(yewu.id)).send(body()).expect(403);
      const res = await t.http.put(`/api/projects/${yewu.id}/evaluation`).set(auth('xining')).set('If-Match', await etag(yewu.id)).send(body()).expect(200);
      expect(res.headers['etag']).toBe(`"${res.body.version}"`);
      expect(res.body).toMatchObject({ saved: true, executionRate: '90.00', executionScore: '9.00', indicatorScore: '65.00', totalScore: '74.00', grade: '中' });
      expect(res.body.items.map((i: { score: string }) => i.score)).toEqual(['7.50', '7.50', '5.25', '3.75', '0.00', '6.00', '7.50', '7.50', '0.00', '7.50', '5.00', '7.50']);
      expect(res.body.items[8].flags).toContain('MISSING_ACTUAL');
      // the same computation, done here with the domain directly from the project's table
      const framework = getFramework('shanghai-2020');
      if (!framework) throw new Error('framework');
      const domain = scoreEvaluation({
        framework,
        budget,
        rows: yewu.indicators.map((ind, i) => ({ level1: ind.level1, level2: ind.level2, name: ind.name, target: ind.target, ...(inputs()[i] as { actual?: string; grade?: '达成' | '部分达成' | '未达成'; score?: string; description?: string }) })),
      });
      const got = await t.http.get(`/api/projects/${yewu.id}/evaluation`).set(auth('czj')).expect(200);
      expect(got.body.totalScore).toBe(domain.totalScore);
      expect(got.body.grade).toBe(domain.grade);
      expect(got.body.items.map((i: { score: string }) => i.score)).toEqual(domain.items.map((i) => i.score));
      expect(got.body.items.map((i: { weight: string }) => i.weight)).toEqual(domain.items.map((i) => i.weight));
      // what the list reads from the stored columns is the same
      const list = await t.http.get('/api/projects?year=2020&evaluationStatus=draft').set(auth('czj')).expect(200);
      expect(list.body.items.map((p: { id: string; evaluation: unknown }) => [p.id, p.evaluation])).toEqual([[yewu.id, { status: 'draft', totalScore: '74.00', grade: '中' }]]);
    });

    it('refuses wrong input with the field named and stores nothing', async () => {
      const before = await t.http.get(`/api/projects/${yewu.id}/evaluation`).set(auth('xining')).expect(200);
      const tag = await etag(yewu.id);
      const put = (b: unknown) => t.http.put(`/api/projects/${yewu.id}/evaluation`).set(auth('xining')).set('If-Match', tag).send(b as object);
      // a score outside its grade band (部分达成: [4.50, 6.00))
      const band = await put(body((it) => (it[10]['score'] = '7.00'))).expect(422);
      expect(band.body.details).toEqual([expect.objectContaining({ field: 'items[10].score', code: 'SCORE_OUTSIDE_BAND' })]);
      expect(band.body.message).toMatch(/未保存/);
      // an actual in the wrong unit
      const unit = await put(body((it) => (it[0]['actualUnit'] = '个'))).expect(422);
      expect(unit.body.details[0]).toMatchObject({ field: 'items[0].actualUnit', code: 'UNIT_MISMATCH' });
      // a negative budget, a non-number, more than two decimals, an unknown field, a foreign indicator
      const neg = await put({ ...body(), budget: { annualBudget: '-1', executed: '0' } }).expect(400);
      expect(neg.body.details[0].field).toBe('budget.annualBudget');
      expect(neg.body.message).toMatch(/budget\.annualBudget/);
      const nan = await put(body((it) => (it[3]['actual'] = '四十五'))).expect(400);
      expect(nan.body.details[0]).toMatchObject({ field: 'items[3].actual', message: expect.stringMatching(/实际完成值须为数字/) });
      await put({ ...body(), budget: { annualBudget: '1.005', executed: '1' } }).expect(400);
      await put({ ...body(), budget: { annualBudget: 'NaN', executed: 'Infinity' } }).expect(400);
      const extra = await put(body((it) => (it[0]['bonus'] = 1))).expect(400);
      expect(extra.body.details[0].field).toBe('items[0].bonus');
      const foreign = await put(body((it) => (it[0]['indicatorId'] = '00000000-0000-4000-8000-000000000000'))).expect(400);
      expect(foreign.body.details[0].field).toBe('items[0].indicatorId');
      // explicit 分值 on some rows of a group only
      const weights = await put(body((it) => (it[0]['weight'] = '10'))).expect(422);
      expect(weights.body.details[0].code).toBe('WEIGHTS_INCOMPLETE');
      const after = await t.http.get(`/api/projects/${yewu.id}/evaluation`).set(auth('xining')).expect(200);
      expect(after.body).toEqual(before.body);
      expect(await etag(yewu.id)).toBe(tag);
    });

    it('goes through submit and two approvals with history; a return needs a reason', async () => {
      const go = async (user: string, action: string, comment?: string, status = 200) =>
        (await t.http.post(`/api/projects/${yewu.id}/evaluation/transitions`).set(auth(user)).set('If-Match', await etag(yewu.id)).send({ action, comment }).expect(status)).body;
      await go('hzb', 'approve', undefined, 409);
      // the rows that miss their target (部分达成, 45 of ≥90, 未达成, no actual, 部分达成) need a 偏差原因 before 提交
      const incomplete = await go('xining', 'submit', undefined, 422);
      expect(incomplete.code).toBe('EVALUATION_INCOMPLETE');
      expect(incomplete.details.map((d: { field: string }) => d.field)).toEqual([2, 3, 4, 8, 10].map((i) => `items[${i}].deviationReason`));
      expect(incomplete.details[1].message).toBe(`第4行「${yewu.indicators[3].name}」未达到年度指标值，提交前须填写偏差原因分析及改进措施`);
      expect(incomplete.message).toMatch(/须补充后才能提交/);
      const withReasons = (b: { items: Record<string, unknown>[] }) => {
        for (const i of [2, 3, 4, 8, 10]) b.items[i]['deviationReason'] = `第${i + 1}行的偏差原因及改进措施`;
        return b;
      };
      await t.http.put(`/api/projects/${yewu.id}/evaluation`).set(auth('xining')).set('If-Match', await etag(yewu.id)).send(withReasons(body())).expect(200);
      expect((await go('xining', 'submit')).status).toBe('submitted');
      // no edits while submitted
      await t.http.put(`/api/projects/${yewu.id}/evaluation`).set(auth('xining')).set('If-Match', await etag(yewu.id)).send(body()).expect(409);
      await go('hzb', 'return', undefined, 400);
      expect((await go('hzb', 'return', '满意度未填写实际值')).status).toBe('returned');
      const fixed = withReasons(body((it) => (it[8]['actual'] = '96')));
      const saved = await t.http.put(`/api/projects/${yewu.id}/evaluation`).set(auth('xining')).set('If-Match', await etag(yewu.id)).send(fixed).expect(200);
      expect(saved.body).toMatchObject({ indicatorScore: '72.50', totalScore: '81.50', grade: '良' });
      await go('xining', 'submit');
      await go('czj', 'approve', undefined, 409);
      expect((await go('hzb', 'approve')).status).toBe('dept_approved');
      const done = await go('czj', 'approve');
      expect(done).toMatchObject({ status: 'approved', totalScore: '81.50', permissions: { edit: false, actions: [] } });
      const hist = await t.http.get(`/api/projects/${yewu.id}/history`).set(auth('xining')).expect(200);
      expect(hist.body.map((h: { action: string }) => h.action).slice(-5)).toEqual(['eval_submit', 'eval_return', 'eval_submit', 'eval_approve', 'eval_approve']);
    });
  });

  describe('monitoring', () => {
    it('computes the lights, requires reasons and measures when in doubt, and shows the department view', async () => {
      await t.http.get(`/api/projects/${zhuanxiang}/monitoring`).set(auth('xining')).expect(409);
      const empty = await t.http.get(`/api/projects/${yewu.id}/monitoring`).set(auth('xining')).expect(200);
      expect(empty.body).toMatchObject({ month: null, months: [], light: 'none' });
      const ids = yewu.indicators.map((i) => i.id);
      const report = {
        month: 7,
        budget: { annualBudget: '500000.00', executed: '200000.00' },
        items: [
          { indicatorId: ids[0], current: '80', likelihood: '确定能' }, // ≥90%: 80 / 90 = 88.89% → green
          { indicatorId: ids[3], current: '45', likelihood: '有可能' }, // ≥90%: 50% → red
          { indicatorId: ids[7], likelihood: '有可能' }, // qualitative: by likelihood → yellow
        ],
      };
      const put = (b: unknown, tag?: string) => t.http.put(`/api/projects/${yewu.id}/monitoring`).set(auth('xining')).set('If-Match', tag ?? '"0"').send(b as object);
      await put(report).expect(412);
      const missing = await put(report, await etag(yewu.id)).expect(422);
      expect(missing.body.details.map((d: { field: string }) => d.field)).toEqual(['items[1].reasons', 'items[1].measures', 'items[2].reasons', 'items[2].measures']);
      const bad = await put({ ...report, month: 13 }, await etag(yewu.id)).expect(400);
      expect(bad.body.details[0].field).toBe('month');
      const reasons = { reasons: ['经费保障'], measures: '加快支付进度' };
      const ok = await put({ ...report, items: [report.items[0], { ...report.items[1], ...reasons }, { ...report.items[2], ...reasons }] }, await etag(yewu.id)).expect(200);
      expect(ok.body.items.map((i: { light: string }) => i.light)).toEqual(['green', 'none', 'none', 'red', 'none', 'none', 'none', 'yellow', 'none', 'none', 'none', 'none']);
      expect(ok.body.items[0].progress).toBe('88.89');
      // budget: 40% executed by July, due 7/12 → 68.57% → yellow
      expect(ok.body.budgetLight).toMatchObject({ light: 'yellow', executionRate: '40.00', progress: '68.57' });
      expect(ok.body).toMatchObject({ month: 7, months: [7], light: 'red' });
      const view = await t.http.get('/api/monitoring?year=2020').set(auth('hzb')).expect(200);
      expect(view.body[0]).toMatchObject({ projectId: yewu.id, light: 'red', month: 7, counts: { red: 1, yellow: 1, green: 1, none: 9, blue: 0 } });
      expect((await t.http.get('/api/monitoring?year=2020').set(auth('ypb')).expect(200)).body).toEqual([]);
      await t.http.get('/api/monitoring').set(auth('hzb')).expect(400);
    });

    it('keeps a text 当前完成值 of a qualitative row; refuses one of a quantitative row, naming the field (issue 12)', async () => {
      const ids = yewu.indicators.map((i) => i.id);
      expect([yewu.indicators[0].target.kind, yewu.indicators[7].target.kind]).toEqual(['quantitative', 'qualitative']);
      const reasons = { reasons: ['经费保障'], measures: '加快支付进度' };
      const items = [
        { indicatorId: ids[0], current: '80', likelihood: '确定能' },
        { indicatorId: ids[3], current: '45', likelihood: '有可能', ...reasons },
        { indicatorId: ids[7], current: '  已完成两项课题的中期评审 ', likelihood: '有可能', ...reasons },
      ];
      const put = async (b: unknown, status: number) =>
        (await t.http.put(`/api/projects/${yewu.id}/monitoring`).set(auth('xining')).set('If-Match', await etag(yewu.id)).send(b as object).expect(status)).body;
      const report = { month: 7, budget: { annualBudget: '500000.00', executed: '200000.00' }, items };

      const bad = await put({ ...report, items: [{ ...items[0], current: '约八成' }, items[1], items[2]] }, 400);
      expect(bad.details).toEqual([expect.objectContaining({ field: 'items[0].current', message: expect.stringMatching(/^当前完成值须为数字/) })]);
      const tooLong = await put({ ...report, items: [items[0], items[1], { ...items[2], current: '长'.repeat(201) }] }, 400);
      expect(tooLong.details).toEqual([expect.objectContaining({ field: 'items[2].current', message: '当前完成值最多 200 个字符' })]);

      const ok = await put(report, 200);
      expect(ok.items[7]).toMatchObject({ current: '已完成两项课题的中期评审', light: 'yellow' });
      expect(ok.items[0]).toMatchObject({ current: '80', light: 'green' });
      const read = await t.http.get(`/api/projects/${yewu.id}/monitoring?month=7`).set(auth('xining')).expect(200);
      expect(read.body.items[7].current).toBe('已完成两项课题的中期评审');
      expect(read.body.light).toBe('red');
    });
  });

  describe('dashboard', () => {
    it('counts what the project list shows for the same filters, for the user\'s scope', async () => {
      const d = (await t.http.get('/api/dashboard?year=2023').set(auth('czj')).expect(200)).body;
      expect(d.projectCount).toBe(4);
      expect(d.grades.reduce((a: number, g: { count: number }) => a + g.count, 0)).toBe(4);
      expect(d.unitRanking).toHaveLength(4);
      for (let i = 1; i < d.unitRanking.length; i++) expect(Number(d.unitRanking[i - 1].averageScore)).toBeGreaterThanOrEqual(Number(d.unitRanking[i].averageScore));
      const total = async (query: string) => (await t.http.get(`/api/projects?year=2023&${query}`).set(auth('czj')).expect(200)).body.total;
      for (const g of d.grades) expect(await total(`grade=${encodeURIComponent(g.grade)}`)).toBe(g.count);
      for (const b of d.scoreBands) expect(await total(`scoreMin=${b.min}&scoreMax=${b.max}`)).toBe(b.count);
      for (const s of d.evaluationsByStatus) expect(await total(`evaluationStatus=${s.status}`)).toBe(s.count);
      expect(await total('light=red')).toBe(d.redCount);
      expect(d.redProjects).toHaveLength(Math.min(d.redCount, 20));
      expect(d.redCount).toBeGreaterThan(0);
      for (const s of d.byStatus) expect(await total(`status=${s.status}`)).toBe(s.count);
      // several grades among the demo evaluations
      expect(d.grades.filter((g: { count: number }) => g.count > 0).length).toBeGreaterThanOrEqual(3);
      for (const u of d.unitRanking) expect(await total(`orgId=${u.orgId}`)).toBe(u.count);
      // the department sees the same for its units; another department nothing; a unit filter outside the scope is a 404
      const ypb = (await t.http.get('/api/dashboard?year=2023').set(auth('ypb')).expect(200)).body;
      expect(ypb.grades).toEqual(d.grades);
      const hzb = (await t.http.get('/api/dashboard?year=2023').set(auth('hzb')).expect(200)).body;
      expect(hzb.projectCount).toBe(0);
      await t.http.get(`/api/dashboard?year=2023&orgId=${d.unitRanking[0].orgId}`).set(auth('hzb')).expect(404);
      await t.http.get('/api/dashboard?year=abc').set(auth('czj')).expect(400);
      // 2020: the evaluation approved above (81.50, 良) and the red monitoring report
      const y2020 = (await t.http.get('/api/dashboard?year=2020').set(auth('hzb')).expect(200)).body;
      expect(y2020.grades.find((g: { grade: string }) => g.grade === '良').count).toBe(1);
      expect(y2020.unitRanking).toEqual([expect.objectContaining({ averageScore: '81.50', count: 1 })]);
      expect(y2020.redProjects.map((p: { id: string }) => p.id)).toEqual([yewu.id]);
    });
  });
});
