import { DataSource } from 'typeorm';
import { createTestDatabase, login, startTestApp, TEST_DB, useTestApp } from './test-app';

describe(`auth and demo accounts (${TEST_DB})`, () => {
  const t = useTestApp();

  it.each([
    ['admin', ['sysadmin'], '财政局'],
    ['xining', ['filler'], '上海市人民政府驻西宁办事处'],
    ['hzb', ['dept_reviewer'], '上海市人民政府合作交流办公室'],
    ['czj', ['finance_reviewer'], '财政局'],
  ])('the demo account %s logs in with Demo@2026', async (username, roles, orgName) => {
    const res = await t.http.post('/api/auth/login').send({ username, password: 'Demo@2026' }).expect(200);
    expect(res.body.accessToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(res.body.user).toMatchObject({ username, roles, orgName });
    expect(res.body.user.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.user.orgId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.user.passwordHash).toBeUndefined();
  });

  it('answers a wrong password and an unknown user with the same 401', async () => {
    const wrong = await t.http.post('/api/auth/login').send({ username: 'xining', password: 'nope' }).expect(401);
    const unknown = await t.http.post('/api/auth/login').send({ username: 'nobody', password: 'nope' }).expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toEqual({ statusCode: 401, code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
  });

  it.each([
    [{ password: 'x' }, 'username'],
    [{ username: 'xining' }, 'password'],
    [{ username: 42, password: 'x' }, 'username'],
    [{ username: 'xining', password: 'x', admin: true }, 'admin'],
  ])('rejects the bad body %j with 400 naming %s', async (body, field) => {
    const res = await t.http.post('/api/auth/login').send(body).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toContain(field);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(res.body.details.every((d: { message: string }) => /[\u4e00-\u9fff]/.test(d.message))).toBe(true);
  });

  it('rejects malformed JSON with 400 and an oversized body with 413', async () => {
    const bad = await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send('{"username":').expect(400);
    expect(bad.body).toMatchObject({ statusCode: 400, code: 'INVALID_JSON' });
    const huge = await t.http
      .post('/api/auth/login')
      .send({ username: 'x', password: 'y'.repeat(2 * 1024 * 1024) })
      .expect(413);
    expect(huge.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('needs a bearer token; a session ends at logout', async () => {
    await t.http.get('/api/auth/me').expect(401);
    await t.http.get('/api/auth/me').set('Authorization', 'Bearer not-a-real-token-at-all-000000').expect(401);
    const token = await login(t, 'xining');
    const me = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body.username).toBe('xining');
    await t.http.post('/api/auth/logout').set('Authorization', `Bearer ${token}`).expect(204);
    const after = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    expect(after.body.code).toBe('UNAUTHORIZED');
  });

  it('ends a session idle for more than 30 minutes', async () => {
    const token = await login(t, 'czj');
    await t.app.get(DataSource).query(`UPDATE user_session SET last_seen_at = now() - interval '31 minutes'`);
    await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
  });

  it('touches the idle timer of a session in use when it is older than 30 s (a twentieth of 30 minutes), not on every request', async () => {
    const ds = t.app.get(DataSource);
    const ageOf = async (token: string, setAgo: string) => {
      const [{ id }] = await ds.query(`SELECT id FROM user_session ORDER BY created_at DESC, id LIMIT 1`);
      await ds.query(`UPDATE user_session SET last_seen_at = now() - $2::interval WHERE id = $1`, [id, setAgo]);
      await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
      const [{ age }] = await ds.query(`SELECT extract(epoch FROM now() - last_seen_at)::float AS age FROM user_session WHERE id = $1`, [id]);
      return age as number;
    };
    // 20 minutes old: touched by the request (now)
    expect(await ageOf(await login(t, 'czj'), '20 minutes')).toBeLessThan(5);
    // 10 s old: left as it was, within the 30 s the timer may lag
    const age = await ageOf(await login(t, 'czj'), '10 seconds');
    expect(age).toBeGreaterThanOrEqual(9);
    expect(age).toBeLessThan(30);
  });

  it('seeded the demo organisations once: a restart on the same database adds nothing', async () => {
    const ds = t.app.get(DataSource);
    const [{ orgs }] = await ds.query('SELECT count(*)::int AS orgs FROM org');
    const [{ users }] = await ds.query('SELECT count(*)::int AS users FROM app_user');
    expect(orgs).toBe(14);
    expect(users).toBe(8);
    const units = await ds.query(`SELECT o.name FROM org o JOIN org p ON p.id = o.parent_id WHERE p.code = 'HZB' ORDER BY o.code`);
    expect(units).toHaveLength(6);
    await t.restart();
    const [{ again }] = await t.app.get(DataSource).query('SELECT count(*)::int AS again FROM org');
    expect(again).toBe(14);
  });

  it('creates no demo data with DEMO=0', async () => {
    const other = await createTestDatabase();
    const t2 = await startTestApp(other, { demo: false });
    try {
      const [{ n }] = await t2.app.get(DataSource).query('SELECT count(*)::int AS n FROM org');
      expect(n).toBe(0);
    } finally {
      await t2.close();
      await other.drop();
    }
  });
});
