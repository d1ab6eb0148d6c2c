import { login, TEST_DB, useTestApp } from './test-app';

/**
 * GET /api/dashboard?kind= (issue 15): the figures of one kind of target only; absent, every kind; any other value
 * a 400 naming the field. Each kind's figures equal what the list /api/targets shows for that kind.
 */
describe(`dashboard by kind (${TEST_DB})`, () => {
  const t = useTestApp();
  const tok: Record<string, string> = {};
  const auth = (u: string) => ({ Authorization: `Bearer ${tok[u]}` });
  const YEAR = 2033;

  beforeAll(async () => {
    for (const u of ['xining', 'czj']) tok[u] = await login(t, u);
    const orgId = (await t.http.get('/api/auth/me').set(auth('xining')).expect(200)).body.orgId;
    const base = { year: YEAR, orgId, frameworkCode: 'mof-2021' };
    const budget = { total: '5000000.00', fiscal: '4500000', other: '500000', basic: '3000000', project: '2000000' };
    const policy = { basis: '沪府办〔2032〕1号', startYear: YEAR, endYear: YEAR + 1, totalFunds: '900000', annualFunds: '450000' };
    const create = (body: object) => t.http.post('/api/targets').set(auth('xining')).send({ ...base, ...body }).expect(201);
    await create({ kind: 'department', annualGoal: '保障本单位年度工作', department: { budget } });
    await create({ kind: 'policy', name: '人才培训补贴政策', totalGoal: '培训干部人才 300 人次', policy });
    await create({ kind: 'policy', name: '信息化补贴政策', totalGoal: '补贴 20 家单位', policy });
    for (const name of ['培训项目甲', '培训项目乙', '信息化项目']) await create({ kind: 'project', name });
  });

  const dashboard = async (query: string) => (await t.http.get(`/api/dashboard?year=${YEAR}${query}`).set(auth('czj')).expect(200)).body;
  const listed = async (kind: string) => (await t.http.get(`/api/targets?year=${YEAR}&kind=${kind}`).set(auth('czj')).expect(200)).body.total;

  it('counts one kind when asked, every kind without it', async () => {
    const all = await dashboard('');
    expect(all.byKind).toEqual([
      { kind: 'project', count: 3 },
      { kind: 'department', count: 1 },
      { kind: 'policy', count: 2 },
    ]);
    expect(all.projectCount).toBe(6);
    for (const kind of ['project', 'department', 'policy']) {
      const d = await dashboard(`&kind=${kind}`);
      const n = all.byKind.find((k: { kind: string }) => k.kind === kind).count;
      expect(d.projectCount).toBe(n);
      expect(d.projectCount).toBe(await listed(kind));
      expect(d.byKind).toEqual(all.byKind.map((k: { kind: string }) => ({ kind: k.kind, count: k.kind === kind ? n : 0 })));
      expect(d.byStatus.find((s: { status: string }) => s.status === 'draft').count).toBe(n);
    }
  });

  it('refuses any other kind with a 400 naming the field, in Chinese', async () => {
    for (const bad of ['projects', '', 'PROJECT', 'project,policy']) {
      const res = await t.http.get(`/api/dashboard?year=${YEAR}&kind=${encodeURIComponent(bad)}`).set(auth('czj')).expect(400);
      expect(res.body.details[0]).toMatchObject({ field: 'kind', message: expect.stringContaining('目标类型（kind）须为 project、department、policy') });
    }
  });
});
