import { createTestDatabase, login, startTestApp, TEST_DB, type TestApp, type TestDatabase } from './test-app';

/** GET /api/projects/years: the years a page's year filter opens on — only of the projects the user may see. */
describe(`project years (${TEST_DB})`, () => {
  let db: TestDatabase;
  let t: TestApp;
  const tok: Record<string, string> = {};
  const auth = (u: string) => ({ Authorization: `Bearer ${tok[u]}` });
  const years = async (u: string) => (await t.http.get('/api/projects/years').set(auth(u)).expect(200)).body.years as number[];

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await startTestApp(db);
    for (const u of ['czj', 'xining', 'yangpu', 'admin']) tok[u] = await login(t, u);
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('answers the years of the visible projects, newest first; none for the administrators', async () => {
    expect(await years('czj')).toEqual([2024, 2023, 2020]);
    expect(await years('xining')).toEqual([2020]);
    expect(await years('yangpu')).toEqual([2024]);
    expect(await years('admin')).toEqual([]);
    await t.http.get('/api/projects/years').expect(401);
  });

  it('a new year appears for its unit and the reviewers above it, not for another unit', async () => {
    const orgId = (await t.http.get('/api/auth/me').set(auth('xining')).expect(200)).body.orgId;
    await t.http.post('/api/projects').set(auth('xining')).send({ year: 2031, name: '新年度项目', orgId, frameworkCode: 'mof-2021' }).expect(201);
    expect(await years('xining')).toEqual([2031, 2020]);
    expect((await years('czj'))[0]).toBe(2031);
    expect(await years('yangpu')).toEqual([2024]);
  });
});
