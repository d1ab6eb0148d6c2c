import { TEST_DB, useLogins, useTestApp, VALID_ROWS } from './test-app';

/**
 * A 部门（单位）整体 target through the whole cycle (issue 15), on /api/targets: declared, returned with a row
 * comment, fixed, approved by both reviewers; then monitored and self-evaluated as a whole unit (the table's
 * actuals and the unit's budget execution, whose declared budget fills the evaluation's funds), and adjusted.
 */
describe(`targets: a department target's cycle (${TEST_DB})`, () => {
  const t = useTestApp();
  const { auth } = useLogins(t, ['xining', 'hzb', 'czj', 'yangpu']);
  let orgId: string;
  let id: string;
  const YEAR = 2032;

  const url = (sub = '') => `/api/targets/${id}${sub}`;
  const etag = async () => (await t.http.get(url()).set(auth('czj')).expect(200)).headers['etag'] as string;
  const act = async (user: string, body: Record<string, unknown>, status = 200) =>
    (await t.http.post(url('/transitions')).set(auth(user)).set('If-Match', await etag()).send(body).expect(status)).body;

  beforeAll(async () => {
    orgId = (await t.http.get('/api/auth/me').set(auth('xining')).expect(200)).body.orgId;
    const res = await t.http
      .post('/api/targets')
      .set(auth('xining'))
      .send({
        kind: 'department',
        year: YEAR,
        orgId,
        frameworkCode: 'mof-2021',
        annualGoal: '完成年度对口支援合作交流任务',
        department: {
          budget: { total: '2000000.00', fiscal: '1800000.00', other: '200000.00', basic: '1200000.00', project: '800000.00' },
          tasks: [{ name: '合作交流', content: '两地互访', amount: '800000.00', fiscal: '800000.00' }],
        },
      })
      .expect(201);
    id = res.body.id;
    await t.http.put(url('/indicators')).set(auth('xining')).set('If-Match', '"1"').send({ indicators: VALID_ROWS }).expect(200);
  });

  it('goes through the two-level review: returned with a row comment, fixed, resubmitted, approved by the department and the finance bureau', async () => {
    expect((await act('xining', { action: 'submit' })).status).toBe('submitted');
    // another unit's reviewer does not see it
    await t.http.post(url('/transitions')).set(auth('yangpu')).set('If-Match', await etag()).send({ action: 'approve' }).expect(404);
    const doc = (await t.http.get(url()).set(auth('hzb')).expect(200)).body;
    expect(doc.permissions.actions).toEqual(expect.arrayContaining(['approve', 'return']));
    const row = doc.indicators[1];
    const returned = await act('hzb', { action: 'return', comment: '请细化质量指标', rowComments: [{ indicatorId: row.id, comment: '保障率目标偏低，建议≥95%' }] });
    expect(returned).toMatchObject({ kind: 'department', status: 'returned' });
    expect(returned.reviewComments).toEqual([expect.objectContaining({ indicatorId: row.id, indicatorName: '公务用车保障率', comment: '保障率目标偏低，建议≥95%', action: 'return' })]);
    const fixedRows = VALID_ROWS.map((r, i) => (i === 1 ? { ...r, id: row.id, target: '≥95%' } : r));
    await t.http.put(url('/indicators')).set(auth('xining')).set('If-Match', await etag()).send({ indicators: fixedRows }).expect(200);
    expect((await act('xining', { action: 'submit' })).status).toBe('submitted');
    expect((await act('hzb', { action: 'approve' })).status).toBe('dept_approved');
    const approved = await act('czj', { action: 'approve', comment: '同意' });
    expect(approved).toMatchObject({ status: 'approved', department: { budget: { total: '2000000.00' } } });
    const locked = await t.http.patch(url()).set(auth('xining')).set('If-Match', await etag()).send({ annualGoal: '改' }).expect(409);
    expect(locked.body.message).toContain('部门（单位）整体绩效目标处于「已批复」状态，不能修改');
    const history = (await t.http.get(url('/history')).set(auth('xining')).expect(200)).body;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['create', 'submit', 'return', 'submit', 'approve', 'approve']);
    // the inbox of /api/targets knows the kind; /api/projects does not list it
    const list = (await t.http.get(`/api/targets?year=${YEAR}&status=approved`).set(auth('czj')).expect(200)).body;
    expect(list.items.map((x: { id: string; kind: string; annualTotal: string }) => [x.id, x.kind, x.annualTotal])).toEqual([[id, 'department', '2000000.00']]);
    expect((await t.http.get(`/api/projects?year=${YEAR}`).set(auth('czj')).expect(200)).body.total).toBe(0);
  });

  it('is monitored as a whole unit (lights of its table and of its budget execution)', async () => {
    const ids = (await t.http.get(url()).set(auth('xining')).expect(200)).body.indicators.map((i: { id: string }) => i.id);
    const report = {
      month: 7,
      budget: { annualBudget: '2000000.00', executed: '1100000.00' },
      items: [
        { indicatorId: ids[0], current: '40', likelihood: '确定能' },
        { indicatorId: ids[3], current: '91', likelihood: '确定能' },
      ],
    };
    const res = await t.http.put(url('/monitoring')).set(auth('xining')).set('If-Match', await etag()).send(report).expect(200);
    expect(res.body).toMatchObject({ month: 7, months: [7] });
    expect(res.body.items).toHaveLength(4);
    expect(res.body.budgetLight).toMatchObject({ executionRate: '55.00' });
    await t.http.get(url('/monitoring')).set(auth('yangpu')).expect(404);
    // the department's overview of the year's lights lists it with its kind
    const overview = (await t.http.get(`/api/monitoring?year=${YEAR}`).set(auth('hzb')).expect(200)).body;
    expect(overview.map((r: { projectId: string; kind: string }) => [r.projectId, r.kind])).toEqual([[id, 'department']]);
    // not under /api/projects
    await t.http.get(`/api/projects/${id}/monitoring`).set(auth('xining')).expect(404);
  });

  it('is self-evaluated with the table\'s actuals and the unit\'s budget execution, its declared budget filling the funds', async () => {
    const before = (await t.http.get(url('/evaluation')).set(auth('xining')).expect(200)).body;
    expect(before.funds.total.initialBudget).toBe('2000000.00');
    expect(before.funds.fiscal.initialBudget).toBe('1800000.00');
    expect(before.funds.other.initialBudget).toBe('200000.00');
    const ids = (await t.http.get(url()).set(auth('xining')).expect(200)).body.indicators.map((i: { id: string }) => i.id);
    const body = {
      budget: { annualBudget: '2000000.00', executed: '1900000.00' },
      items: [
        { indicatorId: ids[0], actual: '66' },
        { indicatorId: ids[1], actual: '96' },
        { indicatorId: ids[2], grade: '达成', description: '支撑作用明显' },
        { indicatorId: ids[3], actual: '93' },
      ],
    };
    const saved = await t.http.put(url('/evaluation')).set(auth('xining')).set('If-Match', await etag()).send(body).expect(200);
    expect(saved.body.status).toBe('draft');
    expect(saved.body.budget).toMatchObject({ annualBudget: '2000000.00', executed: '1900000.00' });
    expect(Number(saved.body.totalScore)).toBeGreaterThan(90);
    await t.http.get(url('/evaluation')).set(auth('yangpu')).expect(404);
    await t.http.get(`/api/projects/${id}/evaluation`).set(auth('xining')).expect(404);
    const submitted = await t.http.post(url('/evaluation/transitions')).set(auth('xining')).set('If-Match', await etag()).send({ action: 'submit' }).expect(200);
    expect(submitted.body.status).toBe('submitted');
  });

  it('takes a policy target through the same review to its monitoring and self-evaluation (its annual funds the year\'s budget)', async () => {
    const created = await t.http
      .post('/api/targets')
      .set(auth('xining'))
      .send({ kind: 'policy', year: YEAR, orgId, frameworkCode: 'mof-2021', name: '人才培训补贴政策', policy: { startYear: YEAR, endYear: YEAR + 1, totalFunds: '600000', annualFunds: '300000' } })
      .expect(201);
    const pid: string = created.body.id;
    const purl = (sub = '') => `/api/targets/${pid}${sub}`;
    const ptag = async () => (await t.http.get(purl()).set(auth('czj')).expect(200)).headers['etag'] as string;
    await t.http.put(purl('/indicators')).set(auth('xining')).set('If-Match', '"1"').send({ indicators: VALID_ROWS }).expect(200);
    for (const [u, action, status] of [['xining', 'submit', 'submitted'], ['hzb', 'approve', 'dept_approved'], ['czj', 'approve', 'approved']]) {
      const res = await t.http.post(purl('/transitions')).set(auth(u)).set('If-Match', await ptag()).send({ action }).expect(200);
      expect(res.body).toMatchObject({ kind: 'policy', status });
    }
    const evaluation = (await t.http.get(purl('/evaluation')).set(auth('xining')).expect(200)).body;
    expect(evaluation.funds.total.initialBudget).toBe('300000.00');
    await t.http.get(purl('/monitoring')).set(auth('xining')).expect(200);
    await t.http.get(`/api/projects/${pid}/evaluation`).set(auth('xining')).expect(404);
  });

  it('is adjusted as a project is: a new revision (draft) with its budget and tasks, the approved one kept', async () => {
    const adj = await t.http.post(url('/adjustments')).set(auth('xining')).set('If-Match', await etag()).send({ reason: '年中预算调整' }).expect(200);
    expect(adj.body).toMatchObject({ status: 'draft', revision: 2, kind: 'department', department: { tasks: [expect.objectContaining({ name: '合作交流' })] } });
    const revs = (await t.http.get(url('/revisions')).set(auth('xining')).expect(200)).body;
    expect(revs.map((r: { revision: number; current: boolean }) => [r.revision, r.current])).toEqual([
      [1, false],
      [2, true],
    ]);
    const first = (await t.http.get(url('/revisions/1')).set(auth('xining')).expect(200)).body;
    expect(first).toMatchObject({ kind: 'department', status: 'approved', department: { budget: { total: '2000000.00' } } });
    // the diff names the department form's fields: its budget by nature and its tasks
    await t.http
      .patch(url())
      .set(auth('xining'))
      .set('If-Match', await etag())
      .send({ department: { budget: { basic: '1300000.00', project: '700000.00' }, tasks: [{ name: '合作交流', content: '两地互访', amount: '700000.00', fiscal: '700000.00' }] } })
      .expect(200);
    const diff = (await t.http.get(url('/diff?from=1')).set(auth('xining')).expect(200)).body;
    expect(diff.fields.map((f: { field: string; label: string; before: string; after: string }) => [f.field, f.label, f.before, f.after])).toEqual([
      ['department.budget.basic', '基本支出', '1200000.00', '1300000.00'],
      ['department.budget.project', '项目支出', '800000.00', '700000.00'],
      ['department.tasks', '年度主要任务', '1. 合作交流（两地互访） 总额 800000.00，财政拨款 800000.00，其他资金 —', '1. 合作交流（两地互访） 总额 700000.00，财政拨款 700000.00，其他资金 —'],
    ]);
  });
});
