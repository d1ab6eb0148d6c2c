import { DetailFastPath } from '@pt/api/targets/feature-declaration';
import { createTestDatabase, login, startTestApp, TEST_DB, VALID_ROWS, type TestApp, type TestDatabase } from './test-app';

/**
 * Issue 18: GET /api/targets/:id (and /api/projects/:id) is answered before Express from a per-instance copy kept under
 * the target's stamp. The answer is the controller's (body, ETag, headers); whatever it cannot answer goes on to the
 * controller; and a write on one instance is seen at once by a read on another (two instances on PostgreSQL; the
 * embedded database serves one process, so there A and B are one instance).
 */
describe(`the detail's fast path (${TEST_DB})`, () => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  const tokens: Record<string, string> = {};
  let id: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    a = await startTestApp(db);
    b = TEST_DB === 'postgres' ? await startTestApp(db) : a;
    for (const u of ['xining', 'yangpu', 'hzb', 'admin']) tokens[u] = await login(a, u);
    const orgId = (await a.http.get('/api/auth/me').set(auth('xining')).expect(200)).body.orgId;
    id = (await a.http.post('/api/projects').set(auth('xining')).send({ year: 2027, name: '快路径项目', orgId, frameworkCode: 'mof-2021' }).expect(201)).body.id;
  });
  afterAll(async () => {
    if (b !== a) await b?.close();
    await a?.close();
    await db?.drop();
  });

  function auth(u: string) {
    return { Authorization: `Bearer ${tokens[u]}` };
  }
  const served = (t: TestApp) => t.app.get(DetailFastPath).served;
  /** GET of the detail on `t`, and whether the fast path answered it. */
  async function get(t: TestApp, path: string, user = 'xining', expected = 200) {
    const before = served(t);
    const res = await t.http.get(path).set(auth(user)).expect(expected);
    return { res, fast: served(t) > before };
  }

  it('answers as the controller does: the same body, ETag and headers', async () => {
    for (const path of [`/api/targets/${id}`, `/api/projects/${id}`]) {
      await get(a, path);
      const fast = await get(a, path);
      expect(fast.fast).toBe(true);
      // a query string goes the usual way: the controller's own answer
      const usual = await get(a, `${path}?via=controller`);
      expect(usual.fast).toBe(false);
      expect(fast.res.body).toEqual(usual.res.body);
      const headers = (r: typeof fast.res) => Object.entries(r.headers).filter(([k]) => k !== 'date').sort();
      expect(headers(fast.res)).toEqual(headers(usual.res));
      expect(fast.res.headers['etag']).toBe(`"${fast.res.body.version}"`);
      expect(fast.res.body.permissions).toEqual({ edit: true, actions: ['submit'] });
    }
  });

  it("leaves to the controller what it does not answer: a 304, another unit's target, another kind, a bad token", async () => {
    const etag = (await get(a, `/api/targets/${id}`)).res.headers['etag'];
    const before = served(a);
    await a.http.get(`/api/targets/${id}`).set(auth('xining')).set('If-None-Match', etag).expect(304);
    expect((await get(a, `/api/targets/${id}`, 'yangpu', 404)).res.body.code).toBe('NOT_FOUND');
    // the 系统管理员 sees no target (三员分立), though this one is kept on the instance
    expect((await get(a, `/api/targets/${id}`, 'admin', 404)).res.body.code).toBe('NOT_FOUND');
    await a.http.get(`/api/targets/${id}`).set({ Authorization: 'Bearer not-a-live-session-token-at-all' }).expect(401);
    await a.http.get(`/api/targets/${id}`).expect(401);
    const dept = (await a.http.get('/api/targets?kind=department').set(auth('xining')).expect(200)).body.items[0];
    expect(dept?.kind).toBe('department');
    await a.http.get(`/api/projects/${dept.id}`).set(auth('xining')).expect(404);
    await get(a, `/api/targets/${dept.id}`);
    expect(served(a)).toBe(before + 1);
  });

  it('shows on instance A, at once, what was written on instance B', async () => {
    await get(a, `/api/targets/${id}`);
    const v = (await get(a, `/api/targets/${id}`)).res.body.version;
    await b.http.patch(`/api/targets/${id}`).set(auth('xining')).set('If-Match', `"${v}"`).send({ overview: '在另一实例上改的' }).expect(200);
    let after = await get(a, `/api/targets/${id}`);
    expect(after.fast).toBe(true);
    expect(after.res.body).toMatchObject({ version: v + 1, overview: '在另一实例上改的' });
    expect(after.res.headers['etag']).toBe(`"${v + 1}"`);

    await b.http.put(`/api/targets/${id}/indicators`).set(auth('xining')).set('If-Match', `"${v + 1}"`).send({ indicators: VALID_ROWS }).expect(200);
    after = await get(a, `/api/targets/${id}`);
    expect(after.res.body.indicators.map((i: { name: string }) => i.name)).toEqual(VALID_ROWS.map((r) => r.name));

    await b.http.post(`/api/targets/${id}/transitions`).set(auth('xining')).set('If-Match', `"${v + 2}"`).send({ action: 'submit' }).expect(200);
    after = await get(a, `/api/targets/${id}`);
    expect(after.res.body.status).toBe('submitted');
    // the permissions follow the status and the asker: the filler may no longer edit, the reviewer may review
    expect(after.res.body.permissions.edit).toBe(false);
    const reviewer = await get(a, `/api/targets/${id}`, 'hzb');
    expect(reviewer.fast).toBe(true);
    expect(reviewer.res.body.permissions.actions).toEqual(expect.arrayContaining(['approve', 'return']));
  });

  it('leaves a user who must change the password to the guard (403), though the target is kept', async () => {
    const hzb = (await a.http.get('/api/admin/users').query({ q: 'hzb' }).set(auth('admin')).expect(200)).body.find((u: { username: string }) => u.username === 'hzb');
    await a.http.patch(`/api/admin/users/${hzb.id}`).set(auth('admin')).send({ password: 'Reset#2028x' }).expect(200);
    const res = await a.http.post('/api/auth/login').send({ username: 'hzb', password: 'Reset#2028x' }).expect(200);
    expect(res.body.mustChangePassword).toBe(true);
    tokens['hzb'] = res.body.accessToken;
    const refused = await get(a, `/api/targets/${id}`, 'hzb', 403);
    expect(refused.res.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(refused.fast).toBe(false);
  });
});
