import { binary, createTestDatabase, login, startTestApp, TEST_DB, type TestApp, type TestDatabase } from './test-app';

/**
 * Target values as people write them (issue 12, domain §11): comparison words, bare numbers read as `=`,
 * ranges (`between` with `valueMax`) through PUT/GET indicators, findings, the .xlsx round trip, the
 * monitoring light of a range and of a 分 score, and the evaluation score of a range row.
 */
describe(`target values: words, bare numbers and ranges (${TEST_DB})`, () => {
  let db: TestDatabase;
  let t: TestApp;
  const tok: Record<string, string> = {};
  let orgId = '';
  const YEAR = 2031;
  const NAME = '目标值写法测试项目';

  type Target = { raw: string; text: string; kind: string; operator: string | null; value: string | null; valueMax?: string | null; unit: string | null; direction: string; impliedOperator?: boolean };
  type Ind = { id: string; level1: string; level2: string; name: string; target: Target };
  const auth = (u: string) => ({ Authorization: `Bearer ${tok[u]}` });
  /** In the framework's 二级 order, as the exported form prints them (so the round trip keeps the order). */
  const ROWS = [
    { level1: '产出指标', level2: '数量指标', name: '培训人次', target: '不少于1,500人次' },
    { level1: '产出指标', level2: '质量指标', name: '培训合格率', target: '不低于95%' },
    { level1: '产出指标', level2: '质量指标', name: '差错率', target: '控制在5%以内' },
    { level1: '产出指标', level2: '时效指标', name: '按时完成率', target: '100%' },
    { level1: '效益指标', level2: '社会效益指标', name: '政策覆盖率', target: '90%-95%' },
    { level1: '满意度指标', level2: '服务对象满意度指标', name: '服务对象满意度考核得分', target: '90分以上' },
  ];
  let project: { id: string; version: number; indicators: Ind[] };

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await startTestApp(db);
    for (const u of ['xining', 'hzb', 'czj']) tok[u] = await login(t, u);
    orgId = (await t.http.get('/api/auth/me').set(auth('xining')).expect(200)).body.orgId;
    const created = await t.http
      .post('/api/projects')
      .set(auth('xining'))
      .send({ year: YEAR, name: NAME, orgId, frameworkCode: 'mof-2021', startDate: `${YEAR}-01-01`, endDate: `${YEAR}-12-31` })
      .expect(201);
    project = created.body;
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('PUT indicators reads the words, the bare number and the range; GET gives back operator, value and valueMax', async () => {
    const put = await t.http.put(`/api/projects/${project.id}/indicators`).set(auth('xining')).set('If-Match', `"${project.version}"`).send({ indicators: ROWS }).expect(200);
    const got = await t.http.get(`/api/projects/${project.id}`).set(auth('xining')).expect(200);
    for (const body of [put.body, got.body]) {
      const targets = (body.indicators as Ind[]).map((i) => i.target);
      expect(targets.map((x) => [x.raw, x.kind, x.operator, x.value, x.valueMax ?? null, x.unit, x.text])).toEqual([
        ['不少于1,500人次', 'quantitative', '≥', '1500.00', null, '人次', '≥1500.00(人次)'],
        ['不低于95%', 'quantitative', '≥', '95.00', null, '%', '≥95.00(%)'],
        ['控制在5%以内', 'quantitative', '≤', '5.00', null, '%', '≤5.00(%)'],
        ['100%', 'quantitative', '=', '100.00', null, '%', '=100.00(%)'],
        ['90%-95%', 'quantitative', 'between', '90.00', '95.00', '%', '90.00-95.00(%)'],
        ['90分以上', 'quantitative', '≥', '90.00', null, '分', '≥90.00(分)'],
      ]);
      expect(targets[3]).toMatchObject({ direction: 'equal', impliedOperator: true });
      expect(targets[4]).toMatchObject({ direction: 'equal' });
    }
    project = got.body;
  });

  it('findings: the bare 100% is an info (IMPLIED_EQUAL) naming its row, and no error', async () => {
    const f = (await t.http.get(`/api/projects/${project.id}/findings`).set(auth('xining')).expect(200)).body.findings as { code: string; severity: string; indicatorIndex: number | null; message: string }[];
    expect(f.filter((x) => x.severity === 'error')).toEqual([]);
    const implied = f.filter((x) => x.code === 'IMPLIED_EQUAL');
    expect(implied).toEqual([expect.objectContaining({ severity: 'info', indicatorIndex: 3 })]);
    expect(implied[0].message).toContain('=100.00(%)');
    expect(f.map((x) => x.code)).not.toContain('MALFORMED_NUMBER');
  });

  it('a range written high-low is stored as typed and refused for submission with MALFORMED_NUMBER on its row', async () => {
    const other = (await t.http.post('/api/projects').set(auth('xining')).send({ year: YEAR, name: `${NAME}（倒置区间）`, orgId, frameworkCode: 'mof-2021' }).expect(201)).body;
    const rows = ROWS.map((r, i) => (i === 4 ? { ...r, target: '95%-90%' } : r));
    const res = await t.http.put(`/api/projects/${other.id}/indicators`).set(auth('xining')).set('If-Match', `"${other.version}"`).send({ indicators: rows }).expect(200);
    expect(res.body.indicators[4].target).toMatchObject({ raw: '95%-90%', kind: 'qualitative', malformed: true, operator: null });
    const f = (await t.http.get(`/api/projects/${other.id}/findings`).set(auth('xining')).expect(200)).body.findings;
    expect(f).toContainEqual(expect.objectContaining({ code: 'MALFORMED_NUMBER', severity: 'error', indicatorIndex: 4 }));
    const blocked = await t.http.post(`/api/projects/${other.id}/transitions`).set(auth('xining')).set('If-Match', `"${res.body.version}"`).send({ action: 'submit' }).expect(422);
    expect(blocked.body.code).toBe('FINDINGS_BLOCK_SUBMIT');
    expect(blocked.body.details).toContainEqual(expect.objectContaining({ field: 'indicators[4]', code: 'MALFORMED_NUMBER' }));
  });

  it('the .xlsx round trip keeps the written values, so the range comes back with its valueMax', async () => {
    const file = (await t.http.get(`/api/projects/${project.id}/export?form=declaration&format=xlsx`).set(auth('xining')).buffer(true).parse(binary).expect(200)).body as Buffer;
    const choices = encodeURIComponent(JSON.stringify([{ name: NAME, choice: 'keepBoth' }]));
    const created = await t.http.post(`/api/imports/xlsx?orgId=${orgId}&choices=${choices}`).set(auth('xining')).set('Content-Type', 'application/octet-stream').send(file).expect(200);
    const copy = (await t.http.get(`/api/projects/${created.body.projects[0].id}`).set(auth('xining')).expect(200)).body as { indicators: Ind[] };
    expect(copy.indicators.map((i) => i.target.raw)).toEqual(ROWS.map((r) => r.target));
    expect(copy.indicators[4].target).toMatchObject({ operator: 'between', value: '90.00', valueMax: '95.00', unit: '%' });
  });

  it('after approval: monitoring lights a range against its nearer bound and a 分 score as a level; evaluation scores the range', async () => {
    let version = project.version as number;
    const go = async (user: string, action: string) => {
      const r = await t.http.post(`/api/projects/${project.id}/transitions`).set(auth(user)).set('If-Match', `"${version}"`).send({ action }).expect(200);
      version = r.body.version;
      return r.body.status as string;
    };
    expect(await go('xining', 'submit')).toBe('submitted');
    expect(await go('hzb', 'approve')).toBe('dept_approved');
    expect(await go('czj', 'approve')).toBe('approved');
    const ids = project.indicators.map((i) => i.id);
    const etag = async () => (await t.http.get(`/api/projects/${project.id}`).set(auth('xining')).expect(200)).headers['etag'] as string;

    const mon = await t.http
      .put(`/api/projects/${project.id}/monitoring`)
      .set(auth('xining'))
      .set('If-Match', await etag())
      .send({
        month: 7,
        budget: { annualBudget: '100000.00', executed: '60000.00' },
        items: [
          { indicatorId: ids[4], current: '97', likelihood: '确定能' }, // above 95: red, 97 / 95 = 102.11 %
          { indicatorId: ids[5], current: '88', likelihood: '确定能' }, // a score: 88 / 90 = 97.78 % green (not pro-rated: 167.62 % blue)
        ],
      })
      .expect(200);
    const lights = mon.body.items as { light: string; progress: string | null }[];
    expect([lights[4], lights[5]].map((l) => [l.light, l.progress])).toEqual([
      ['red', '102.11'],
      ['green', '97.78'],
    ]);

    const items = [
      { indicatorId: ids[0], actual: '1500' },
      { indicatorId: ids[1], actual: '95' },
      { indicatorId: ids[2], actual: '4' },
      { indicatorId: ids[3], actual: '100' },
      { indicatorId: ids[4], actual: '97' },
      { indicatorId: ids[5], actual: '90' },
    ];
    const budget = { annualBudget: '100000.00', executed: '100000.00' };
    const ev = async (list: typeof items) =>
      (await t.http.put(`/api/projects/${project.id}/evaluation`).set(auth('xining')).set('If-Match', await etag()).send({ budget, items: list }).expect(200)).body as {
        items: { score: string; weight: string; achieved: boolean | null }[];
        totalScore: string;
      };
    // mof-2021: 产出 50 over four rows (12.50 each), 效益 30 (the range alone), 满意度 10
    const above = await ev(items);
    expect(above.items.map((i) => i.weight)).toEqual(['12.50', '12.50', '12.50', '12.50', '30.00', '10.00']);
    // the range above its upper bound: 30 × (1 − (97 − 95) / 95) = 29.368… → 29.37
    expect(above.items.map((i) => i.score)).toEqual(['12.50', '12.50', '12.50', '12.50', '29.37', '10.00']);
    expect(above.items[4].achieved).toBe(false);
    expect(above.totalScore).toBe('99.37');
    const inside = await ev(items.map((x, i) => (i === 4 ? { ...x, actual: '92' } : x)));
    expect([inside.items[4].score, inside.items[4].achieved]).toEqual(['30.00', true]);
    const below = await ev(items.map((x, i) => (i === 4 ? { ...x, actual: '81' } : x)));
    expect(below.items[4].score).toBe('27.00'); // 30 × 81 / 90
    const got = await t.http.get(`/api/projects/${project.id}/evaluation`).set(auth('czj')).expect(200);
    expect(got.body.items[4].score).toBe('27.00');
  });
});
