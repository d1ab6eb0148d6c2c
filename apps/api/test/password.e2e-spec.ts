import { createTestDatabase, login, startTestApp, TEST_DB, type TestApp, type TestDatabase } from './test-app';

/**
 * 修改密码 (issue 13): an account created by an administrator, or whose password an administrator reset, must change
 * it at the next login — the login says so, every other call answers 403 until then (but 修改密码, who-am-I and
 * logout); POST /api/auth/password checks the current password and the policy. Demo accounts are not forced.
 */
describe(`forced password change (${TEST_DB})`, () => {
  let db: TestDatabase;
  let t: TestApp;
  const tok: Record<string, string> = {};
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  let unitId = '';
  let userId = '';

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await startTestApp(db);
    tok['admin'] = await login(t, 'admin');
    tok['xining'] = await login(t, 'xining');
    unitId = (await t.http.get('/api/auth/me').set(auth(tok['xining'])).expect(200)).body.orgId;
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('demo accounts log in without being asked to change their password', async () => {
    for (const u of ['admin', 'security', 'auditor', 'xining', 'hzb', 'czj', 'yangpu', 'ypb']) {
      const res = await t.http.post('/api/auth/login').send({ username: u, password: 'Demo@2026' }).expect(200);
      expect(res.body.mustChangePassword).toBe(false);
    }
  });

  it('a new account: the login says mustChangePassword, other calls are 403 until the password is changed', async () => {
    const created = await t.http
      .post('/api/admin/users')
      .set(auth(tok['admin']))
      .send({ username: 'newbie', displayName: '新同事', password: 'Initial#2027', roles: ['filler'], orgId: unitId })
      .expect(201);
    userId = created.body.id;
    const res = await t.http.post('/api/auth/login').send({ username: 'newbie', password: 'Initial#2027' }).expect(200);
    expect(res.body).toMatchObject({ mustChangePassword: true, user: { username: 'newbie', mustChangePassword: true } });
    const token = res.body.accessToken as string;
    for (const [method, url] of [
      ['get', '/api/projects'],
      ['get', '/api/orgs'],
      ['post', '/api/projects'],
    ] as const) {
      const blocked = await t.http[method](url).set(auth(token)).send({}).expect(403);
      expect(blocked.body).toEqual({ statusCode: 403, code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改初始密码（或管理员重置的密码）后再继续操作' });
    }
    expect((await t.http.get('/api/auth/me').set(auth(token)).expect(200)).body.mustChangePassword).toBe(true);
    tok['newbie'] = token;
  });

  it.each([
    ['a wrong current password', { currentPassword: 'Wrong#2027x', newPassword: 'Fresh#2028ab' }, 'currentPassword', '当前密码不正确'],
    ['a new password against the policy', { currentPassword: 'Initial#2027', newPassword: 'abcdefgh' }, 'newPassword', '密码须包含大写字母、小写字母、数字、符号中的至少三类'],
    ['the user name inside', { currentPassword: 'Initial#2027', newPassword: 'Newbie#2028' }, 'newPassword', '密码不能包含用户名'],
    ['the same password again', { currentPassword: 'Initial#2027', newPassword: 'Initial#2027' }, 'newPassword', '新密码不能与最近 5 次使用过的密码相同'],
    ['no current password', { newPassword: 'Fresh#2028ab' }, 'currentPassword', '请输入当前密码'],
  ])('POST /api/auth/password refuses %s (400 naming the field)', async (_what, body, field, message) => {
    const res = await t.http.post('/api/auth/password').set(auth(tok['newbie'])).send(body).expect(400);
    expect(res.body.details).toContainEqual(expect.objectContaining({ field, message }));
  });

  it('after the change the account works, its other sessions end, and the next login is not forced', async () => {
    const second = (await t.http.post('/api/auth/login').send({ username: 'newbie', password: 'Initial#2027' }).expect(200)).body.accessToken;
    await t.http.post('/api/auth/password').set(auth(tok['newbie'])).send({ currentPassword: 'Initial#2027', newPassword: 'Fresh#2028ab' }).expect(204);
    await t.http.get('/api/projects').set(auth(tok['newbie'])).expect(200);
    await t.http.get('/api/auth/me').set(auth(second)).expect(401);
    await t.http.post('/api/auth/login').send({ username: 'newbie', password: 'Initial#2027' }).expect(401);
    const again = await t.http.post('/api/auth/login').send({ username: 'newbie', password: 'Fresh#2028ab' }).expect(200);
    expect(again.body.mustChangePassword).toBe(false);
  });

  it('a reset by the administrator forces a change again; a user changing its own password is not forced', async () => {
    await t.http.patch(`/api/admin/users/${userId}`).set(auth(tok['admin'])).send({ password: 'Reset#2028abc' }).expect(200);
    const res = await t.http.post('/api/auth/login').send({ username: 'newbie', password: 'Reset#2028abc' }).expect(200);
    expect(res.body.mustChangePassword).toBe(true);
    await t.http.get('/api/projects').set(auth(res.body.accessToken)).expect(403);
    // logout is allowed while the change is pending
    await t.http.post('/api/auth/logout').set(auth(res.body.accessToken)).expect(204);
    // any user changes its own password (修改密码 for everyone)
    await t.http.post('/api/auth/password').set(auth(tok['xining'])).send({ currentPassword: 'Demo@2026', newPassword: 'Westward#2028' }).expect(204);
    expect((await t.http.post('/api/auth/login').send({ username: 'xining', password: 'Westward#2028' }).expect(200)).body.mustChangePassword).toBe(false);
    const [row] = (await t.http.get('/api/audit').query({ event: 'auth.password' }).set(auth(await login(t, 'auditor'))).expect(200)).body.items;
    expect(row).toMatchObject({ eventLabel: '修改密码', username: 'xining', result: 'ok', status: 204 });
  });
});
