import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { createTestDatabase, login, startTestApp, TEST_DB, type TestApp, type TestDatabase } from './test-app';

/**
 * Imports of published text (issue 12): tables broken over PDF pages, the publication list's one-text
 * layout with 定性/定量 markers and ★, and the choice asked before a name that the unit already uses in
 * that year is created again (replace / keepBoth / skip; 409 without a choice).
 */
describe(`imports: page breaks, publication list, name clashes (${TEST_DB})`, () => {
  let db: TestDatabase;
  let t: TestApp;
  let token = '';
  let orgId = '';
  const YEAR = 2030;
  const fixtures = path.resolve(__dirname, '../../../libs/domain/src/lib/import/fixtures');
  const pageBreak = fs.readFileSync(path.join(fixtures, 'page-break-2024.txt'), 'utf8');
  const oneText = fs.readFileSync(path.join(fixtures, 'publication-list-wrapped.txt'), 'utf8');
  const PARK = '社区口袋公园建设及养护经费';
  const LIFT = '老旧小区加装电梯补贴';

  type Row = { level1: string; level2: string; name: string; target: { raw: string }; core: boolean };
  type Preview = { name: string; source: string; indicators: { level1: string; level2: string; name: string; target: string; core?: boolean }[]; existing?: { id: string; status: string; editable: boolean } | null; id?: string; outcome?: string };
  const auth = () => ({ Authorization: `Bearer ${token}` });
  const importText = (text: string, dryRun: boolean, extra: Record<string, unknown> = {}) =>
    t.http.post(`/api/imports/text?dryRun=${dryRun}`).set(auth()).send({ text, year: YEAR, orgId, ...extra });
  const get = async (id: string) => (await t.http.get(`/api/projects/${id}`).set(auth()).expect(200)).body as { id: string; name: string; status: string; version: number; indicators: Row[] };
  const named = async (name: string) => {
    const res = await t.http.get(`/api/projects?pageSize=200&year=${YEAR}`).set(auth()).expect(200);
    return (res.body.items as { id: string; name: string }[]).filter((p) => p.name === name || p.name.startsWith(`${name}（`)).map((p) => p.name).sort();
  };
  const count = async () => (await t.http.get(`/api/projects?pageSize=200&year=${YEAR}`).set(auth()).expect(200)).body.total as number;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await startTestApp(db);
    token = await login(t, 'xining');
    orgId = (await t.http.get('/api/auth/me').set(auth()).expect(200)).body.orgId;
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('a 2024 table broken over pages (breaks inside 产出指标 and 效益指标) is imported with all its rows', async () => {
    const preview = (await importText(pageBreak, true).expect(200)).body as { projects: Preview[]; problems: unknown[] };
    expect(preview.problems).toEqual([]);
    expect(preview.projects.map((p) => [p.name, p.indicators.length, p.existing])).toEqual([
      [PARK, 12, null],
      [LIFT, 8, null],
    ]);
    const created = (await importText(pageBreak, false).expect(200)).body as { projects: Preview[] };
    expect(created.projects.map((p) => p.outcome)).toEqual(['created', 'created']);
    const park = await get(created.projects[0].id as string);
    expect(park.indicators.map((r) => `${r.level1}/${r.level2}/${r.name}/${r.target.raw}`)).toEqual([
      '成本指标/经济成本指标/单座口袋公园建设成本/≤60.00(万元)',
      '产出指标/数量指标/新建口袋公园数量/=3.00(座)',
      '产出指标/数量指标/改造社区绿道长度/≥2.50(公里)',
      '产出指标/数量指标/日常养护巡查次数/≥48.00(次)',
      '产出指标/数量指标/补植乔灌木数量/≥500.00(株)',
      '产出指标/质量指标/绿化养护质量达标率/≥95.00(%)',
      '产出指标/时效指标/口袋公园建成开放及时率/=100.00(%)',
      '效益指标/社会效益指标/居民休闲活动空间/明显提升',
      '效益指标/社会效益指标/社区环境整洁度/提升',
      '效益指标/生态效益指标/新增绿化面积/≥6000.00(平方米)',
      '效益指标/可持续影响指标/口袋公园长效养护机制/健全',
      '满意度指标/服务对象满意度指标/周边居民满意度/≥90.00(%)',
    ]);
    const lift = await get(created.projects[1].id as string);
    expect(lift.indicators.filter((r) => r.level2 === '社会效益指标').map((r) => r.name)).toEqual(['老年居民出行便利度', '惠及居民户数', '加装电梯相关投诉率']);
  });

  it('the one-text publication list: 定性/定量 dropped, ★ stored as the core flag, wrapped cells joined', async () => {
    const preview = (await importText(oneText, true).expect(200)).body as { projects: Preview[]; problems: unknown[] };
    expect(preview.problems).toEqual([]);
    expect(preview.projects.map((p) => p.indicators.length)).toEqual([4, 3, 3, 3, 3, 2, 3]);
    expect(preview.projects[0].indicators.map((r) => [r.name, r.target, r.core ?? false])).toEqual([
      ['全年开展文化活动场次', '≥120场', true],
      ['活动安全事故发生率', '=0起', false],
      ['居民文化生活丰富程度', '明显提升', false],
      ['参与居民满意度', '≥90%', true],
    ]);
    const created = (await importText(oneText, false).expect(200)).body as { projects: Preview[] };
    const culture = await get(created.projects[0].id as string);
    expect(culture.indicators.map((r) => [r.level2, r.name, r.target.raw, r.core])).toEqual([
      ['数量指标', '全年开展文化活动场次', '≥120场', true],
      ['质量指标', '活动安全事故发生率', '=0起', false],
      ['社会效益指标', '居民文化生活丰富程度', '明显提升', false],
      ['服务对象满意度指标', '参与居民满意度', '≥90%', true],
    ]);
    const museum = await get(created.projects[6].id as string);
    expect(museum.name).toBe('馆藏文物预防性保护与数字化采集');
    expect(museum.indicators.map((r) => [r.name, r.core])).toEqual([
      ['文物数字化采集件数', true],
      ['数字化成果验收合格率', false],
      ['库房温湿度达标率', false],
    ]);
  });

  it('a name the unit already uses that year: marked in the preview; 409 without a choice, nothing created', async () => {
    const before = await count();
    const preview = (await importText(pageBreak, true).expect(200)).body as { projects: Preview[] };
    expect(preview.projects.map((p) => [p.name, p.existing?.status, p.existing?.editable, typeof p.existing?.id])).toEqual([
      [PARK, 'draft', true, 'string'],
      [LIFT, 'draft', true, 'string'],
    ]);
    const res = await importText(pageBreak, false).expect(409);
    expect(res.body.code).toBe('IMPORT_NAME_EXISTS');
    expect(res.body.message).toContain(`「${PARK}」`);
    expect(res.body.message).toContain(`「${LIFT}」`);
    // a choice for one name only still leaves the other unanswered
    await importText(pageBreak, false, { choices: [{ name: PARK, choice: 'skip' }] }).expect(409);
    const bad = await importText(pageBreak, false, { choices: [{ name: PARK, choice: 'merge' }] }).expect(400);
    expect(JSON.stringify(bad.body.details)).toContain('choices');
    expect(await count()).toBe(before);
  });

  it('replace updates the editable target in place, skip leaves it, keepBoth creates 名称（2）, 名称（3）', async () => {
    const before = await count();
    const parkBefore = (await importText(pageBreak, true).expect(200)).body.projects[0].existing.id as string;
    const old = await get(parkBefore);
    const changed = pageBreak.replace('新建口袋公园数量\t=3.00(座)', '新建口袋公园数量\t=4.00(座)');
    const res = (await importText(changed, false, { choices: [{ name: PARK, choice: 'replace' }, { name: LIFT, choice: 'skip' }] }).expect(200)).body as { projects: Preview[] };
    expect(res.projects.map((p) => [p.name, p.outcome])).toEqual([
      [PARK, 'replaced'],
      [LIFT, 'skipped'],
    ]);
    expect(res.projects[0].id).toBe(parkBefore);
    expect(res.projects[1].id).toBeUndefined();
    const park = await get(parkBefore);
    expect(park.version).toBe(old.version + 1);
    expect(park.indicators.find((r) => r.name === '新建口袋公园数量')?.target.raw).toBe('=4.00(座)');
    expect(park.indicators).toHaveLength(12);
    expect(await count()).toBe(before);

    const both = (await importText(pageBreak, false, { choices: [{ name: PARK, choice: 'keepBoth' }, { name: LIFT, choice: 'keepBoth' }] }).expect(200)).body as { projects: Preview[] };
    expect(both.projects.map((p) => [p.name, p.outcome])).toEqual([
      [`${PARK}（2）`, 'created'],
      [`${LIFT}（2）`, 'created'],
    ]);
    await importText(pageBreak, false, { choices: [{ name: PARK, choice: 'keepBoth' }, { name: LIFT, choice: 'skip' }] }).expect(200);
    expect(await named(PARK)).toEqual([PARK, `${PARK}（2）`, `${PARK}（3）`]);
    expect(await named(LIFT)).toEqual([LIFT, `${LIFT}（2）`]);
    expect(await count()).toBe(before + 3);
  });

  it('replace of a target that is no longer editable answers 409 with its status; nothing is created', async () => {
    const ds = t.app.get(DataSource);
    const id = (await importText(pageBreak, true).expect(200)).body.projects[1].existing.id as string;
    await ds.query(`UPDATE project SET status = 'submitted' WHERE id = $1`, [id]);
    const preview = (await importText(pageBreak, true).expect(200)).body as { projects: Preview[] };
    expect(preview.projects[1].existing).toEqual({ id, status: 'submitted', editable: false });
    const before = await count();
    const res = await importText(pageBreak, false, { choices: [{ name: PARK, choice: 'keepBoth' }, { name: LIFT, choice: 'replace' }] }).expect(409);
    expect(res.body.code).toBe('IMPORT_REPLACE_LOCKED');
    expect(res.body.message).toContain(`「${LIFT}」处于「已提交」状态`);
    expect(res.body.message).toContain('不能替换');
    expect(await count()).toBe(before);
    expect((await get(id)).status).toBe('submitted');
  });

  it('the .xlsx import asks the same: 409 without a choice, skip and keepBoth with choices in the query', async () => {
    const id = (await importText(pageBreak, true).expect(200)).body.projects[0].existing.id as string;
    const file = (await t.http.get(`/api/projects/${id}/export?form=declaration&format=xlsx`).set(auth()).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200)).body as Buffer;
    const post = (query: string) =>
      t.http.post(`/api/imports/xlsx?orgId=${orgId}&year=${YEAR}${query}`).set(auth()).set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(file);
    const preview = (await post('&dryRun=true').expect(200)).body as { projects: Preview[] };
    expect(preview.projects[0].existing?.id).toBe(id);
    const before = await count();
    expect((await post('').expect(409)).body.code).toBe('IMPORT_NAME_EXISTS');
    const skip = encodeURIComponent(JSON.stringify([{ name: PARK, choice: 'skip' }]));
    expect((await post(`&choices=${skip}`).expect(200)).body.projects[0].outcome).toBe('skipped');
    expect(await count()).toBe(before);
    const keep = encodeURIComponent(JSON.stringify([{ name: PARK, choice: 'keepBoth' }]));
    const copy = (await post(`&choices=${keep}`).expect(200)).body.projects[0] as Preview;
    expect(copy.name).toBe(`${PARK}（4）`);
    expect((await get(copy.id as string)).indicators).toHaveLength(12);
    const bad = await post('&choices=not-json').expect(400);
    expect(bad.body.details).toEqual([{ field: 'choices', message: expect.stringContaining('JSON') }]);
    // a ★ typed in front of a name in Excel marks the row core
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    ws.eachRow((row) => {
      if (row.getCell(3).value === '新建口袋公园数量') row.getCell(3).value = '★新建口袋公园数量';
    });
    const starred = Buffer.from(await wb.xlsx.writeBuffer());
    const read = await t.http
      .post(`/api/imports/xlsx?orgId=${orgId}&year=${YEAR}&dryRun=true`)
      .set(auth())
      .set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .send(starred)
      .expect(200);
    const rows = (read.body.projects[0] as Preview).indicators;
    expect(rows.filter((r) => r.core).map((r) => r.name)).toEqual(['新建口袋公园数量']);
  });

  it('every problem is listed with its line: a project without rows, an unknown 二级', async () => {
    const text = [
      '单位代码\t单位名称\t二级项目名称\t项目类别\t金额（万元）\t绩效指标',
      '501\t示例单位\t没有指标的项目\t其他运转类\t12\t',
      '502\t示例单位\t有指标的项目\t其他运转类\t8\t数量指标: ★完成率 定量 =100%; 管理指标: 制度健全 定性 健全',
    ].join('\n');
    const res = (await importText(text, true).expect(200)).body as { projects: Preview[]; problems: { line: number; message: string }[] };
    expect(res.projects.map((p) => [p.name, p.indicators.length])).toEqual([
      ['没有指标的项目', 0],
      ['有指标的项目', 1],
    ]);
    expect(res.problems).toEqual([
      { line: 2, message: expect.stringContaining('项目「没有指标的项目」没有读到任何绩效指标') },
      { line: 3, message: expect.stringContaining('「管理指标」不是已知的二级指标') },
    ]);
  });
  it('the same name twice in one paste: said in the preview, and it cannot replace one target twice (422, nothing created)', async () => {
    const twice = `${pageBreak}\n\n${pageBreak}`;
    const preview = (await importText(twice, true).expect(200)).body as { projects: Preview[]; problems: { line: number | string; message: string }[] };
    expect(preview.projects).toHaveLength(4);
    expect(preview.problems.map((p) => p.message)).toEqual([expect.stringContaining(`「${PARK}」在本次导入中出现不止一次`), expect.stringContaining(`「${LIFT}」在本次导入中出现不止一次`)]);
    const before = await count();
    const res = await importText(twice, false, { choices: [{ name: PARK, choice: 'replace' }, { name: LIFT, choice: 'skip' }] }).expect(422);
    expect(res.body.code).toBe('IMPORT_REPLACE_TWICE');
    expect(res.body.message).toContain(`「${PARK}」`);
    expect(await count()).toBe(before);
  });
});
