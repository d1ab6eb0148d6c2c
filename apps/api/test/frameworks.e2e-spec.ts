import { scoreEvaluation, SHANGHAI_2020, type FrameworkGroup, type ScoringSettings, type TargetValue } from '@pt/domain';
import ExcelJS from 'exceljs';
import { binary, createTestDatabase, login, startTestApp, TEST_DB, type TestApp, type TestDatabase } from './test-app';

/**
 * Frameworks and scoring settings as versioned data (issue 12): only the system administrator creates versions,
 * bad input is refused naming the field, a project keeps the versions it was declared under (its checks and its
 * evaluation use them) and a project created after an edit takes the new ones.
 */
/** A whole response body as a Buffer (the .xlsx exports). */
describe(`frameworks and scoring settings as versioned data (${TEST_DB})`, () => {
  let db: TestDatabase;
  let t: TestApp;
  const tok: Record<string, string> = {};
  let xiningOrg: string;
  type Row = { id: string; level1: string; level2: string; name: string; target: TargetValue };
  /** 合作交流工作业务费 (demo: Xining 2020, approved under shanghai-2020 version 1, 12 rows). */
  let yewu: { id: string; indicators: Row[] };

  const auth = (u: string) => ({ Authorization: `Bearer ${tok[u]}` });
  const etag = async (id: string) => (await t.http.get(`/api/projects/${id}`).set(auth('czj')).expect(200)).headers['etag'] as string;

  /** shanghai-2020 version 2: official weights 10 / 40 / 30 / 10 instead of the equal split. */
  const SH_WEIGHTS: Record<string, number> = { 投入与管理: 10, 产出目标: 40, 效果目标: 30, 影响力目标: 10 };
  const shanghaiV2Groups: FrameworkGroup[] = SHANGHAI_2020.groups.map((g) => ({ ...g, weight: SH_WEIGHTS[g.name] }));
  /** settings version 2: 优 from 70, 良 from 60, 中 from 40, and the ratio rule for reverse indicators. */
  const settingsV2: ScoringSettings = {
    reverseRule: 'ratio',
    farAboveThreshold: '0.20',
    budgetPoints: '10',
    indicatorPoints: '90',
    gradeBands: [
      { grade: '优', min: '70' },
      { grade: '良', min: '60' },
      { grade: '中', min: '40' },
      { grade: '差', min: '0' },
    ],
  };

  /** The inputs of the evaluation test (75.75, 中 under version 1). */
  const budget = { annualBudget: '500000.00', executed: '450000.00' };
  const inputs = (): Record<string, unknown>[] => [
    { actual: '95' },
    { grade: '达成', description: '预算编制合理' },
    { grade: '部分达成', description: '流程基本规范' },
    { actual: '45' },
    { grade: '未达成', description: '规模未达要求' },
    { grade: '达成', description: '按时启动' },
    { actual: '100' },
    { grade: '达成', description: '支撑作用明显' },
    {},
    { grade: '达成', description: '已建立' },
    { grade: '部分达成', description: '基本到位' },
    { grade: '达成', description: '配合有效' },
  ];
  const evaluationOf = (rows: Row[]) => ({ budget, items: inputs().map((x, i) => ({ indicatorId: rows[i].id, ...x })) });

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await startTestApp(db);
    for (const u of ['admin', 'security', 'auditor', 'xining', 'hzb', 'czj']) tok[u] = await login(t, u);
    xiningOrg = (await t.http.get('/api/auth/me').set(auth('xining')).expect(200)).body.orgId;
    const list = await t.http.get('/api/projects?year=2020').set(auth('xining')).expect(200);
    const id = list.body.items.find((p: { name: string }) => p.name === '合作交流工作业务费').id;
    yewu = (await t.http.get(`/api/projects/${id}`).set(auth('xining')).expect(200)).body;
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  async function createProject(frameworkCode: string, name: string, rows: { level1: string; level2: string; name: string; target: string }[]) {
    const p = await t.http.post('/api/projects').set(auth('xining')).send({ year: 2027, name, orgId: xiningOrg, frameworkCode }).expect(201);
    await t.http.put(`/api/projects/${p.body.id}/indicators`).set(auth('xining')).set('If-Match', '"1"').send({ indicators: rows }).expect(200);
    return (await t.http.get(`/api/projects/${p.body.id}`).set(auth('xining')).expect(200)).body as { id: string; frameworkVersion: number; settingsVersion: number; indicators: Row[] };
  }

  it('GET /api/frameworks answers version 1 of both shipped frameworks, with region, roles and the settings version', async () => {
    const res = await t.http.get('/api/frameworks').set(auth('xining')).expect(200);
    expect(res.body.map((f: { code: string; version: number; region: string; settingsVersion: number }) => [f.code, f.version, f.region, f.settingsVersion])).toEqual([
      ['mof-2021', 1, '全国', 1],
      ['shanghai-2020', 1, '上海市', 1],
    ]);
    expect(res.body[0].groups[1]).toEqual({ name: '产出指标', weight: 50, role: 'output', children: ['数量指标', '质量指标', '时效指标'] });
    expect(yewu).toMatchObject({ frameworkVersion: 1, settingsVersion: 1 });
  });

  it('only the system administrator reads and creates versions (filler, security and audit administrators: 403)', async () => {
    const body = { baseVersion: 1, name: SHANGHAI_2020.name, region: '上海市', groups: shanghaiV2Groups };
    for (const u of ['xining', 'security', 'auditor']) {
      await t.http.get('/api/admin/frameworks').set(auth(u)).expect(403);
      await t.http.post('/api/admin/frameworks/shanghai-2020').set(auth(u)).send(body).expect(403);
      await t.http.post('/api/admin/frameworks/settings').set(auth(u)).send({ baseVersion: 1, ...settingsV2 }).expect(403);
    }
    await t.http.get('/api/admin/frameworks').expect(401);
    const res = await t.http.get('/api/admin/frameworks').set(auth('admin')).expect(200);
    expect(res.body.frameworks.map((f: { code: string; version: number; createdBy: string | null }) => [f.code, f.version, f.createdBy])).toEqual([
      ['mof-2021', 1, null],
      ['shanghai-2020', 1, null],
    ]);
    expect(res.body.settings).toHaveLength(1);
    expect(res.body.settings[0]).toMatchObject({ version: 1, settings: { reverseRule: 'linear', farAboveThreshold: '0.20', budgetPoints: '10', indicatorPoints: '90' } });
    expect(res.body.settings[0].settings.gradeBands.map((b: { min: string }) => b.min)).toEqual(['90', '80', '60', '0']);
  });

  it.each([
    ['weights of every group not adding up to 90', { groups: shanghaiV2Groups.map((g) => (g.name === '产出目标' ? { ...g, weight: 45 } : g)) }, 'groups.weight', '一级指标权重合计 95 分，应为 90 分'],
    ['an empty 一级 name', { groups: shanghaiV2Groups.map((g, i) => (i === 0 ? { ...g, name: ' ' } : g)) }, 'groups[0].name', '第 1 个一级指标未填写名称'],
    ['a duplicate 二级', { groups: shanghaiV2Groups.map((g, i) => (i === 1 ? { ...g, children: ['数量', '数量'] } : g)) }, 'groups[1].children[1]', '二级指标“数量”在“产出目标”下重复'],
    ['a weight that is not a number', { groups: shanghaiV2Groups.map((g, i) => (i === 0 ? { ...g, weight: '十' } : g)) }, 'groups[0].weight', '一级指标权重须为最多两位小数的数字，或留空'],
    ['an unknown role', { groups: shanghaiV2Groups.map((g, i) => (i === 0 ? { ...g, role: 'x' } : g)) }, 'groups[0].role', undefined],
    ['no baseVersion', { baseVersion: undefined }, 'baseVersion', '请求须带上所依据的版本号 baseVersion（正整数）'],
    ['no region', { region: '' }, 'region', '请填写适用地区'],
  ])('a framework version with %s: 400 naming the field', async (_what, patch, field, message) => {
    const body = { baseVersion: 1, name: SHANGHAI_2020.name, region: '上海市', groups: shanghaiV2Groups, ...patch };
    const res = await t.http.post('/api/admin/frameworks/shanghai-2020').set(auth('admin')).send(body).expect(400);
    expect(res.body.details).toContainEqual(expect.objectContaining({ field, ...(message ? { message } : {}) }));
  });

  it.each([
    ['bands not falling', { gradeBands: [{ grade: '优', min: '90' }, { grade: '良', min: '95' }, { grade: '中', min: '60' }, { grade: '差', min: '0' }] }, 'gradeBands[1].min', '等级“良”的下限须低于等级“优”的下限'],
    ['a band that is not a number', { gradeBands: [{ grade: '优', min: 'abc' }, { grade: '良', min: '80' }, { grade: '中', min: '60' }, { grade: '差', min: '0' }] }, 'gradeBands[0].min', '等级“优”的下限须为不小于 0、最多 2 位小数的数字'],
    ['grades out of order', { gradeBands: [{ grade: '良', min: '90' }, { grade: '优', min: '80' }, { grade: '中', min: '60' }, { grade: '差', min: '0' }] }, 'gradeBands', '等级须依次为 优、良、中、差'],
    ['points not adding up to 100', { budgetPoints: '15' }, 'indicatorPoints', '预算执行率分值与指标分值合计须为 100 分（现为 15 + 90）'],
    ['an unknown reverse rule', { reverseRule: 'log' }, 'reverseRule', '反向指标计分规则须为 linear（线性扣减）或 ratio（比值计分）'],
    ['a negative threshold', { farAboveThreshold: '-0.1' }, 'farAboveThreshold', '超目标提示阈值须为不小于 0、最多 4 位小数的数字'],
  ])('settings with %s: 400 naming the field', async (_what, patch, field, message) => {
    const res = await t.http.post('/api/admin/frameworks/settings').set(auth('admin')).send({ baseVersion: 1, ...settingsV2, ...patch }).expect(400);
    expect(res.body.details).toContainEqual(expect.objectContaining({ field, message }));
  });

  it('an unknown framework is 404 and an unchanged one 400; nothing was saved by any refused request', async () => {
    await t.http.post('/api/admin/frameworks/huzhou-2099').set(auth('admin')).send({ baseVersion: 1, name: 'x', region: 'x', groups: shanghaiV2Groups }).expect(404);
    const same = await t.http.post('/api/admin/frameworks/shanghai-2020').set(auth('admin')).send({ baseVersion: 1, name: SHANGHAI_2020.name, region: '上海市', groups: SHANGHAI_2020.groups }).expect(400);
    expect(same.body.code).toBe('NO_CHANGE');
    const res = await t.http.get('/api/admin/frameworks').set(auth('admin')).expect(200);
    expect(res.body.frameworks).toHaveLength(2);
    expect(res.body.settings).toHaveLength(1);
  });

  describe('after the administrator saves version 2', () => {
    let before: { totalScore: string; grade: string };

    beforeAll(async () => {
      before = (await t.http.put(`/api/projects/${yewu.id}/evaluation`).set(auth('xining')).set('If-Match', await etag(yewu.id)).send(evaluationOf(yewu.indicators)).expect(200)).body;
      const fw = await t.http
        .post('/api/admin/frameworks/shanghai-2020')
        .set(auth('admin'))
        .send({ baseVersion: 1, name: SHANGHAI_2020.name, region: '上海市', groups: shanghaiV2Groups, note: '官方权重' })
        .expect(201);
      expect(fw.body).toMatchObject({ code: 'shanghai-2020', version: 2, createdBy: 'admin', note: '官方权重' });
      const s = await t.http.post('/api/admin/frameworks/settings').set(auth('admin')).send({ baseVersion: 1, ...settingsV2 }).expect(201);
      expect(s.body).toMatchObject({ version: 2, settings: settingsV2, createdBy: 'admin' });
    });

    it('the evaluation saved before scored 75.75, 中 (version 1)', () => {
      expect(before).toMatchObject({ totalScore: '75.75', grade: '中' });
    });

    it('GET /api/frameworks answers the new versions; an edit of an older version is refused with 409', async () => {
      const res = await t.http.get('/api/frameworks').set(auth('xining')).expect(200);
      expect(res.body.map((f: { code: string; version: number; settingsVersion: number }) => [f.code, f.version, f.settingsVersion])).toEqual([
        ['mof-2021', 1, 2],
        ['shanghai-2020', 2, 2],
      ]);
      const stale = await t.http.post('/api/admin/frameworks/settings').set(auth('admin')).send({ baseVersion: 1, ...settingsV2, farAboveThreshold: '0.3' }).expect(409);
      expect(stale.body.code).toBe('VERSION_CONFLICT');
    });

    it('a project declared before keeps version 1 and is still scored by it', async () => {
      const p = await t.http.get(`/api/projects/${yewu.id}`).set(auth('xining')).expect(200);
      expect(p.body).toMatchObject({ frameworkVersion: 1, settingsVersion: 1 });
      const e = await t.http.get(`/api/projects/${yewu.id}/evaluation`).set(auth('xining')).expect(200);
      expect(e.body).toMatchObject({ totalScore: '75.75', grade: '中', basis: { frameworkVersion: 1, settingsVersion: 1 } });
      expect(e.body.items.every((i: { weight: string }) => i.weight === '7.50')).toBe(true);
      const saved = await t.http.put(`/api/projects/${yewu.id}/evaluation`).set(auth('xining')).set('If-Match', await etag(yewu.id)).send(evaluationOf(yewu.indicators)).expect(200);
      expect(saved.body).toMatchObject({ totalScore: '75.75', grade: '中' });
    });

    it('a new project takes version 2: its weights and grade come from the new versions', async () => {
      const rows = yewu.indicators.map((r) => ({ level1: r.level1, level2: r.level2, name: r.name, target: r.target.raw }));
      const p = await createProject('shanghai-2020', '版本2的新项目', rows);
      expect(p).toMatchObject({ frameworkVersion: 2, settingsVersion: 2 });
      await t.http.post(`/api/projects/${p.id}/transitions`).set(auth('xining')).set('If-Match', await etag(p.id)).send({ action: 'submit' }).expect(200);
      await t.http.post(`/api/projects/${p.id}/transitions`).set(auth('hzb')).set('If-Match', await etag(p.id)).send({ action: 'approve' }).expect(200);
      await t.http.post(`/api/projects/${p.id}/transitions`).set(auth('czj')).set('If-Match', await etag(p.id)).send({ action: 'approve' }).expect(200);
      const res = await t.http.put(`/api/projects/${p.id}/evaluation`).set(auth('xining')).set('If-Match', await etag(p.id)).send(evaluationOf(p.indicators)).expect(200);
      expect(res.body.basis).toMatchObject({ frameworkVersion: 2, settingsVersion: 2, settings: settingsV2 });
      // 投入与管理 10 over 3 rows, 产出目标 40, 效果目标 30, 影响力目标 10 (the cents left over go to the first rows)
      expect(res.body.items.map((i: { weight: string }) => i.weight)).toEqual(['3.34', '3.33', '3.33', '13.34', '13.33', '13.33', '10.00', '10.00', '10.00', '3.34', '3.33', '3.33']);
      const byDomain = scoreEvaluation({
        framework: { ...SHANGHAI_2020, groups: shanghaiV2Groups },
        rows: p.indicators.map((r, i) => ({ ...r, ...inputs()[i] })),
        budget,
        settings: settingsV2,
      });
      expect(res.body).toMatchObject({ totalScore: byDomain.totalScore, grade: byDomain.grade });
      expect(res.body.totalScore).not.toBe('75.75');
      expect(res.body.grade).toBe('良');
    });

    it("a project's checks and exports use its framework version: a 二级 added and a name changed in version 2 apply to new projects only", async () => {
      const rows = [
        { level1: '产出指标', level2: '数量指标', name: '接待团组数量', target: '≥60个' },
        { level1: '效益指标', level2: '社会效益指标', name: '合作交流工作支撑作用', target: '支撑作用明显' },
        { level1: '满意度指标', level2: '公众满意度指标', name: '公众满意度', target: '≥90%' },
      ];
      const old = await createProject('mof-2021', '版本1的项目', rows);
      const mof = (await t.http.get('/api/admin/frameworks').set(auth('admin')).expect(200)).body.frameworks.find((f: { code: string }) => f.code === 'mof-2021');
      const groups = mof.groups.map((g: FrameworkGroup) => (g.role === 'satisfaction' ? { ...g, children: [...g.children, '公众满意度指标'] } : g));
      const renamed = '财政部2021版共性指标框架（本地修订）';
      await t.http.post('/api/admin/frameworks/mof-2021').set(auth('admin')).send({ baseVersion: 1, name: renamed, region: mof.region, groups }).expect(201);
      const fresh = await createProject('mof-2021', '版本2的项目', rows);
      expect([old.frameworkVersion, fresh.frameworkVersion]).toEqual([1, 2]);
      const codes = async (id: string) => (await t.http.get(`/api/projects/${id}/findings`).set(auth('xining')).expect(200)).body.findings.map((f: { code: string }) => f.code);
      expect(await codes(old.id)).toContain('LEVEL2_NOT_IN_LEVEL1');
      expect(await codes(fresh.id)).not.toContain('LEVEL2_NOT_IN_LEVEL1');
      // the 申报表 prints the name of the project's own version under 指标体系
      const printedFramework = async (id: string) => {
        const res = await t.http.get(`/api/projects/${id}/export?form=declaration&format=xlsx`).set(auth('xining')).buffer(true).parse(binary).expect(200);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(res.body);
        const values: unknown[] = [];
        wb.worksheets[0].eachRow((row) => row.eachCell((c) => values.push(c.value)));
        return values.find((v, i) => values[i - 1] === '指标体系');
      };
      expect(await printedFramework(old.id)).toBe(mof.name);
      expect(await printedFramework(fresh.id)).toBe(renamed);
    });
  });
});
