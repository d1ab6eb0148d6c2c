import { createTestDatabase, login, startTestApp, TEST_DB, type TestApp, type TestDatabase, VALID_ROWS } from './test-app';

/**
 * Self-evaluation rules of issue 12, on a project made for this file (2026, mof-2021, four rows): 全年执行数
 * carried from the latest monitoring report, the funds block of 10号 附件1 (元) stored and read back, 提交 refused
 * while a missed row has no 偏差原因 or the funds do not add up, and the reviewer's deduction for a far-exceeded
 * target — only by the reviewer whose turn it is, with a reason, counted in the stored total and grade.
 *
 * mof-2021 weights: 产出 50 (two rows, 25 each), 效益 30, 满意度 10. The evaluation below:
 *   0 接待团组数量 ≥60个 actual 90: met, 50 % above (flagged far above) → 25.00
 *   1 公务用车保障率 ≥90% actual 81: missed → 25 × 81 / 90 = 22.50
 *   2 合作交流工作支撑作用 (定性) 达成 → 30.00;  3 服务对象满意度 ≥90% actual 95 → 10.00
 *   indicators 87.50; 执行 900000 / 1000000 = 90 % → 9.00; total 96.50, 优.
 */
describe(`self-evaluation: 偏差原因, funds block, carried 全年执行数, deduction (${TEST_DB})`, () => {
  let db: TestDatabase;
  let t: TestApp;
  const tok: Record<string, string> = {};
  let id = '';
  let ids: string[] = [];

  const auth = (u: string) => ({ Authorization: `Bearer ${tok[u]}` });
  const etag = async () => (await t.http.get(`/api/projects/${id}`).set(auth('xining')).expect(200)).headers['etag'] as string;
  const evaluation = async (u = 'xining') => (await t.http.get(`/api/projects/${id}/evaluation`).set(auth(u)).expect(200)).body;
  const transition = async (user: string, action: string, status = 200, comment?: string) =>
    (await t.http.post(`/api/projects/${id}/evaluation/transitions`).set(auth(user)).set('If-Match', await etag()).send({ action, comment }).expect(status)).body;

  const FUNDS = {
    initialBudget: '1000000.00',
    fiscal: { initialBudget: '800000.00', annualBudget: '800000.00', executed: '700000.00' },
    carryover: { initialBudget: '150000.00', annualBudget: '150000.00', executed: '150000.00' },
    other: { initialBudget: '50000.00', annualBudget: '50000.00', executed: '50000.00' },
  };
  const body = (over: { reasons?: boolean; funds?: unknown; items?: (items: Record<string, unknown>[]) => void } = {}) => {
    const items: Record<string, unknown>[] = [
      { indicatorId: ids[0], actual: '90' },
      { indicatorId: ids[1], actual: '81', ...(over.reasons ? { deviationReason: '部分车辆年中报废，保障率未达目标；明年按计划更新车辆。' } : {}) },
      { indicatorId: ids[2], grade: '达成', description: '支撑作用明显' },
      { indicatorId: ids[3], actual: '95' },
    ];
    over.items?.(items);
    return { budget: { annualBudget: '1000000.00', executed: '900000.00' }, items, ...(over.funds === undefined ? {} : { funds: over.funds }) };
  };
  const put = async (b: unknown, status = 200) => (await t.http.put(`/api/projects/${id}/evaluation`).set(auth('xining')).set('If-Match', await etag()).send(b as object).expect(status)).body;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await startTestApp(db);
    for (const u of ['xining', 'hzb', 'czj']) tok[u] = await login(t, u);
    const me = await t.http.get('/api/auth/me').set(auth('xining')).expect(200);
    const funds = { total: '1000000.00', fiscal: '950000.00', other: '50000.00', annualTotal: '1000000.00', annualFiscal: '800000.00', carryover: '150000.00', annualOther: '50000.00' };
    const project = { year: 2026, name: '绩效自评规则测试项目', orgId: me.body.orgId, frameworkCode: 'mof-2021', funds };
    id = (await t.http.post('/api/projects').set(auth('xining')).send(project).expect(201)).body.id;
    const withRows = await t.http.put(`/api/projects/${id}/indicators`).set(auth('xining')).set('If-Match', await etag()).send({ indicators: VALID_ROWS }).expect(200);
    ids = withRows.body.indicators.map((i: { id: string }) => i.id);
    for (const [user, action] of [
      ['xining', 'submit'],
      ['hzb', 'approve'],
      ['czj', 'approve'],
    ]) {
      await t.http.post(`/api/projects/${id}/transitions`).set(auth(user)).set('If-Match', await etag()).send({ action }).expect(200);
    }
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('carries 全年执行数 from the latest monitoring report (its executed amount, not the forecast), marked, until saved', async () => {
    const none = await evaluation();
    expect(none).toMatchObject({ saved: false, budget: { annualBudget: '1000000.00', executed: null }, executedCarried: null });
    // 年初预算数 and the sources' 全年预算数 from the project's 年度资金申请
    expect(none.funds).toEqual({
      total: { initialBudget: '1000000.00', annualBudget: '1000000.00', executed: null },
      fiscal: { initialBudget: '800000.00', annualBudget: '800000.00', executed: null },
      carryover: { initialBudget: '150000.00', annualBudget: '150000.00', executed: null },
      other: { initialBudget: '50000.00', annualBudget: '50000.00', executed: null },
    });
    const report = (month: number, executed: string | null) => ({ month, budget: { annualBudget: '1000000.00', executed, expectedExecuted: '980000.00' }, items: [] });
    await t.http.put(`/api/projects/${id}/monitoring`).set(auth('xining')).set('If-Match', await etag()).send(report(6, '500000.00')).expect(200);
    await t.http.put(`/api/projects/${id}/monitoring`).set(auth('xining')).set('If-Match', await etag()).send(report(7, '600000.00')).expect(200);
    // a later report without an executed amount does not hide July's
    await t.http.put(`/api/projects/${id}/monitoring`).set(auth('xining')).set('If-Match', await etag()).send(report(8, null)).expect(200);
    const carried = await evaluation();
    expect(carried).toMatchObject({ saved: false, budget: { executed: '600000.00' }, executedCarried: { source: 'monitoring', month: 7 }, executionRate: '60.00' });
    expect(carried.funds.total.executed).toBe('600000.00');
    // once saved, the figure is the evaluator's
    const saved = await put(body({ funds: FUNDS }));
    expect(saved).toMatchObject({ saved: true, executedCarried: null, budget: { executed: '900000.00' } });
  });

  it('stores the funds rows (元) and reads them back; a save without them keeps them; a bad amount is a 400 naming it', async () => {
    const saved = await evaluation();
    expect(saved.funds).toEqual({ total: { initialBudget: '1000000.00', annualBudget: '1000000.00', executed: '900000.00' }, fiscal: FUNDS.fiscal, carryover: FUNDS.carryover, other: FUNDS.other });
    expect([saved.indicatorScore, saved.executionScore, saved.totalScore, saved.grade]).toEqual(['87.50', '9.00', '96.50', '优']);
    await put(body());
    expect((await evaluation()).funds.fiscal).toEqual(FUNDS.fiscal);
    const bad = await put(body({ funds: { ...FUNDS, fiscal: { ...FUNDS.fiscal, executed: '1.005' } } }), 400);
    expect(bad.details[0]).toMatchObject({ field: 'funds.fiscal.executed', message: expect.stringMatching(/全年执行数须为不超过两位小数/) });
    // a source left empty is null (an empty string is not an amount: 400)
    await put(body({ funds: { ...FUNDS, other: { initialBudget: '50000.00', annualBudget: '', executed: null } } }), 400);
    await put(body({ funds: { ...FUNDS, other: { initialBudget: '50000.00', annualBudget: null } } }));
    expect((await evaluation()).funds.other).toEqual({ initialBudget: '50000.00', annualBudget: null, executed: null });
  });

  it('refuses 提交 while a missed row has no 偏差原因 or the funds do not add up (saving is fine), naming each', async () => {
    const draft = await evaluation();
    expect(draft.submissionProblems).toEqual([
      expect.objectContaining({ index: 0, code: 'MISSING_DEVIATION_REASON', severity: 'warning' }),
      expect.objectContaining({ index: 1, code: 'MISSING_DEVIATION_REASON', severity: 'error' }),
      expect.objectContaining({ field: 'funds.annualBudget', code: 'FUNDS_NOT_ADDING_UP', severity: 'error' }),
      expect.objectContaining({ field: 'funds.executed', code: 'FUNDS_NOT_ADDING_UP', severity: 'error' }),
    ]);
    const refused = await transition('xining', 'submit', 422);
    expect(refused.code).toBe('EVALUATION_INCOMPLETE');
    expect(refused.details).toEqual([
      { field: 'items[1].deviationReason', code: 'MISSING_DEVIATION_REASON', message: '第2行「公务用车保障率」未达到年度指标值，提交前须填写偏差原因分析及改进措施' },
      expect.objectContaining({ field: 'funds.annualBudget', message: expect.stringContaining('合计 95.00 万元，与年度资金总额 100.00 万元不一致') }),
      expect.objectContaining({ field: 'funds.executed' }),
    ]);
    expect((await evaluation()).status).toBe('draft');
    await put(body({ reasons: true, funds: FUNDS }));
    expect((await transition('xining', 'submit')).status).toBe('submitted');
  });

  it("lets only the reviewer whose turn it is deduct a far-exceeded row, with a reason; the score, total and grade follow", async () => {
    const patch = async (user: string, deductions: unknown, status: number, tag?: string) => {
      const req = t.http.patch(`/api/projects/${id}/evaluation`).set(auth(user));
      if (tag !== '') req.set('If-Match', tag ?? (await etag()));
      return (await req.send({ deductions }).expect(status)).body;
    };
    const reason = '接待团组数量目标明显偏低（上年实际完成 88 个）';
    await patch('xining', [{ indicatorId: ids[0], apply: true, reason }], 403);
    await patch('czj', [{ indicatorId: ids[0], apply: true, reason }], 409); // 财政 only after the department
    await patch('hzb', [{ indicatorId: ids[0], apply: true, reason }], 428, '');
    const noReason = await patch('hzb', [{ indicatorId: ids[0], apply: true, reason: '  ' }], 400);
    expect(noReason.details[0].field).toBe('deductions[0].reason');
    const notFar = await patch('hzb', [{ indicatorId: ids[1], apply: true, reason }], 422);
    expect(notFar.details[0]).toMatchObject({ field: 'deductions[0].indicatorId', message: expect.stringContaining('第2行「公务用车保障率」') });
    await patch('hzb', [{ indicatorId: '00000000-0000-4000-8000-000000000000', apply: true, reason }], 400);
    expect((await evaluation('hzb')).totalScore).toBe('96.50');

    // (90 − 60) / 60 = 0.50 above; keeps 1 − (0.50 − 0.20) = 0.70 of 25 → 17.50; indicators 80.00, total 89.00 → 良
    const cut = await patch('hzb', [{ indicatorId: ids[0], apply: true, reason }], 200);
    expect(cut.items[0]).toMatchObject({ score: '17.50', weight: '25.00', deduction: { reason, userName: expect.any(String), points: '7.50' } });
    expect(cut.items[0].flags).toEqual(expect.arrayContaining(['FAR_ABOVE_TARGET', 'DEVIATION_DEDUCTED']));
    expect([cut.indicatorScore, cut.totalScore, cut.grade, cut.status]).toEqual(['80.00', '89.00', '良', 'submitted']);
    // stored: the project list and the history show it
    const list = await t.http.get('/api/projects?year=2026').set(auth('czj')).expect(200);
    expect(list.body.items.find((p: { id: string }) => p.id === id).evaluation).toEqual({ status: 'submitted', totalScore: '89.00', grade: '良' });
    const hist = await t.http.get(`/api/projects/${id}/history`).set(auth('xining')).expect(200);
    expect(hist.body.at(-1)).toMatchObject({ action: 'eval_deduct', comment: `第1行「接待团组数量」按偏离度扣分：${reason}` });

    // returned: the filler's saves keep it and cannot set it
    await transition('hzb', 'return', 200, '请补充佐证');
    await put(body({ reasons: true, funds: FUNDS, items: (it) => (it[0]['deduction'] = false) }), 400);
    const kept = await put(body({ reasons: true, funds: FUNDS }));
    expect(kept.items[0].deduction).toMatchObject({ reason });
    expect(kept.totalScore).toBe('89.00');
    await patch('hzb', [{ indicatorId: ids[0], apply: false }], 409); // not under review now
    await transition('xining', 'submit');
    const removed = await patch('hzb', [{ indicatorId: ids[0], apply: false }], 200);
    expect([removed.items[0].deduction, removed.items[0].score, removed.totalScore, removed.grade]).toEqual([null, '25.00', '96.50', '优']);
  });
});
