import { TEST_DB, useLogins, useTestApp, VALID_ROWS } from './test-app';

/**
 * Declare and review (issue 3): orgs, frameworks, projects, indicator tables, findings, transitions,
 * history, optimistic locking and visibility, against the demo data of an empty database.
 */
describe(`projects: declare and review (${TEST_DB})`, () => {
  const t = useTestApp();
  const { auth } = useLogins(t, ['admin', 'xining', 'hzb', 'czj', 'yangpu', 'ypb']);
  let xiningOrg: string;
  let yangpuOrg: string;

  beforeAll(async () => {
    const me = await t.http.get('/api/auth/me').set(auth('xining')).expect(200);
    xiningOrg = me.body.orgId;
    yangpuOrg = (await t.http.get('/api/auth/me').set(auth('yangpu')).expect(200)).body.orgId;
  });

  async function create(body: Record<string, unknown> = {}) {
    const res = await t.http
      .post('/api/projects')
      .set(auth('xining'))
      .send({ year: 2027, name: '合作交流专项工作经费', orgId: xiningOrg, frameworkCode: 'mof-2021', ...body })
      .expect(201);
    return res.body as { id: string; version: number; status: string };
  }

  describe('catalog', () => {
    it('GET /api/frameworks lists mof-2021 and shanghai-2020 with groups, weights and children', async () => {
      const res = await t.http.get('/api/frameworks').set(auth('xining')).expect(200);
      const codes = res.body.map((f: { code: string }) => f.code);
      expect(codes).toEqual(expect.arrayContaining(['mof-2021', 'shanghai-2020']));
      const mof = res.body.find((f: { code: string }) => f.code === 'mof-2021');
      expect(mof.groups.find((g: { name: string }) => g.name === '产出指标')).toEqual({ name: '产出指标', weight: 50, role: 'output', children: ['数量指标', '质量指标', '时效指标'] });
    });

    it('needs a session (401)', async () => {
      await t.http.get('/api/frameworks').expect(401);
      await t.http.get('/api/projects').expect(401);
      await t.http.get('/api/orgs').set({ Authorization: 'Bearer nope' }).expect(401);
    });

    it.each([
      ['xining', ['CZJ', 'HZB', 'HZB-XN']],
      ['hzb', ['CZJ', 'HZB', 'HZB-BB', 'HZB-GZ', 'HZB-KM', 'HZB-XJ', 'HZB-XN', 'HZB-XZ']],
    ])('GET /api/orgs shows %s its subtree and its ancestors', async (u, codes) => {
      const res = await t.http.get('/api/orgs').set(auth(u)).expect(200);
      expect(res.body.map((o: { code: string }) => o.code).sort()).toEqual([...codes].sort());
      const unit = res.body.find((o: { code: string }) => o.code === 'HZB-XN');
      expect(unit).toMatchObject({ name: '上海市人民政府驻西宁办事处', kind: 'unit' });
    });

    it('GET /api/orgs shows the finance bureau everything', async () => {
      const res = await t.http.get('/api/orgs').set(auth('czj')).expect(200);
      expect(res.body).toHaveLength(14);
    });
  });

  describe('demo projects', () => {
    it('are the six reference tables, in several states, visible by scope (and last year\'s projects of the Yangpu units)', async () => {
      const every = await t.http.get('/api/projects?pageSize=50').set(auth('czj')).expect(200);
      expect(every.body.total).toBe(10);
      const lastYear = await t.http.get('/api/projects?pageSize=50&year=2023').set(auth('czj')).expect(200);
      expect(lastYear.body.total).toBe(4);
      expect(lastYear.body.items.every((p: { status: string; evaluation: unknown }) => p.status === 'approved' && p.evaluation !== null)).toBe(true);
      const all = { body: { items: every.body.items.filter((p: { year: number }) => p.year !== 2023) } };
      expect(all.body.items).toHaveLength(6);
      const byName = Object.fromEntries(all.body.items.map((p: { name: string; status: string }) => [p.name, p.status]));
      expect(byName).toEqual({
        合作交流工作业务费: 'approved',
        合作交流专项工作经费: 'submitted',
        '外事办全区非经贸出国(出境)专项经费': 'dept_approved',
        政府办公厅及相关机构事务经费: 'returned',
        修缮类: 'draft',
        交流办对口支援项目经费: 'approved',
      });
      const xining = await t.http.get('/api/projects').set(auth('xining')).expect(200);
      expect(xining.body.items.map((p: { name: string }) => p.name).sort()).toEqual(['合作交流专项工作经费', '合作交流工作业务费'].sort());
      const approved = all.body.items.find((p: { name: string }) => p.name === '合作交流工作业务费');
      const detail = await t.http.get(`/api/projects/${approved.id}`).set(auth('czj')).expect(200);
      expect(detail.body.indicators).toHaveLength(12);
      expect(detail.body.funds.total).toBe('500000.00');
      expect(detail.body.indicators[0].target).toMatchObject({ raw: '>=90%', text: '≥90.00(%)', kind: 'quantitative', operator: '≥', value: '90.00', unit: '%', direction: 'positive' });
      const hist = await t.http.get(`/api/projects/${approved.id}/history`).set(auth('czj')).expect(200);
      expect(hist.body.map((h: { action: string }) => h.action)).toEqual(['create', 'submit', 'approve', 'approve']);
      const returned = all.body.items.find((p: { name: string }) => p.name === '政府办公厅及相关机构事务经费');
      const r = await t.http.get(`/api/projects/${returned.id}`).set(auth('yangpu')).expect(200);
      expect(r.body.reviewComments[0]).toMatchObject({ indicatorName: '全年拟开展业务培训2次，培训干部160余人次(政务公开科)' });
      expect(r.body.indicators.some((i: { id: string }) => i.id === r.body.reviewComments[0].indicatorId)).toBe(true);
      const f = await t.http.get(`/api/projects/${returned.id}/findings`).set(auth('yangpu')).expect(200);
      expect(f.body.findings.map((x: { code: string }) => x.code)).toEqual(expect.arrayContaining(['VALUE_IN_NAME', 'COPIED_ROWS']));
    });

    it('inbox=true lists what waits for each reviewer', async () => {
      const hzb = await t.http.get('/api/projects?inbox=true').set(auth('hzb')).expect(200);
      expect(hzb.body.items.map((p: { name: string }) => p.name)).toEqual(['合作交流专项工作经费']);
      const czj = await t.http.get('/api/projects?inbox=true').set(auth('czj')).expect(200);
      expect(czj.body.items.map((p: { name: string }) => p.name)).toEqual(['外事办全区非经贸出国(出境)专项经费']);
      const xining = await t.http.get('/api/projects?inbox=true').set(auth('xining')).expect(200);
      expect(xining.body.total).toBe(0);
    });
  });

  describe('POST /api/projects', () => {
    it('creates a draft, version 1, with ETag, both goals and the header fields', async () => {
      const res = await t.http
        .post('/api/projects')
        .set(auth('xining'))
        .send({
          year: 2027,
          name: '对口支援服务保障经费',
          orgId: xiningOrg,
          frameworkCode: 'mof-2021',
          nature: '经常性专项业务费',
          category: '特定目标类',
          startDate: '2027-01-01',
          endDate: '2027-12-31',
          funds: { total: '500000', fiscal: '500000.00', other: '0', annualTotal: '500000.00', annualFiscal: '500000.00', carryover: '0.00', annualOther: '0.00' },
          overview: '保障对口支援工作',
          totalGoal: '总目标',
          annualGoal: '年度目标',
        })
        .expect(201);
      expect(res.headers['etag']).toBe('"1"');
      expect(res.body).toMatchObject({ status: 'draft', version: 1, year: 2027, orgName: '上海市人民政府驻西宁办事处', departmentName: '上海市人民政府合作交流办公室' });
      expect(res.body.funds).toEqual({ total: '500000.00', fiscal: '500000.00', other: '0.00', annualTotal: '500000.00', annualFiscal: '500000.00', carryover: '0.00', annualOther: '0.00' });
      expect(res.body.goals.map((g: { kind: string; year: number | null; text: string }) => [g.kind, g.year, g.text])).toEqual([
        ['overall', null, '总目标'],
        ['annual', 2027, '年度目标'],
      ]);
      expect(res.body.permissions).toEqual({ edit: true, actions: ['submit'] });
    });

    it.each([
      [{ name: '' }, 'name'],
      [{ year: 'next' }, 'year'],
      [{ frameworkCode: 'x' }, 'frameworkCode'],
      [{ orgId: 'abc' }, 'orgId'],
      [{ funds: { total: '12,5' } }, 'funds.total'],
      [{ funds: { total: 1000 } }, 'funds.total'],
      [{ startDate: '2027-02-30' }, 'startDate'],
      [{ startDate: '2027-12-01', endDate: '2027-01-01' }, 'endDate'],
      [{ hacker: true }, 'hacker'],
    ])('answers bad input %j with 400 naming %s', async (patch, field) => {
      const res = await t.http
        .post('/api/projects')
        .set(auth('xining'))
        .send({ year: 2027, name: '项目', orgId: xiningOrg, frameworkCode: 'mof-2021', ...patch })
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('refuses an organisation outside the user scope (400) and a reviewer (403)', async () => {
      const res = await t.http.post('/api/projects').set(auth('xining')).send({ year: 2027, name: '项目', orgId: yangpuOrg, frameworkCode: 'mof-2021' }).expect(400);
      expect(res.body.details[0].field).toBe('orgId');
      await t.http.post('/api/projects').set(auth('hzb')).send({ year: 2027, name: '项目', orgId: xiningOrg, frameworkCode: 'mof-2021' }).expect(403);
    });
  });

  describe('writes: If-Match, 428, 412, 409', () => {
    it('PATCH needs If-Match (428), refuses a stale one (412) and answers the new ETag', async () => {
      const p = await create();
      await t.http.patch(`/api/projects/${p.id}`).set(auth('xining')).send({ overview: 'x' }).expect(428);
      const ok = await t.http.patch(`/api/projects/${p.id}`).set(auth('xining')).set('If-Match', '"1"').send({ overview: '新的概况', nature: '其他一次性项目' }).expect(200);
      expect(ok.headers['etag']).toBe('"2"');
      expect(ok.body).toMatchObject({ version: 2, overview: '新的概况', nature: '其他一次性项目' });
      const stale = await t.http.patch(`/api/projects/${p.id}`).set(auth('xining')).set('If-Match', '"1"').send({ overview: '覆盖' }).expect(412);
      expect(stale.body.code).toBe('VERSION_CONFLICT');
      expect(stale.body.message).toContain('已被他人修改');
      const after = await t.http.get(`/api/projects/${p.id}`).set(auth('xining')).expect(200);
      expect(after.headers['etag']).toBe('"2"');
      expect(after.body.overview).toBe('新的概况');
    });

    it('two concurrent saves of the same version: one wins, the other gets 412, nothing is half-written', async () => {
      const p = await create();
      const [a, b] = await Promise.all([
        t.http.put(`/api/projects/${p.id}/indicators`).set(auth('xining')).set('If-Match', '"1"').send({ indicators: VALID_ROWS }),
        t.http.put(`/api/projects/${p.id}/indicators`).set(auth('xining')).set('If-Match', '"1"').send({ indicators: VALID_ROWS.slice(0, 1) }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 412]);
      const winner = a.status === 200 ? a : b;
      const now = await t.http.get(`/api/projects/${p.id}`).set(auth('xining')).expect(200);
      expect(now.body.indicators).toHaveLength(winner.body.indicators.length);
      expect(now.body.version).toBe(2);
    });

    it('PUT indicators keeps the order, parses targets and keeps the ids sent back', async () => {
      const p = await create();
      const res = await t.http.put(`/api/projects/${p.id}/indicators`).set(auth('xining')).set('If-Match', '1').send({ indicators: VALID_ROWS }).expect(200);
      expect(res.headers['etag']).toBe('"2"');
      expect(res.body.indicators.map((i: { name: string }) => i.name)).toEqual(VALID_ROWS.map((r) => r.name));
      expect(res.body.indicators.map((i: { target: { text: string } }) => i.target.text)).toEqual(['≥60.00(个)', '≥90.00(%)', '支撑作用明显', '≥90.00(%)']);
      expect(res.body.indicators[2].target).toMatchObject({ kind: 'qualitative', operator: null, value: null, unit: null, direction: 'qualitative' });
      const ids = res.body.indicators.map((i: { id: string }) => i.id);
      const reordered = [res.body.indicators[1], res.body.indicators[0]].map((i: { id: string; level1: string; level2: string; name: string; target: { raw: string } }) => ({
        id: i.id,
        level1: i.level1,
        level2: i.level2,
        name: i.name,
        target: i.target.raw,
      }));
      const again = await t.http.put(`/api/projects/${p.id}/indicators`).set(auth('xining')).set('If-Match', '"2"').send({ indicators: reordered }).expect(200);
      expect(again.body.indicators.map((i: { id: string }) => i.id)).toEqual([ids[1], ids[0]]);
    });

    it.each([
      [{ indicators: [{ level1: '产出指标', level2: '数量指标', name: 'x', target: 90 }] }, 'indicators[0].target'],
      [{ indicators: [{ level1: '产出指标', level2: '数量指标', name: 'x' }] }, 'indicators[0].target'],
      [{ indicators: [{ level1: '产出指标', level2: '数量指标', name: 'x', target: '1', weight: 'abc' }] }, 'indicators[0].weight'],
      [{ indicators: 'rows' }, 'indicators'],
    ])('PUT indicators with %j is a 400 naming %s and changes nothing', async (body, field) => {
      const p = await create();
      const res = await t.http.put(`/api/projects/${p.id}/indicators`).set(auth('xining')).set('If-Match', '"1"').send(body).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      const now = await t.http.get(`/api/projects/${p.id}`).set(auth('xining')).expect(200);
      expect(now.body.version).toBe(1);
    });

    it('DELETE removes a draft (204) and refuses a submitted project (409)', async () => {
      const p = await create();
      await t.http.delete(`/api/projects/${p.id}`).set(auth('xining')).expect(428);
      await t.http.delete(`/api/projects/${p.id}`).set(auth('xining')).set('If-Match', '"1"').expect(204);
      await t.http.get(`/api/projects/${p.id}`).set(auth('xining')).expect(404);
      const q = await create();
      await t.http.put(`/api/projects/${q.id}/indicators`).set(auth('xining')).set('If-Match', '"1"').send({ indicators: VALID_ROWS }).expect(200);
      await t.http.post(`/api/projects/${q.id}/transitions`).set(auth('xining')).set('If-Match', '"2"').send({ action: 'submit' }).expect(200);
      await t.http.delete(`/api/projects/${q.id}`).set(auth('xining')).set('If-Match', '"3"').expect(409);
    });
  });

  describe('the review workflow', () => {
    it('goes submit → 422 on errors → fix → submit → return with row comments → resubmit → withdraw → submit → approve ×2, with history', async () => {
      const p = await create({ startDate: '2027-01-01', endDate: '2027-12-31' });
      const bad = [...VALID_ROWS];
      bad[1] = { ...bad[1], target: '≥90' };
      let r = await t.http.put(`/api/projects/${p.id}/indicators`).set(auth('xining')).set('If-Match', '"1"').send({ indicators: bad }).expect(200);
      const f = await t.http.get(`/api/projects/${p.id}/findings`).set(auth('xining')).expect(200);
      expect(f.body.findings).toContainEqual(expect.objectContaining({ code: 'MISSING_UNIT', severity: 'error', indicatorIndex: 1 }));

      const blocked = await t.http.post(`/api/projects/${p.id}/transitions`).set(auth('xining')).set('If-Match', '"2"').send({ action: 'submit' }).expect(422);
      expect(blocked.body.code).toBe('FINDINGS_BLOCK_SUBMIT');
      expect(blocked.body.details).toContainEqual(expect.objectContaining({ field: 'indicators[1]', code: 'MISSING_UNIT' }));

      r = await t.http.put(`/api/projects/${p.id}/indicators`).set(auth('xining')).set('If-Match', '"2"').send({ indicators: VALID_ROWS }).expect(200);
      expect(r.body.version).toBe(3);
      r = await t.http.post(`/api/projects/${p.id}/transitions`).set(auth('xining')).set('If-Match', '"3"').send({ action: 'submit' }).expect(200);
      expect(r.body).toMatchObject({ status: 'submitted', version: 4 });
      expect(r.headers['etag']).toBe('"4"');

      // nobody edits a submitted table; wrong roles and states are refused
      await t.http.patch(`/api/projects/${p.id}`).set(auth('xining')).set('If-Match', '"4"').send({ overview: 'x' }).expect(409);
      await t.http.post(`/api/projects/${p.id}/transitions`).set(auth('xining')).set('If-Match', '"4"').send({ action: 'approve' }).expect(403);
      await t.http.post(`/api/projects/${p.id}/transitions`).set(auth('czj')).set('If-Match', '"4"').send({ action: 'approve' }).expect(409);
      await t.http.post(`/api/projects/${p.id}/transitions`).set(auth('hzb')).set('If-Match', '"4"').send({ action: 'return' }).expect(400);
      await t.http.post(`/api/projects/${p.id}/transitions`).set(auth('hzb')).set('If-Match', '"4"').send({ action: 'publish' }).expect(400);
      await t.http.post(`/api/projects/${p.id}/transitions`).set(auth('hzb')).send({ action: 'approve' }).expect(428);

      const rowId = r.body.indicators[1].id;
      const badRow = await t.http
        .post(`/api/projects/${p.id}/transitions`)
        .set(auth('hzb'))
        .set('If-Match', '"4"')
        .send({ action: 'return', comment: '请细化质量指标', rowComments: [{ indicatorId: '00000000-0000-4000-8000-000000000000', comment: 'x' }] })
        .expect(400);
      expect(badRow.body.details[0].field).toBe('rowComments[0].indicatorId');
      r = await t.http
        .post(`/api/projects/${p.id}/transitions`)
        .set(auth('hzb'))
        .set('If-Match', '"4"')
        .send({ action: 'return', comment: '请细化质量指标', rowComments: [{ indicatorId: rowId, comment: '保障率目标偏低，建议≥95%' }] })
        .expect(200);
      expect(r.body.status).toBe('returned');

      // the unit sees the row comment on its row, fixes and resubmits
      r = await t.http.get(`/api/projects/${p.id}`).set(auth('xining')).expect(200);
      expect(r.body.permissions).toEqual({ edit: true, actions: ['submit'] });
      expect(r.body.reviewComments).toEqual([expect.objectContaining({ indicatorId: rowId, comment: '保障率目标偏低，建议≥95%', user: '合作交流办审核人', action: 'return' })]);
      const fixed = r.body.indicators.map((i: { id: string; level1: string; level2: string; name: string; target: { raw: string } }, k: number) => ({
        id: i.id,
        level1: i.level1,
        level2: i.level2,
        name: i.name,
        target: k === 1 ? '≥95%' : i.target.raw,
      }));
      r = await t.http.put(`/api/projects/${p.id}/indicators`).set(auth('xining')).set('If-Match', `"${r.body.version}"`).send({ indicators: fixed }).expect(200);
      expect(r.body.indicators[1]).toMatchObject({ id: rowId, target: { text: '≥95.00(%)' } });
      r = await t.http.post(`/api/projects/${p.id}/transitions`).set(auth('xining')).set('If-Match', `"${r.body.version}"`).send({ action: 'submit' }).expect(200);
      r = await t.http.post(`/api/projects/${p.id}/transitions`).set(auth('xining')).set('If-Match', `"${r.body.version}"`).send({ action: 'withdraw' }).expect(200);
      expect(r.body.status).toBe('draft');
      r = await t.http.post(`/api/projects/${p.id}/transitions`).set(auth('xining')).set('If-Match', `"${r.body.version}"`).send({ action: 'submit' }).expect(200);

      r = await t.http.post(`/api/projects/${p.id}/transitions`).set(auth('hzb')).set('If-Match', `"${r.body.version}"`).send({ action: 'approve', comment: '同意' }).expect(200);
      expect(r.body.status).toBe('dept_approved');
      await t.http.post(`/api/projects/${p.id}/transitions`).set(auth('hzb')).set('If-Match', `"${r.body.version}"`).send({ action: 'approve' }).expect(409);
      await t.http.post(`/api/projects/${p.id}/transitions`).set(auth('xining')).set('If-Match', `"${r.body.version}"`).send({ action: 'withdraw' }).expect(409);
      r = await t.http.post(`/api/projects/${p.id}/transitions`).set(auth('czj')).set('If-Match', `"${r.body.version}"`).send({ action: 'approve' }).expect(200);
      expect(r.body).toMatchObject({ status: 'approved', permissions: { edit: false, actions: [] } });
      await t.http.put(`/api/projects/${p.id}/indicators`).set(auth('xining')).set('If-Match', `"${r.body.version}"`).send({ indicators: VALID_ROWS }).expect(409);

      const h = await t.http.get(`/api/projects/${p.id}/history`).set(auth('hzb')).expect(200);
      // each step as "action from → to" (a creation comes from no status)
      const steps = h.body.map((e: { action: string; fromStatus: string | null; toStatus: string | null }) => `${e.action} ${e.fromStatus ?? '–'} → ${e.toStatus}`);
      expect(steps).toEqual([
        'create – → draft',
        'submit draft → submitted',
        'return submitted → returned',
        'submit returned → submitted',
        'withdraw submitted → draft',
        'submit draft → submitted',
        'approve submitted → dept_approved',
        'approve dept_approved → approved',
      ]);
      expect(h.body[2]).toMatchObject({ user: '合作交流办审核人', comment: '请细化质量指标' });
      expect(h.body[7].user).toBe('财政局审核人');
      expect(Date.parse(h.body[0].at)).not.toBeNaN();
    });

    it('a fund block that does not add up is an error finding that blocks submission', async () => {
      const p = await create({ funds: { total: '100.00', fiscal: '60.00', other: '30.00' } });
      await t.http.put(`/api/projects/${p.id}/indicators`).set(auth('xining')).set('If-Match', '"1"').send({ indicators: VALID_ROWS }).expect(200);
      const f = await t.http.get(`/api/projects/${p.id}/findings`).set(auth('xining')).expect(200);
      expect(f.body.findings).toContainEqual(expect.objectContaining({ code: 'FUNDS_NOT_ADDING_UP', severity: 'error', indicatorIndex: null }));
      await t.http.post(`/api/projects/${p.id}/transitions`).set(auth('xining')).set('If-Match', '"2"').send({ action: 'submit' }).expect(422);
    });
  });

  describe('GET /api/projects', () => {
    it('filters by year, status, org and text, pages, and rejects bad parameters with 400', async () => {
      const res = await t.http.get('/api/projects?year=2020&status=approved').set(auth('hzb')).expect(200);
      expect(res.body.items.map((p: { name: string }) => p.name)).toEqual(['合作交流工作业务费']);
      // the summary counts the rows of the annual table (the Xining 业务费 table has 12)
      expect(res.body.items[0]).toMatchObject({ annualTotal: '500000.00', indicatorCount: 12 });
      const q = await t.http.get(`/api/projects?q=${encodeURIComponent('专项')}&orgId=${xiningOrg}`).set(auth('hzb')).expect(200);
      expect(q.body.items.every((p: { name: string }) => p.name.includes('专项'))).toBe(true);
      expect(q.body.total).toBeGreaterThan(0);
      const page = await t.http.get('/api/projects?page=2&pageSize=2').set(auth('czj')).expect(200);
      expect(page.body).toMatchObject({ page: 2, pageSize: 2 });
      expect(page.body.items).toHaveLength(2);
      const wild = await t.http.get(`/api/projects?q=${encodeURIComponent('%')}`).set(auth('czj')).expect(200);
      expect(wild.body.total).toBe(0);
      for (const bad of ['status=done', 'year=abc', 'page=0', 'pageSize=1000', 'orgId=1', 'foo=1']) {
        const r = await t.http.get(`/api/projects?${bad}`).set(auth('czj')).expect(400);
        expect(r.body.details[0].field).toBe(bad.split('=')[0]);
      }
    });
  });

  describe('visibility: another unit sees nothing of a project (404 on every endpoint)', () => {
    let id: string;
    beforeAll(async () => {
      id = (await create({ name: '西宁办保密项目' })).id;
    });

    it.each([
      ['GET', ''],
      ['GET', '/findings'],
      ['GET', '/history'],
      ['PATCH', ''],
      ['PUT', '/indicators'],
      ['POST', '/transitions'],
      ['DELETE', ''],
    ])('%s /api/projects/:id%s answers 404 to yangpu and ypb', async (method, suffix) => {
      for (const u of ['yangpu', 'ypb']) {
        const url = `/api/projects/${id}${suffix}`;
        const body = suffix === '/indicators' ? { indicators: VALID_ROWS } : suffix === '/transitions' ? { action: 'submit' } : { overview: 'x' };
        const req =
          method === 'GET'
            ? t.http.get(url)
            : method === 'PATCH'
              ? t.http.patch(url).send(body)
              : method === 'PUT'
                ? t.http.put(url).send(body)
                : method === 'POST'
                  ? t.http.post(url).send(body)
                  : t.http.delete(url);
        const res = await req.set(auth(u)).set('If-Match', '"1"');
        expect(res.status).toBe(404);
        expect(res.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: '项目不存在或无权查看' });
      }
      const list = await t.http.get(`/api/projects?q=${encodeURIComponent('西宁办保密项目')}`).set(auth('yangpu')).expect(200);
      expect(list.body.total).toBe(0);
      const still = await t.http.get(`/api/projects/${id}`).set(auth('xining')).expect(200);
      expect(still.body.version).toBe(1);
    });

    it('an unknown or malformed id is a 404, never a 5xx', async () => {
      await t.http.get('/api/projects/00000000-0000-4000-8000-000000000000').set(auth('czj')).expect(404);
      await t.http.get('/api/projects/not-a-uuid').set(auth('czj')).expect(404);
      await t.http.get("/api/projects/1'%20OR%201=1").set(auth('czj')).expect(404);
    });
  });

  describe('goals of a multi-year project', () => {
    it('keeps the overall table and adds an annual goal per year, each with its own table', async () => {
      const p = await create({ name: '三年期项目', startDate: '2027-01-01', endDate: '2029-12-31', totalGoal: '三年总目标' });
      const overall = (await t.http.get(`/api/projects/${p.id}`).set(auth('xining')).expect(200)).body.goals.find((g: { kind: string }) => g.kind === 'overall');
      let r = await t.http.put(`/api/projects/${p.id}/goals/${overall.id}/indicators`).set(auth('xining')).set('If-Match', '"1"').send({ indicators: VALID_ROWS.slice(0, 2) }).expect(200);
      expect(r.body.goals.find((g: { kind: string }) => g.kind === 'overall').indicators).toHaveLength(2);
      expect(r.body.indicators).toHaveLength(0);
      await t.http.post(`/api/projects/${p.id}/goals`).set(auth('xining')).set('If-Match', '"2"').send({ year: 2031 }).expect(400);
      await t.http.post(`/api/projects/${p.id}/goals`).set(auth('xining')).set('If-Match', '"2"').send({ year: 2027 }).expect(409);
      await t.http.post(`/api/projects/${p.id}/goals`).set(auth('xining')).send({ year: 2028 }).expect(428);
      r = await t.http.post(`/api/projects/${p.id}/goals`).set(auth('xining')).set('If-Match', '"2"').send({ year: 2028, text: '第二年目标' }).expect(201);
      expect(r.body.goals.map((g: { kind: string; year: number | null }) => `${g.kind}:${g.year}`)).toEqual(['overall:null', 'annual:2027', 'annual:2028']);
      const y2 = r.body.goals.find((g: { year: number | null }) => g.year === 2028);
      r = await t.http.put(`/api/projects/${p.id}/goals/${y2.id}/indicators`).set(auth('xining')).set('If-Match', '"3"').send({ indicators: VALID_ROWS }).expect(200);
      expect(r.body.goals.find((g: { year: number | null }) => g.year === 2028).indicators).toHaveLength(4);
      await t.http.put(`/api/projects/${p.id}/goals/00000000-0000-4000-8000-000000000000/indicators`).set(auth('xining')).set('If-Match', '"4"').send({ indicators: [] }).expect(404);
      await t.http.post(`/api/projects/${p.id}/goals`).set(auth('yangpu')).set('If-Match', '"4"').send({ year: 2029 }).expect(404);
    });
  });

  describe('adjustments, revisions and the diff', () => {
    it('adjusting an approved project makes revision 2 (draft); revision 1 stays; the diff shows what changed', async () => {
      const p = await create({ name: '调整测试项目', funds: { total: '100.00', fiscal: '100.00' } });
      let r = await t.http.put(`/api/projects/${p.id}/indicators`).set(auth('xining')).set('If-Match', '"1"').send({ indicators: VALID_ROWS }).expect(200);
      r = await t.http.post(`/api/projects/${p.id}/transitions`).set(auth('xining')).set('If-Match', `"${r.body.version}"`).send({ action: 'submit' }).expect(200);
      // only an approved project can be adjusted
      await t.http.post(`/api/projects/${p.id}/adjustments`).set(auth('xining')).set('If-Match', `"${r.body.version}"`).send({ reason: '年中调整' }).expect(409);
      r = await t.http.post(`/api/projects/${p.id}/transitions`).set(auth('hzb')).set('If-Match', `"${r.body.version}"`).send({ action: 'approve' }).expect(200);
      r = await t.http.post(`/api/projects/${p.id}/transitions`).set(auth('czj')).set('If-Match', `"${r.body.version}"`).send({ action: 'approve' }).expect(200);
      expect(r.body.revision).toBe(1);
      await t.http.post(`/api/projects/${p.id}/adjustments`).set(auth('xining')).set('If-Match', `"${r.body.version}"`).send({}).expect(400);
      await t.http.post(`/api/projects/${p.id}/adjustments`).set(auth('hzb')).set('If-Match', `"${r.body.version}"`).send({ reason: 'x' }).expect(403);
      await t.http.post(`/api/projects/${p.id}/adjustments`).set(auth('xining')).send({ reason: 'x' }).expect(428);
      r = await t.http.post(`/api/projects/${p.id}/adjustments`).set(auth('xining')).set('If-Match', `"${r.body.version}"`).send({ reason: '预算调减' }).expect(200);
      expect(r.body).toMatchObject({ status: 'draft', revision: 2, permissions: { edit: true } });

      const rows = r.body.indicators.map((i: { id: string; level1: string; level2: string; name: string; target: { raw: string } }) => ({ id: i.id, level1: i.level1, level2: i.level2, name: i.name, target: i.target.raw }));
      rows[0].target = '≥50个';
      rows.splice(2, 1);
      rows.push({ level1: '效益指标', level2: '社会效益指标', name: '对口地区合作项目落地数', target: '≥3个' });
      r = await t.http.put(`/api/projects/${p.id}/indicators`).set(auth('xining')).set('If-Match', `"${r.body.version}"`).send({ indicators: rows }).expect(200);
      r = await t.http.patch(`/api/projects/${p.id}`).set(auth('xining')).set('If-Match', `"${r.body.version}"`).send({ funds: { total: '80.00', fiscal: '80.00' } }).expect(200);

      const revs = await t.http.get(`/api/projects/${p.id}/revisions`).set(auth('hzb')).expect(200);
      expect(revs.body.map((x: { revision: number; current: boolean }) => [x.revision, x.current])).toEqual([
        [1, false],
        [2, true],
      ]);
      expect(revs.body[0].approvedAt).not.toBeNull();
      expect(revs.body[0].reason).toBe('预算调减');
      const old = await t.http.get(`/api/projects/${p.id}/revisions/1`).set(auth('hzb')).expect(200);
      expect(old.body).toMatchObject({ status: 'approved', revision: 1, funds: { total: '100.00' } });
      expect(old.body.indicators.map((i: { target: { raw: string } }) => i.target.raw)).toEqual(VALID_ROWS.map((g) => g.target));
      await t.http.get(`/api/projects/${p.id}/revisions/7`).set(auth('hzb')).expect(404);
      await t.http.get(`/api/projects/${p.id}/revisions/abc`).set(auth('hzb')).expect(400);

      const d = await t.http.get(`/api/projects/${p.id}/diff?from=1`).set(auth('hzb')).expect(200);
      expect(d.body).toMatchObject({ from: 1, to: 2 });
      expect(d.body.fields).toEqual(expect.arrayContaining([{ field: 'funds.total', label: '项目资金总额', before: '100.00', after: '80.00' }]));
      expect(d.body.annualRows.map((x: { kind: string; fields: string[] }) => [x.kind, x.fields])).toEqual([
        ['changed', ['target']],
        ['unchanged', []],
        ['removed', []],
        ['unchanged', []],
        ['added', []],
      ]);
      await t.http.get(`/api/projects/${p.id}/diff`).set(auth('hzb')).expect(400);
      await t.http.get(`/api/projects/${p.id}/diff?from=1`).set(auth('yangpu')).expect(404);
      const h = await t.http.get(`/api/projects/${p.id}/history`).set(auth('xining')).expect(200);
      expect(h.body.at(-1)).toMatchObject({ action: 'adjust', fromStatus: 'approved', toStatus: 'draft' });
    });
  });

  describe('suggestions, copying last year, the indicator library', () => {
    it('suggests library indicators and similar past projects; copies last year\'s same-name table', async () => {
      const p = await create({ name: '合作交流专项工作经费', year: 2021, frameworkCode: 'shanghai-2020' });
      const s = await t.http.get(`/api/projects/${p.id}/suggestions`).set(auth('xining')).expect(200);
      expect(s.body.similarProjects[0]).toMatchObject({ name: '合作交流专项工作经费', year: 2020, similarity: 1 });
      expect(s.body.similarProjects[0].indicators).toHaveLength(12);
      expect(s.body.library.length).toBeGreaterThan(5);
      expect(s.body.library.every((l: { frameworkCode: string }) => l.frameworkCode === 'shanghai-2020')).toBe(true);
      expect(s.body.lastYear).toMatchObject({ name: '合作交流专项工作经费', year: 2020, indicatorCount: 12 });
      await t.http.post(`/api/projects/${p.id}/copy-last-year`).set(auth('xining')).expect(428);
      const c = await t.http.post(`/api/projects/${p.id}/copy-last-year`).set(auth('xining')).set('If-Match', '"1"').expect(200);
      expect(c.body.indicators).toHaveLength(12);
      expect(c.body.indicators[3]).toMatchObject({ name: '接待团组数量', target: { text: '≥60.00(个)' } });
      const none = await create({ name: '全新的项目' });
      const e = await t.http.post(`/api/projects/${none.id}/copy-last-year`).set(auth('xining')).set('If-Match', '"1"').expect(422);
      expect(e.body.code).toBe('NO_LAST_YEAR_PROJECT');
      await t.http.get(`/api/projects/${p.id}/suggestions`).set(auth('yangpu')).expect(404);
      await t.http.post(`/api/projects/${p.id}/copy-last-year`).set(auth('yangpu')).set('If-Match', '"2"').expect(404);
    });

    it('the library is drawn from the reference tables, searchable, and editable by the admin only', async () => {
      const all = await t.http.get('/api/indicator-library?pageSize=200').set(auth('xining')).expect(200);
      expect(all.body.total).toBeGreaterThan(50);
      const sat = await t.http.get(`/api/indicator-library?q=${encodeURIComponent('满意度')}&frameworkCode=mof-2021`).set(auth('xining')).expect(200);
      expect(sat.body.items[0]).toMatchObject({ name: '服务对象满意度', level1: '满意度指标', level2: '服务对象满意度指标' });
      expect(sat.body.items[0].usageCount).toBeGreaterThan(0);
      const byLevel = await t.http.get(`/api/indicator-library?frameworkCode=shanghai-2020&level1=${encodeURIComponent('产出目标')}&level2=${encodeURIComponent('数量')}`).set(auth('xining')).expect(200);
      expect(byLevel.body.items.map((i: { name: string }) => i.name)).toEqual(expect.arrayContaining(['接待团组数量', '预算执行率']));
      await t.http.get('/api/indicator-library?frameworkCode=x').set(auth('xining')).expect(400);

      const body = { frameworkCode: 'mof-2021', level1: '产出指标', level2: '时效指标', name: '按时完成率', target: '=100%' };
      await t.http.post('/api/indicator-library').set(auth('xining')).send(body).expect(403);
      const bad = await t.http.post('/api/indicator-library').set(auth('admin')).send({ ...body, level2: '满意度' }).expect(400);
      expect(bad.body.details[0].field).toBe('level2');
      await t.http.post('/api/indicator-library').set(auth('admin')).send({ ...body, name: '' }).expect(400);
      const created = await t.http.post('/api/indicator-library').set(auth('admin')).send(body).expect(201);
      await t.http.post('/api/indicator-library').set(auth('admin')).send(body).expect(409);
      const id = created.body.id;
      await t.http.patch(`/api/indicator-library/${id}`).set(auth('admin')).send({ target: '≥95%' }).expect(428);
      const upd = await t.http.patch(`/api/indicator-library/${id}`).set(auth('admin')).set('If-Match', '"1"').send({ target: '≥95%' }).expect(200);
      expect(upd.headers['etag']).toBe('"2"');
      await t.http.patch(`/api/indicator-library/${id}`).set(auth('admin')).set('If-Match', '"1"').send({ target: '≥96%' }).expect(412);
      await t.http.delete(`/api/indicator-library/${id}`).set(auth('admin')).set('If-Match', '"1"').expect(412);
      await t.http.delete(`/api/indicator-library/${id}`).set(auth('admin')).set('If-Match', '"2"').expect(204);
      await t.http.get(`/api/indicator-library/${id}`).set(auth('admin')).expect(404);
    });
  });
});
