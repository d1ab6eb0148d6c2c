import { AuditService } from '@pt/api/core';
import { formatAuditTime } from '@pt/domain';
import { createTestDatabase, login, startTestApp, TEST_DB, type TestApp, type TestDatabase } from './test-app';

/**
 * The audit log as the 审计管理员 reads it (issue 13): refused reads and writes of another organisation's project
 * (404) recorded as denied, events named in Chinese by route, the object's type and name, the status really
 * answered, filters by day (Beijing time), user, event and object, and the filtered log as .csv in Beijing time.
 */
describe(`audit log for the auditor (${TEST_DB})`, () => {
  let db: TestDatabase;
  let t: TestApp;
  const tok: Record<string, string> = {};
  const auth = (u: string) => ({ Authorization: `Bearer ${tok[u]}` });
  let other: { id: string; name: string };

  type Row = { event: string; eventLabel: string; result: string; status: number | null; objectType: string | null; objectId: string | null; objectName: string | null; username: string | null; at: string };
  const log = async (query: Record<string, string>): Promise<Row[]> => (await t.http.get('/api/audit').query(query).set(auth('auditor')).expect(200)).body.items;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await startTestApp(db);
    for (const u of ['xining', 'yangpu', 'auditor']) tok[u] = await login(t, u);
    const theirs = await t.http.get('/api/projects').set(auth('yangpu')).expect(200);
    other = { id: theirs.body.items[0].id, name: theirs.body.items[0].name };
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('a read and a write of another organisation\'s project (404) are recorded as denied, with the project\'s type and name', async () => {
    await t.http.get(`/api/projects/${other.id}`).set(auth('xining')).expect(404);
    await t.http.patch(`/api/projects/${other.id}`).set(auth('xining')).set('If-Match', '"1"').send({ overview: '改' }).expect(404);
    // a project that does not exist is no refusal: an un-audited read leaves no row
    await t.http.get('/api/projects/00000000-0000-4000-8000-000000000000').set(auth('xining')).expect(404);
    const rows = await log({ username: 'xining', result: 'denied' });
    expect(rows.map((r) => [r.event, r.eventLabel, r.status, r.objectType, r.objectId, r.objectName])).toEqual([
      ['project.update', '保存申报表', 404, 'project', other.id, other.name],
      ['project.read', '查看项目', 404, 'project', other.id, other.name],
    ]);
    expect(await log({ object: '00000000-0000-4000-8000-000000000000' })).toEqual([]);
  });

  it('names every row in Chinese and never by a class name; records the status really answered (a 400 is 400)', async () => {
    const created = await t.http.post('/api/projects').set(auth('xining')).send({ year: 2026, name: '审计日志测试项目', orgId: (await t.http.get('/api/auth/me').set(auth('xining'))).body.orgId, frameworkCode: 'mof-2021' });
    expect(created.status).toBe(201);
    const bad = await t.http.patch(`/api/projects/${created.body.id}`).set(auth('xining')).set('If-Match', '"1"').send({ overview: 'a\u0000b' });
    expect(bad.status).toBe(400);
    const rows = await log({ object: '审计日志测试' });
    expect(rows.map((r) => [r.eventLabel, r.result, r.status, r.objectName])).toEqual([
      ['保存申报表', 'failed', 400, '审计日志测试项目'],
      ['创建项目', 'ok', 201, '审计日志测试项目'],
    ]);
    const all = (await t.http.get('/api/audit').query({ pageSize: 200 }).set(auth('auditor')).expect(200)).body.items as Row[];
    expect(all.filter((r) => /Controller|^[A-Z]\w+\./.test(r.event) || /Controller/.test(r.eventLabel))).toEqual([]);
    expect(all.every((r) => /[\u4e00-\u9fff]/.test(r.eventLabel))).toBe(true);
  });

  it('filters by Beijing day, user, event and object type; a day that does not exist is a 400 naming it', async () => {
    const today = formatAuditTime(new Date().toISOString()).slice(0, 10);
    const yesterday = formatAuditTime(new Date(Date.now() - 86_400_000).toISOString()).slice(0, 10);
    expect((await log({ from: today, to: today })).length).toBeGreaterThan(3);
    expect(await log({ to: yesterday })).toEqual([]);
    const logins = await log({ event: 'auth.login', username: 'yangpu' });
    expect(logins.map((r) => r.eventLabel)).toEqual(['登录']);
    const projects = await log({ objectType: 'project' });
    expect(projects.length).toBeGreaterThan(0);
    expect(projects.every((r) => r.objectType === 'project')).toBe(true);
    for (const [query, field] of [
      [{ from: '2026-02-30' }, 'from'],
      [{ to: '2026-13-01' }, 'to'],
      [{ from: today, to: yesterday }, 'to'],
      [{ objectType: 'table' }, 'objectType'],
    ] as const) {
      const res = await t.http.get('/api/audit').query(query).set(auth('auditor')).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
  });

  it('exports the filtered log as .csv in Beijing time, and the export itself is audited', async () => {
    const res = await t.http.get('/api/audit/export').query({ object: other.name, result: 'denied' }).set(auth('auditor')).buffer(true).parse((r, cb) => {
      let text = '';
      r.setEncoding('utf8');
      r.on('data', (c: string) => (text += c));
      r.on('end', () => cb(null, text));
    }).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const text = res.body as string;
    expect(text.startsWith('\ufeff编号,时间（北京时间）,用户,事件,对象类型,对象,对象编号,结果,状态码')).toBe(true);
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    const [rows] = [await log({ object: other.name, result: 'denied' })];
    expect(lines[1]).toContain(`,${formatAuditTime(rows[0].at)},xining,保存申报表,项目,${other.name},${other.id},拒绝,404,`);
    expect(lines[2]).toContain(',查看项目,项目,');
    const [exported] = await log({ event: 'audit.export' });
    expect(exported).toMatchObject({ eventLabel: '导出审计日志', result: 'ok', username: 'auditor' });
    expect(await t.app.get(AuditService).verify()).toMatchObject({ ok: true });
  });
});
