import { createTestDatabase, login, startTestApp, TEST_DB, type TestApp, type TestDatabase } from './test-app';

/**
 * 三员分立 across accounts (issue 13): the 系统管理员 grants the business roles (and sysadmin to another account), the
 * 安全管理员 the security and audit administrator roles; an account is changed only by the administrator of its roles;
 * no administrator changes its own roles; an account created by an administrator must change its password first.
 */
describe(`三员分立 across accounts (${TEST_DB})`, () => {
  let db: TestDatabase;
  let t: TestApp;
  const tok: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const auth = (u: string) => ({ Authorization: `Bearer ${tok[u]}` });
  let finance = '';

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await startTestApp(db);
    for (const u of ['admin', 'security', 'auditor', 'xining']) tok[u] = await login(t, u);
    const users = await t.http.get('/api/admin/users').set(auth('admin')).expect(200);
    for (const u of users.body as { username: string; id: string; orgId: string }[]) ids[u.username] = u.id;
    finance = (users.body as { username: string; orgId: string }[]).find((u) => u.username === 'admin')?.orgId ?? '';
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const account = (username: string, roles: string[]) => ({ username, displayName: username, password: 'Initial#2027', roles, orgId: finance });

  it('the sysadmin can neither create nor grant a security or audit administrator (403 naming roles)', async () => {
    for (const role of ['secadmin', 'auditadmin']) {
      const res = await t.http.post('/api/admin/users').set(auth('admin')).send(account(`x-${role}`, [role])).expect(403);
      expect(res.body.details[0]).toMatchObject({ field: 'roles', message: `三员分立：${role === 'secadmin' ? '安全' : '审计'}管理员只能由安全管理员授予` });
    }
    const czj = await t.http.get('/api/admin/users').query({ q: 'czj' }).set(auth('admin')).expect(200);
    const grant = await t.http.patch(`/api/admin/users/${czj.body[0].id}`).set(auth('admin')).send({ roles: ['auditadmin'] }).expect(403);
    expect(grant.body.message).toBe('三员分立：审计管理员只能由安全管理员授予');
    expect((await t.http.get('/api/admin/users').query({ q: 'x-' }).set(auth('admin')).expect(200)).body).toEqual([]);
  });

  it('the sysadmin cannot reset the password of, rename or disable the security or audit administrator', async () => {
    for (const body of [{ password: 'Taken#2027x' }, { disabled: true }, { displayName: '改名' }]) {
      const res = await t.http.patch(`/api/admin/users/${ids['auditor']}`).set(auth('admin')).send(body).expect(403);
      expect(res.body.message).toBe('三员分立：该账号只能由安全管理员管理');
      await t.http.patch(`/api/admin/users/${ids['security']}`).set(auth('admin')).send(body).expect(403);
    }
    await login(t, 'auditor');
  });

  it('the secadmin creates an audit administrator, who must change the initial password before anything else', async () => {
    const created = await t.http.post('/api/admin/users').set(auth('security')).send(account('auditor2', ['auditadmin'])).expect(201);
    expect(created.body).toMatchObject({ roles: ['auditadmin'] });
    const res = await t.http.post('/api/auth/login').send({ username: 'auditor2', password: 'Initial#2027' }).expect(200);
    expect(res.body.mustChangePassword).toBe(true);
    const token = { Authorization: `Bearer ${res.body.accessToken}` };
    const blocked = await t.http.get('/api/audit').set(token).expect(403);
    expect(blocked.body).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
    await t.http.post('/api/auth/password').set(token).send({ currentPassword: 'Initial#2027', newPassword: 'Checker#2028' }).expect(204);
    await t.http.get('/api/audit').set(token).expect(200);
    tok['auditor2'] = res.body.accessToken;
  });

  it('the secadmin grants neither business roles nor sysadmin, and manages no business account', async () => {
    for (const [roles, message] of [
      [['finance_reviewer'], '三员分立：财政审核人只能由系统管理员授予'],
      [['sysadmin'], '三员分立：系统管理员只能由系统管理员授予'],
    ] as const) {
      const res = await t.http.post('/api/admin/users').set(auth('security')).send({ ...account('y-1', [...roles]) }).expect(403);
      expect(res.body.message).toBe(message);
    }
    const res = await t.http.patch(`/api/admin/users/${ids['xining']}`).set(auth('security')).send({ password: 'Stolen#2027x' }).expect(403);
    expect(res.body.message).toBe('三员分立：该账号只能由系统管理员管理');
    await t.http.patch(`/api/admin/users/${ids['admin']}`).set(auth('security')).send({ disabled: true }).expect(403);
    await login(t, 'xining');
  });

  it('no administrator changes its own roles, not even to add another administrator role (400 naming roles)', async () => {
    for (const [who, roles] of [
      ['security', ['auditadmin']],
      ['security', ['secadmin', 'auditadmin']],
      ['admin', ['secadmin']],
      ['admin', ['finance_reviewer']],
    ] as const) {
      const res = await t.http.patch(`/api/admin/users/${ids[who]}`).set(auth(who)).send({ roles }).expect(400);
      expect(res.body.details.map((d: { message: string }) => d.message)).toContain('三员分立：不能修改自己的角色');
    }
    const me = await t.http.get('/api/auth/me').set(auth('security')).expect(200);
    expect(me.body.roles).toEqual(['secadmin']);
  });

  it('the audit administrator manages no account; a filler none either', async () => {
    for (const u of ['auditor', 'xining']) {
      await t.http.get('/api/admin/users').set(auth(u)).expect(403);
      await t.http.post('/api/admin/users').set(auth(u)).send(account(`z-${u}`, ['auditadmin'])).expect(403);
    }
  });

  it('the secadmin resets the audit administrator\'s password: the auditor must change it at the next login', async () => {
    await t.http.patch(`/api/admin/users/${ids['auditor']}`).set(auth('security')).send({ password: 'Reset#2027xy' }).expect(200);
    const res = await t.http.post('/api/auth/login').send({ username: 'auditor', password: 'Reset#2027xy' }).expect(200);
    expect(res.body.mustChangePassword).toBe(true);
    // the refusals above are in the log as denied, named in Chinese, with the status answered
    const log = await t.http.get('/api/audit').query({ event: 'user.', result: 'denied' }).set(auth('auditor2')).expect(200);
    // the administrators' refusals (the filler's and the auditor's, refused by the guard, follow below)
    log.body.items = log.body.items.filter((r: { username: string }) => r.username === 'admin' || r.username === 'security');
    const labels = new Set(log.body.items.map((r: { eventLabel: string }) => r.eventLabel));
    expect([...labels].sort()).toEqual(['修改用户', '新增用户']);
    expect(log.body.items.every((r: { status: number; objectType: string | null }) => r.status === 403 && r.objectType === 'user')).toBe(true);
    const onAuditor = log.body.items.filter((r: { objectId: string | null }) => r.objectId === ids['auditor']);
    expect(onAuditor.length).toBeGreaterThanOrEqual(3);
    expect(onAuditor[0].objectName).toBe('auditor');
    // a refused create names what it asked for
    const creates = log.body.items.filter((r: { eventLabel: string }) => r.eventLabel === '新增用户');
    expect(creates.map((r: { objectName: string }) => r.objectName)).toContain('x-auditadmin');
    // refusals of a guard (a role the user lacks) are in the log too, before any handler ran
    const guarded = await t.http.get('/api/audit').query({ username: 'xining', result: 'denied' }).set(auth('auditor2')).expect(200);
    expect(guarded.body.items.map((r: { eventLabel: string; status: number }) => `${r.eventLabel} ${r.status}`)).toEqual(
      expect.arrayContaining(['查看用户列表 403', '新增用户 403']),
    );
  });
});
