import ExcelJS from 'exceljs';
import { binary, login, TEST_DB, useTestApp } from './test-app';

/**
 * Indicator metadata and last year's values (issue 17, domain §11): 指标解释, 设定依据, 评(扣)分标准, 数据来源 kept with
 * each row and refused with the field named when wrong; each row of next year's same-name target shows last year's
 * value and self-evaluation actual; a finding warns where a target is set below last year's actual.
 */
describe(`indicator metadata and history (${TEST_DB})`, () => {
  const t = useTestApp();
  const tok: Record<string, string> = {};
  const auth = (u: string) => ({ Authorization: `Bearer ${tok[u]}` });
  let lastYear: { id: string; version: number; indicators: { id: string; level1: string; level2: string; name: string; target: { raw: string } }[] };
  let next: { id: string; version: number };
  const NAME = '合作交流工作业务费';

  beforeAll(async () => {
    for (const u of ['xining', 'hzb', 'yangpu']) tok[u] = await login(t, u);
    const list = await t.http.get('/api/projects?year=2020').set(auth('xining')).expect(200);
    const id = list.body.items.find((p: { name: string }) => p.name === NAME).id;
    lastYear = (await t.http.get(`/api/projects/${id}`).set(auth('xining')).expect(200)).body;
    // last year's self-evaluation: 预算资金到位率 (≥90%) reached 95, the others left empty
    const items = lastYear.indicators.map((i, k) => (k === 0 ? { indicatorId: i.id, actual: '95' } : { indicatorId: i.id }));
    await t.http
      .put(`/api/projects/${id}/evaluation`)
      .set(auth('xining'))
      .set('If-Match', `"${lastYear.version}"`)
      .send({ budget: { annualBudget: '500000.00', executed: '450000.00' }, items })
      .expect(200);
    const me = await t.http.get('/api/auth/me').set(auth('xining')).expect(200);
    next = (await t.http.post('/api/projects').set(auth('xining')).send({ year: 2021, name: NAME, orgId: me.body.orgId, frameworkCode: 'shanghai-2020' }).expect(201)).body;
  });

  const rowsOfLastYear = () => lastYear.indicators.map((i) => ({ level1: i.level1, level2: i.level2, name: i.name, target: i.target.raw }));

  it('keeps the four description fields of each row, trimmed, blank as null, and reads them back', async () => {
    const rows = rowsOfLastYear();
    rows[0] = { ...rows[0], explanation: ' 到位资金 / 预算资金 \n 按季度统计 ', basis: '历史标准', scoringRule: '≥90% 得满分，每低 1 个百分点扣 0.5 分', dataSource: '财务报表' } as never;
    rows[1] = { ...rows[1], explanation: '   ', basis: null, dataSource: '' } as never;
    const put = await t.http.put(`/api/projects/${next.id}/indicators`).set(auth('xining')).set('If-Match', `"${next.version}"`).send({ indicators: rows }).expect(200);
    next = put.body;
    const got = (await t.http.get(`/api/projects/${next.id}`).set(auth('xining')).expect(200)).body;
    expect(got.indicators[0]).toMatchObject({
      explanation: '到位资金 / 预算资金 \n 按季度统计',
      basis: '历史标准',
      scoringRule: '≥90% 得满分，每低 1 个百分点扣 0.5 分',
      dataSource: '财务报表',
    });
    expect(got.indicators[1]).toMatchObject({ explanation: null, basis: null, scoringRule: null, dataSource: null });
    // a save that leaves the fields out (a client that does not know them) keeps them on the kept rows; null clears
    const plain = got.indicators.map((i: { id: string; level1: string; level2: string; name: string; target: { raw: string } }) => ({ id: i.id, level1: i.level1, level2: i.level2, name: i.name, target: i.target.raw }));
    next = (await t.http.put(`/api/projects/${next.id}/indicators`).set(auth('xining')).set('If-Match', `"${next.version}"`).send({ indicators: plain }).expect(200)).body;
    expect((next as unknown as typeof got).indicators[0]).toMatchObject({ basis: '历史标准', dataSource: '财务报表' });
    plain[0] = { ...plain[0], dataSource: null };
    next = (await t.http.put(`/api/projects/${next.id}/indicators`).set(auth('xining')).set('If-Match', `"${next.version}"`).send({ indicators: plain }).expect(200)).body;
    expect((next as unknown as typeof got).indicators[0]).toMatchObject({ basis: '历史标准', dataSource: null });
    // the same through the any-kind route
    const viaTargets = (await t.http.get(`/api/targets/${next.id}`).set(auth('xining')).expect(200)).body;
    expect(viaTargets.indicators[0].basis).toBe('历史标准');
  });

  it('refuses a wrong 设定依据, an over-long text or a line break in 数据来源 with the field named in Chinese, storing nothing', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ basis: '国家标准' }, 'indicators[0].basis', /设定依据须为计划标准、行业标准、历史标准、其他标准之一/],
      [{ explanation: 'x'.repeat(1001) }, 'indicators[0].explanation', /指标解释最多 1000 个字符/],
      [{ scoringRule: 5 }, 'indicators[0].scoringRule', /^评\(扣\)分标准/],
      [{ dataSource: '统计\n年报' }, 'indicators[0].dataSource', /数据来源/],
    ];
    for (const [over, field, message] of cases) {
      const rows = rowsOfLastYear();
      rows[0] = { ...rows[0], ...over } as never;
      const res = await t.http.put(`/api/projects/${next.id}/indicators`).set(auth('xining')).set('If-Match', `"${next.version}"`).send({ indicators: rows }).expect(400);
      const detail = res.body.details.find((d: { field: string }) => d.field === field);
      expect(detail?.message).toMatch(message);
    }
    const got = (await t.http.get(`/api/projects/${next.id}`).set(auth('xining')).expect(200)).body;
    expect(got.version).toBe(next.version);
    expect(got.indicators[0].basis).toBe('历史标准');
  });

  it('gives each row last year\'s value and actual of the same indicator of the same-name target (null where none)', async () => {
    const rows = rowsOfLastYear();
    rows.push({ level1: rows[0].level1, level2: rows[0].level2, name: '新增的指标', target: '≥1个' });
    const put = await t.http.put(`/api/projects/${next.id}/indicators`).set(auth('xining')).set('If-Match', `"${next.version}"`).send({ indicators: rows }).expect(200);
    next = put.body;
    const res = await t.http.get(`/api/targets/${next.id}/indicator-history`).set(auth('hzb')).expect(200);
    expect(res.body.year).toBe(2020);
    const ids = (put.body.indicators as { id: string }[]).map((i) => i.id);
    expect(res.body.rows.map((r: { indicatorId: string }) => r.indicatorId)).toEqual(ids);
    expect(res.body.rows[0].history).toEqual({ year: 2020, target: lastYear.indicators[0].target.raw, actual: '95%' });
    expect(res.body.rows[1].history).toEqual({ year: 2020, target: lastYear.indicators[1].target.raw, actual: null });
    expect(res.body.rows[rows.length - 1].history).toBeNull();
    // last year's own table has no year before it
    const old = await t.http.get(`/api/projects/${lastYear.id}/indicator-history`).set(auth('xining')).expect(200);
    expect(old.body.rows.every((r: { history: unknown }) => r.history === null)).toBe(true);
    // the contract's reads carry it on the rows too: the detail GET and the answer of the write, the same values
    const detail = (await t.http.get(`/api/targets/${next.id}`).set(auth('hzb')).expect(200)).body;
    expect(detail.indicators.map((i: { history: unknown }) => i.history)).toEqual(res.body.rows.map((r: { history: unknown }) => r.history));
    expect(put.body.indicators[0].history).toEqual(res.body.rows[0].history);
    const annual = detail.goals.find((g: { kind: string; year: number }) => g.kind === 'annual' && g.year === detail.year);
    expect(annual.indicators[0].history).toEqual({ year: 2020, target: lastYear.indicators[0].target.raw, actual: '95%' });
  });

  it('warns (BELOW_LAST_YEAR_ACTUAL) where this year\'s target is below last year\'s actual, and not once it is raised', async () => {
    const below = (await t.http.get(`/api/projects/${next.id}/findings`).set(auth('xining')).expect(200)).body.findings.filter((f: { code: string }) => f.code === 'BELOW_LAST_YEAR_ACTUAL');
    expect(below).toEqual([expect.objectContaining({ severity: 'warning', indicatorIndex: 0, message: expect.stringContaining('95%') })]);
    const rows = rowsOfLastYear();
    rows[0] = { ...rows[0], target: '≥96%' };
    next = (await t.http.put(`/api/projects/${next.id}/indicators`).set(auth('xining')).set('If-Match', `"${next.version}"`).send({ indicators: rows }).expect(200)).body;
    const after = (await t.http.get(`/api/projects/${next.id}/findings`).set(auth('xining')).expect(200)).body.findings;
    expect(after.some((f: { code: string }) => f.code === 'BELOW_LAST_YEAR_ACTUAL')).toBe(false);
  });

  it('keeps the 自评报告 with the self-evaluation (trimmed; a save without it, or without one text, keeps what is stored)', async () => {
    const url = `/api/projects/${lastYear.id}/evaluation`;
    const ev = (await t.http.get(url).set(auth('xining')).expect(200)).body;
    expect(ev.report).toEqual({ completion: null, deviation: null, problems: null, measures: null });
    const base = { budget: ev.budget, items: ev.items.map((i: { indicatorId: string; actual: string | null }) => ({ indicatorId: i.indicatorId, actual: i.actual })) };
    const report = { completion: ' 全年完成主要任务 ', deviation: '部分活动延期', problems: '佐证不全', measures: '建立台账\n按月报送' };
    let saved = (await t.http.put(url).set(auth('xining')).set('If-Match', `"${ev.version}"`).send({ ...base, report }).expect(200)).body;
    expect(saved.report).toEqual({ ...report, completion: '全年完成主要任务' });
    saved = (await t.http.put(url).set(auth('xining')).set('If-Match', `"${saved.version}"`).send(base).expect(200)).body;
    saved = (await t.http.put(url).set(auth('xining')).set('If-Match', `"${saved.version}"`).send({ ...base, report: { problems: '  ' } }).expect(200)).body;
    expect(saved.report).toEqual({ ...report, completion: '全年完成主要任务', problems: null });
    const bad = await t.http.put(url).set(auth('xining')).set('If-Match', `"${saved.version}"`).send({ ...base, report: { measures: 'x'.repeat(5001) } }).expect(400);
    expect(bad.body.details[0]).toMatchObject({ field: 'report.measures', message: '改进措施最多 5000 个字符' });
  });

  it('goes through the .xlsx round trip: the 申报表 export carries the four columns and the import reads them back', async () => {
    const rows = rowsOfLastYear();
    rows[0] = { ...rows[0], explanation: '到位资金 / 预算资金', basis: '行业标准', scoringRule: '每低 1% 扣 0.5 分', dataSource: '财务报表' } as never;
    next = (await t.http.put(`/api/projects/${next.id}/indicators`).set(auth('xining')).set('If-Match', `"${next.version}"`).send({ indicators: rows }).expect(200)).body;
    const file = (await t.http
      .get(`/api/projects/${next.id}/export?form=declaration&format=xlsx`)
      .set(auth('xining'))
      .buffer(true)
      .parse(binary)
      .expect(200)).body as Buffer;
    const me = await t.http.get('/api/auth/me').set(auth('xining')).expect(200);
    const post = (body: Buffer, query: string) =>
      t.http.post(`/api/imports/xlsx?orgId=${me.body.orgId}&year=2021${query}`).set(auth('xining')).set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(body);
    const preview = (await post(file, '&dryRun=true').expect(200)).body;
    expect(preview.problems).toEqual([]);
    const read = preview.projects[0].indicators as Record<string, unknown>[];
    expect(read[0]).toMatchObject({ explanation: '到位资金 / 预算资金', basis: '行业标准', scoringRule: '每低 1% 扣 0.5 分', dataSource: '财务报表' });
    expect(read[1]).toMatchObject({ explanation: null, basis: null });
    const keep = encodeURIComponent(JSON.stringify([{ name: NAME, choice: 'keepBoth' }]));
    const created = (await post(file, `&choices=${keep}`).expect(200)).body.projects[0];
    const copy = (await t.http.get(`/api/projects/${created.id}`).set(auth('xining')).expect(200)).body;
    expect(copy.indicators[0]).toMatchObject({ basis: '行业标准', dataSource: '财务报表', scoringRule: '每低 1% 扣 0.5 分' });
    // a 设定依据 typed outside the four is a problem with its row, not a stored value
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    wb.worksheets[0].eachRow((row) => {
      if (row.getCell(7).value === '行业标准') row.getCell(7).value = '国家标准';
    });
    const edited = (await post(Buffer.from(await wb.xlsx.writeBuffer()), '&dryRun=true').expect(200)).body;
    expect(edited.problems).toEqual([expect.objectContaining({ message: expect.stringContaining('设定依据“国家标准”须为计划标准、行业标准、历史标准、其他标准之一') })]);
  });

  it('keeps the four fields on an indicator library entry (系统管理员), validated as on a row; a PATCH without them keeps them', async () => {
    tok['admin'] = await login(t, 'admin');
    const body = { frameworkCode: 'mof-2021', level1: '产出指标', level2: '时效指标', name: '资料按时报送率', target: '=100%' };
    const bad = await t.http.post('/api/indicator-library').set(auth('admin')).send({ ...body, basis: '国家标准' }).expect(400);
    expect(bad.body.details[0]).toMatchObject({ field: 'basis', message: expect.stringContaining('设定依据须为') });
    const meta = { explanation: '按时报送次数 / 应报送次数', basis: '计划标准', scoringRule: '每迟报一次扣 1 分', dataSource: '报送台账' };
    const created = (await t.http.post('/api/indicator-library').set(auth('admin')).send({ ...body, ...meta }).expect(201)).body;
    expect(created).toMatchObject(meta);
    const upd = (await t.http.patch(`/api/indicator-library/${created.id}`).set(auth('admin')).set('If-Match', '"1"').send({ target: '≥95%', dataSource: ' ' }).expect(200)).body;
    expect(upd).toMatchObject({ ...meta, target: '≥95%', dataSource: null });
    const listed = (await t.http.get(`/api/indicator-library?q=${encodeURIComponent('资料按时报送率')}`).set(auth('xining')).expect(200)).body.items[0];
    expect(listed).toMatchObject({ explanation: meta.explanation, basis: '计划标准', scoringRule: meta.scoringRule });
  });

  it('is visible exactly as the target (another unit: 404)', async () => {
    await t.http.get(`/api/targets/${next.id}/indicator-history`).set(auth('yangpu')).expect(404);
    await t.http.get(`/api/targets/not-a-uuid/indicator-history`).set(auth('xining')).expect(404);
  });
});
