import { createTestDatabase, login, startTestApp, TEST_DB, type TestApp, type TestDatabase } from './test-app';

/**
 * Administration of organisations and users (issue 3): only a sysadmin; org tree rules; users with the
 * password policy, role/organisation rules, optimistic locking, and sessions ended by disabling or a reset.
 */
describe(`admin: organisations and users (${TEST_DB})`, () => {
  let db: TestDatabase;
  let t: TestApp;
  const tok: Record<string, string> = {};
  const orgIds: Record<string, string> = {};
  const auth = (u: string) => ({ Authorization: `Bearer ${tok[u]}` });
  const asAdmin = () => auth('admin');
  const CHINESE = /[\u4e00-\u9fff]/;

  type Detail = { field: string; message: string };
  /** A 400 in the contract's shape naming `field`, every message in Chinese. */
  function expect400(body: { statusCode: number; code: string; message: string; details?: Detail[] }, field: string) {
    expect(body.statusCode).toBe(400);
    expect(body.message).toMatch(CHINESE);
    expect(body.message).toContain(field);
    expect(body.details?.map((d) => d.field)).toContain(field);
    expect(body.details?.every((d) => CHINESE.test(d.message))).toBe(true);
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await startTestApp(db);
    for (const u of ['admin', 'xining', 'hzb', 'czj']) tok[u] = await login(t, u);
    const res = await t.http.get('/api/admin/orgs').set(asAdmin()).expect(200);
    for (const o of res.body as { code: string; id: string }[]) orgIds[o.code] = o.id;
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  describe('access', () => {
    const someId = '00000000-0000-4000-8000-000000000000';
    // every row has a body (null for GET): a row shorter than the test's parameters would make Jest pass `done`
    const calls: [string, string, object | null][] = [
      ['get', '/api/admin/orgs', null],
      ['post', '/api/admin/orgs', { code: 'X1', name: '某机构', kind: 'unit', parentId: someId }],
      ['patch', `/api/admin/orgs/${someId}`, { name: '改名' }],
      ['get', '/api/admin/users', null],
      ['get', `/api/admin/users/${someId}`, null],
      ['post', '/api/admin/users', { username: 'u1', displayName: 'U', password: 'Abcdef12', roles: ['filler'], orgId: someId }],
      ['patch', `/api/admin/users/${someId}`, { displayName: 'U' }],
    ];

    it.each(calls)('%s %s needs a session (401)', async (method, url, body) => {
      const req = (t.http as unknown as Record<string, (u: string) => import('supertest').Test>)[method](url);
      const res = await (body ? req.send(body) : req).expect(401);
      expect(res.body.code).toBe('UNAUTHORIZED');
    });

    it.each(calls.flatMap((c) => ['xining', 'hzb', 'czj'].map((u) => [u, ...c] as [string, string, string, object | null])))(
      '%s: %s %s is for the sysadmin only (403)',
      async (user, method, url, body) => {
        const req = (t.http as unknown as Record<string, (u: string) => import('supertest').Test>)[method](url).set(auth(user));
        const res = await (body ? req.send(body) : req).expect(403);
        // the users and the list of organisations are for the 安全管理员 too (it places the administrators it creates)
        const both = url.startsWith('/api/admin/users') || (method === 'get' && url === '/api/admin/orgs');
        const message = both ? '只有系统管理员或安全管理员可以执行此操作' : '只有系统管理员可以管理机构和用户';
        expect(res.body).toEqual({ statusCode: 403, code: 'FORBIDDEN', message });
      },
    );
  });

  describe('organisations', () => {
    it('GET /api/admin/orgs lists the whole tree depth-first with kinds, depths and user counts', async () => {
      const res = await t.http.get('/api/admin/orgs').set(asAdmin()).expect(200);
      expect(res.body).toHaveLength(14);
      const codes = res.body.map((o: { code: string }) => o.code);
      expect(codes.slice(0, 3)).toEqual(['CZJ', 'HZB', 'HZB-BB']);
      expect(codes.indexOf('YPB')).toBe(codes.indexOf('HZB-XZ') + 1);
      const czj = res.body[0];
      expect(czj).toMatchObject({ code: 'CZJ', name: '财政局', kind: 'finance', parentId: null, depth: 0, userCount: 4 });
      expect(czj.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(res.body.find((o: { code: string }) => o.code === 'HZB-XN')).toMatchObject({
        kind: 'unit',
        parentId: orgIds['HZB'],
        depth: 2,
        userCount: 1,
      });
      expect(res.body.find((o: { code: string }) => o.code === 'HZB-GZ').userCount).toBe(0);
    });

    it('POST creates a department under the finance bureau and a unit under it (201)', async () => {
      const dept = await t.http
        .post('/api/admin/orgs')
        .set(asAdmin())
        .send({ code: 'JYJ', name: '  上海市教育委员会 ', kind: 'department', parentId: orgIds['CZJ'] })
        .expect(201);
      expect(dept.body).toMatchObject({ code: 'JYJ', name: '上海市教育委员会', kind: 'department', parentId: orgIds['CZJ'], depth: 1, userCount: 0 });
      orgIds['JYJ'] = dept.body.id;
      const unit = await t.http
        .post('/api/admin/orgs')
        .set(asAdmin())
        .send({ code: 'JYJ-01', name: '上海市教育考试院', kind: 'unit', parentId: dept.body.id })
        .expect(201);
      expect(unit.body).toMatchObject({ code: 'JYJ-01', kind: 'unit', parentId: dept.body.id, depth: 2 });
      orgIds['JYJ-01'] = unit.body.id;
      const list = await t.http.get('/api/admin/orgs').set(asAdmin()).expect(200);
      const codes = list.body.map((o: { code: string }) => o.code);
      expect(codes).toHaveLength(16);
      expect(codes.indexOf('JYJ-01')).toBe(codes.indexOf('JYJ') + 1);
      // the new unit shows in the visible tree of the finance reviewer too
      const visible = await t.http.get('/api/orgs').set(auth('czj')).expect(200);
      expect(visible.body.map((o: { code: string }) => o.code)).toContain('JYJ-01');
    });

    it.each([
      ['a unit under the finance bureau', () => ({ code: 'U1', name: '单位', kind: 'unit', parentId: orgIds['CZJ'] }), 'parentId', '预算单位的上级机构须为主管部门'],
      ['a unit under a unit', () => ({ code: 'U2', name: '单位', kind: 'unit', parentId: orgIds['HZB-XN'] }), 'parentId', '预算单位的上级机构须为主管部门'],
      ['a department under a department', () => ({ code: 'D1', name: '部门', kind: 'department', parentId: orgIds['HZB'] }), 'parentId', '主管部门的上级机构须为财政局'],
      ['a department without a parent', () => ({ code: 'D2', name: '部门', kind: 'department' }), 'parentId', '请选择上级机构'],
      ['a unit with parentId null', () => ({ code: 'U3', name: '单位', kind: 'unit', parentId: null }), 'parentId', '请选择上级机构'],
      ['a finance bureau with a parent', () => ({ code: 'F2', name: '财政局二', kind: 'finance', parentId: orgIds['CZJ'] }), 'parentId', '财政局不能有上级机构'],
      ['an unknown parent', () => ({ code: 'U4', name: '单位', kind: 'unit', parentId: '00000000-0000-4000-8000-000000000000' }), 'parentId', '上级机构不存在'],
      ['a parentId that is no uuid', () => ({ code: 'U5', name: '单位', kind: 'unit', parentId: 'HZB' }), 'parentId', '上级机构（parentId）无效'],
      ['an unknown kind', () => ({ code: 'U6', name: '单位', kind: 'bureau', parentId: orgIds['HZB'] }), 'kind', '机构类型须为'],
      ['a missing code', () => ({ name: '单位', kind: 'unit', parentId: orgIds['HZB'] }), 'code', '机构代码须为'],
      ['a code with spaces', () => ({ code: 'A B', name: '单位', kind: 'unit', parentId: orgIds['HZB'] }), 'code', '机构代码须为'],
      ['a code of 33 characters', () => ({ code: 'A'.repeat(33), name: '单位', kind: 'unit', parentId: orgIds['HZB'] }), 'code', '机构代码须为'],
      ['a blank name', () => ({ code: 'U7', name: '   ', kind: 'unit', parentId: orgIds['HZB'] }), 'name', '请填写机构名称'],
      ['a name of 201 characters', () => ({ code: 'U8', name: '名'.repeat(201), kind: 'unit', parentId: orgIds['HZB'] }), 'name', '机构名称最多 200 个字符'],
      ['a numeric name', () => ({ code: 'U9', name: 42, kind: 'unit', parentId: orgIds['HZB'] }), 'name', '请填写机构名称'],
      ['an unknown field', () => ({ code: 'U10', name: '单位', kind: 'unit', parentId: orgIds['HZB'], admin: true }), 'admin', '不允许的字段'],
    ])('POST refuses %s (400 naming the field)', async (_what, body, field, message) => {
      const res = await t.http.post('/api/admin/orgs').set(asAdmin()).send(body()).expect(400);
      expect400(res.body, field);
      expect(res.body.details.filter((d: Detail) => d.field === field).map((d: Detail) => d.message)).toContainEqual(expect.stringContaining(message));
    });

    it('POST refuses a used code, in any case, and a second finance bureau (409)', async () => {
      for (const code of ['HZB-XN', 'hzb-xn']) {
        const res = await t.http.post('/api/admin/orgs').set(asAdmin()).send({ code, name: '重复', kind: 'unit', parentId: orgIds['HZB'] }).expect(409);
        expect(res.body).toMatchObject({ statusCode: 409, code: 'DUPLICATE' });
        expect(res.body.message).toContain('机构代码「');
        expect(res.body.details[0].field).toBe('code');
      }
      const fin = await t.http.post('/api/admin/orgs').set(asAdmin()).send({ code: 'CZJ2', name: '第二财政局', kind: 'finance' }).expect(409);
      expect(fin.body).toMatchObject({ statusCode: 409, code: 'FINANCE_EXISTS' });
      expect(fin.body.message).toContain('财政局只能有一个');
      const after = await t.http.get('/api/admin/orgs').set(asAdmin()).expect(200);
      expect(after.body).toHaveLength(16);
    });

    it('PATCH renames and recodes an organisation (200)', async () => {
      const res = await t.http.patch(`/api/admin/orgs/${orgIds['JYJ-01']}`).set(asAdmin()).send({ name: '上海市教育考试院（本部）' }).expect(200);
      expect(res.body).toMatchObject({ id: orgIds['JYJ-01'], code: 'JYJ-01', name: '上海市教育考试院（本部）', kind: 'unit', depth: 2 });
      const recoded = await t.http.patch(`/api/admin/orgs/${orgIds['JYJ-01']}`).set(asAdmin()).send({ code: 'JYJ-KSY', name: '上海市教育考试院' }).expect(200);
      expect(recoded.body).toMatchObject({ code: 'JYJ-KSY', name: '上海市教育考试院' });
      // the same code as before (its own) is not a conflict
      await t.http.patch(`/api/admin/orgs/${orgIds['JYJ-01']}`).set(asAdmin()).send({ code: 'JYJ-KSY' }).expect(200);
    });

    it('PATCH refuses a code used by another organisation (409)', async () => {
      const res = await t.http.patch(`/api/admin/orgs/${orgIds['JYJ-01']}`).set(asAdmin()).send({ code: 'HZB' }).expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, code: 'DUPLICATE' });
      expect(res.body.message).toContain('上海市人民政府合作交流办公室');
    });

    it.each([
      [{}, 'name'],
      [{ name: '' }, 'name'],
      [{ name: null }, 'name'],
      [{ code: 'a b' }, 'code'],
      [{ kind: 'finance' }, 'kind'],
      [{ parentId: null }, 'parentId'],
    ])('PATCH refuses %j (400 naming %s)', async (body, field) => {
      const res = await t.http.patch(`/api/admin/orgs/${orgIds['JYJ']}`).set(asAdmin()).send(body).expect(400);
      expect400(res.body, field);
    });

    it('PATCH an unknown organisation is 404', async () => {
      for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', "1' OR '1'='1"]) {
        const res = await t.http.patch(`/api/admin/orgs/${encodeURIComponent(id)}`).set(asAdmin()).send({ name: '某机构' }).expect(404);
        expect(res.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: '机构不存在' });
      }
    });
  });

  describe('users', () => {
    let newUserId: string;

    it('GET /api/admin/users lists every user with org and version, never a password hash', async () => {
      const res = await t.http.get('/api/admin/users').set(asAdmin()).expect(200);
      expect(res.body.map((u: { username: string }) => u.username).sort()).toEqual(['admin', 'auditor', 'czj', 'hzb', 'security', 'xining', 'yangpu', 'ypb']);
      const xining = res.body.find((u: { username: string }) => u.username === 'xining');
      expect(xining).toMatchObject({
        displayName: '西宁办填报人',
        roles: ['filler'],
        orgId: orgIds['HZB-XN'],
        orgName: '上海市人民政府驻西宁办事处',
        orgKind: 'unit',
        disabled: false,
        version: 1,
      });
      expect(Object.keys(xining).sort()).toEqual(['createdAt', 'disabled', 'displayName', 'id', 'orgId', 'orgKind', 'orgName', 'roles', 'username', 'version']);
      expect(JSON.stringify(res.body)).not.toMatch(/scrypt|password/i);
    });

    it('GET filters by a search text (username or name, wildcards literal) and by organisation', async () => {
      const byName = await t.http.get('/api/admin/users').query({ q: '杨浦' }).set(asAdmin()).expect(200);
      expect(byName.body.map((u: { username: string }) => u.username).sort()).toEqual(['yangpu', 'ypb']);
      const byUsername = await t.http.get('/api/admin/users').query({ q: 'XIN' }).set(asAdmin()).expect(200);
      expect(byUsername.body.map((u: { username: string }) => u.username)).toEqual(['xining']);
      const wildcard = await t.http.get('/api/admin/users').query({ q: '%' }).set(asAdmin()).expect(200);
      expect(wildcard.body).toEqual([]);
      const byOrg = await t.http.get('/api/admin/users').query({ orgId: orgIds['CZJ'] }).set(asAdmin()).expect(200);
      expect(byOrg.body.map((u: { username: string }) => u.username).sort()).toEqual(['admin', 'auditor', 'czj', 'security']);
      const both = await t.http.get('/api/admin/users').query({ orgId: orgIds['CZJ'], q: 'admin' }).set(asAdmin()).expect(200);
      expect(both.body.map((u: { username: string }) => u.username)).toEqual(['admin']);
      const empty = await t.http.get('/api/admin/users').query({ orgId: orgIds['HZB-GZ'] }).set(asAdmin()).expect(200);
      expect(empty.body).toEqual([]);
    });

    it.each([
      [{ orgId: 'HZB' }, 'orgId'],
      [{ q: 'x'.repeat(101) }, 'q'],
      [{ page: '1' }, 'page'],
    ])('GET refuses the query %j (400 naming %s)', async (query, field) => {
      const res = await t.http.get('/api/admin/users').query(query).set(asAdmin()).expect(400);
      expect400(res.body, field);
    });

    it('POST creates a filler in a unit (201, ETag "1"); the new user logs in', async () => {
      const res = await t.http
        .post('/api/admin/users')
        .set(asAdmin())
        .send({ username: 'ksy', displayName: ' 考试院填报人 ', password: 'Kaoshi2027', roles: ['filler'], orgId: orgIds['JYJ-01'] })
        .expect(201);
      expect(res.headers['etag']).toBe('"1"');
      expect(res.body).toMatchObject({
        username: 'ksy',
        displayName: '考试院填报人',
        roles: ['filler'],
        orgId: orgIds['JYJ-01'],
        orgName: '上海市教育考试院',
        orgKind: 'unit',
        disabled: false,
        version: 1,
      });
      expect(JSON.stringify(res.body)).not.toMatch(/scrypt|Kaoshi2027|password/i);
      newUserId = res.body.id;
      const loginRes = await t.http.post('/api/auth/login').send({ username: 'ksy', password: 'Kaoshi2027' }).expect(200);
      expect(loginRes.body.user).toMatchObject({ id: newUserId, username: 'ksy', roles: ['filler'], orgId: orgIds['JYJ-01'], orgName: '上海市教育考试院' });
      tok['ksy'] = loginRes.body.accessToken;
      // the initial password is the administrator's: changed first
      expect(loginRes.body.mustChangePassword).toBe(true);
      expect((await t.http.get('/api/orgs').set(auth('ksy')).expect(403)).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
      await t.http.post('/api/auth/password').set(auth('ksy')).send({ currentPassword: 'Kaoshi2027', newPassword: 'Kaoshi#2028' }).expect(204);
      // the filler sees its own unit's tree, and cannot administer
      const visible = await t.http.get('/api/orgs').set(auth('ksy')).expect(200);
      expect(visible.body.map((o: { code: string }) => o.code).sort()).toEqual(['CZJ', 'JYJ', 'JYJ-KSY']);
      await t.http.get('/api/admin/users').set(auth('ksy')).expect(403);
      const orgs = await t.http.get('/api/admin/orgs').set(asAdmin()).expect(200);
      expect(orgs.body.find((o: { id: string }) => o.id === orgIds['JYJ-01']).userCount).toBe(1);
    });

    it('POST creates reviewers in the right kind of organisation and an admin with several roles', async () => {
      await t.http
        .post('/api/admin/users')
        .set(asAdmin())
        .send({ username: 'jyj.review', displayName: '教委审核人', password: 'Review2027x', roles: ['dept_reviewer'], orgId: orgIds['JYJ'] })
        .expect(201);
      const fin = await t.http
        .post('/api/admin/users')
        .set(asAdmin())
        .send({ username: 'czj_2', displayName: '财政局系统管理员二', password: 'Finance2027', roles: ['sysadmin'], orgId: orgIds['CZJ'] })
        .expect(201);
      expect(fin.body.roles).toEqual(['sysadmin']);
      // 三员分立: an administrator neither reviews nor holds a second administrator role
      const mixed = await t.http
        .post('/api/admin/users')
        .set(asAdmin())
        .send({ username: 'czj_3', displayName: '兼任', password: 'Finance2027', roles: ['finance_reviewer', 'sysadmin'], orgId: orgIds['CZJ'] })
        .expect(400);
      expect(mixed.body.details[0]).toMatchObject({ field: 'roles', message: '三员分立：系统管理员不能兼任填报人或审核人' });
      const two = await t.http
        .post('/api/admin/users')
        .set(asAdmin())
        .send({ username: 'czj_4', displayName: '兼任', password: 'Finance2027', roles: ['secadmin', 'auditadmin'], orgId: orgIds['CZJ'] })
        .expect(400);
      expect(two.body.details[0].message).toBe('三员分立：系统管理员、安全管理员、审计管理员须由不同账号担任');
      await login(t, 'jyj.review', 'Review2027x');
    });

    const good = () => ({ username: 'someone', displayName: '某人', password: 'Abcdefg1', roles: ['filler'], orgId: orgIds['HZB-GZ'] });
    it.each([
      ['a password of 7 characters', { password: 'Abcdef1' }, 'password', '密码至少 8 位'],
      ['a password of only 2 classes', { password: 'Abcdefgh' }, 'password', '密码须包含大写字母、小写字母、数字、符号中的至少三类'],
      ['a password of digits', { password: '12345678' }, 'password', '密码须包含大写字母、小写字母、数字、符号中的至少三类'],
      ['a password with the user name', { password: 'Someone#2027' }, 'password', '密码不能包含用户名'],
      ['a common password', { password: 'P@ssw0rd' }, 'password', '密码过于常见，请换一个'],
      ['a password of 129 characters', { password: `Aa1${'x'.repeat(126)}` }, 'password', '密码最多 128 位'],
      ['a missing password', { password: undefined }, 'password', '请填写密码'],
      ['a filler in a department', { orgId: 'HZB' }, 'roles', '填报人须属于预算单位'],
      ['a filler in the finance bureau', { orgId: 'CZJ' }, 'roles', '填报人须属于预算单位'],
      ['a dept_reviewer in a unit', { roles: ['dept_reviewer'] }, 'roles', '主管部门审核人须属于主管部门'],
      ['a finance_reviewer in a department', { roles: ['finance_reviewer'], orgId: 'HZB' }, 'roles', '财政审核人须属于财政局'],
      ['a filler and a dept_reviewer at once', { roles: ['filler', 'dept_reviewer'] }, 'roles', '主管部门审核人须属于主管部门'],
      ['an unknown role', { roles: ['superuser'] }, 'roles', '角色须为'],
      ['an administrator who also declares', { roles: ['auditadmin', 'filler'] }, 'roles', '三员分立：审计管理员不能兼任填报人或审核人'],
      ['no role', { roles: [] }, 'roles', '请至少选择一个角色'],
      ['the same role twice', { roles: ['filler', 'filler'] }, 'roles', '角色不能重复'],
      ['roles as text', { roles: 'filler' }, 'roles', '角色须为数组'],
      ['an unknown organisation', { orgId: '00000000-0000-4000-8000-000000000000' }, 'orgId', '所属机构不存在'],
      ['an orgId that is no uuid', { orgId: 'x' }, 'orgId', '所属机构（orgId）无效'],
      ['a username with spaces', { username: 'some one' }, 'username', '用户名须为'],
      ['a username of one character', { username: 'a' }, 'username', '用户名须为'],
      ['a blank name', { displayName: ' ' }, 'displayName', '请填写姓名'],
      ['a name of 101 characters', { displayName: '名'.repeat(101) }, 'displayName', '姓名最多 100 个字符'],
      ['a password hash smuggled in', { passwordHash: 'scrypt$1' }, 'passwordHash', '不允许的字段'],
      ['disabled at creation', { disabled: true }, 'disabled', '不允许的字段'],
    ])('POST refuses %s (400 naming the field)', async (_what, patch, field, message) => {
      const body: Record<string, unknown> = { ...good(), ...patch };
      const orgKey = (patch as { orgId?: unknown }).orgId;
      if (typeof orgKey === 'string' && orgIds[orgKey]) body['orgId'] = orgIds[orgKey];
      const res = await t.http.post('/api/admin/users').set(asAdmin()).send(body).expect(400);
      expect400(res.body, field);
      expect(res.body.details.filter((d: Detail) => d.field === field).map((d: Detail) => d.message)).toContainEqual(expect.stringContaining(message));
      const none = await t.http.get('/api/admin/users').query({ q: 'someone' }).set(asAdmin()).expect(200);
      expect(none.body).toEqual([]);
    });

    it('POST refuses a used username, in any case (409)', async () => {
      for (const username of ['xining', 'XiNing', 'ksy']) {
        const res = await t.http.post('/api/admin/users').set(asAdmin()).send({ ...good(), username }).expect(409);
        expect(res.body).toMatchObject({ statusCode: 409, code: 'DUPLICATE' });
        expect(res.body.message).toBe(`用户名「${username}」已被使用`);
      }
    });

    it('GET /api/admin/users/:id answers the user with its ETag; unknown ids are 404', async () => {
      const res = await t.http.get(`/api/admin/users/${newUserId}`).set(asAdmin()).expect(200);
      expect(res.headers['etag']).toBe('"1"');
      expect(res.body).toMatchObject({ id: newUserId, username: 'ksy', version: 1 });
      for (const id of ['00000000-0000-4000-8000-000000000000', 'nope']) {
        const nf = await t.http.get(`/api/admin/users/${id}`).set(asAdmin()).expect(404);
        expect(nf.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: '用户不存在' });
      }
    });

    it('PATCH with If-Match changes the user and answers the new ETag; a stale or malformed If-Match is 412', async () => {
      const ok = await t.http.patch(`/api/admin/users/${newUserId}`).set(asAdmin()).set('If-Match', '"1"').send({ displayName: '考试院填报员' }).expect(200);
      expect(ok.headers['etag']).toBe('"2"');
      expect(ok.body).toMatchObject({ displayName: '考试院填报员', version: 2 });
      const stale = await t.http.patch(`/api/admin/users/${newUserId}`).set(asAdmin()).set('If-Match', '"1"').send({ displayName: '覆盖' }).expect(412);
      expect(stale.body).toMatchObject({ statusCode: 412, code: 'VERSION_CONFLICT' });
      expect(stale.body.message).toContain('当前版本 2');
      await t.http.patch(`/api/admin/users/${newUserId}`).set(asAdmin()).set('If-Match', 'garbage').send({ displayName: '覆盖' }).expect(412);
      await t.http.patch(`/api/admin/users/${newUserId}`).set(asAdmin()).set('If-Match', 'W/"2"').send({ displayName: '考试院填报人' }).expect(200);
      // without If-Match the write is unconditional but still bumps the version
      const free = await t.http.patch(`/api/admin/users/${newUserId}`).set(asAdmin()).send({ displayName: '考试院填报人' }).expect(200);
      expect(free.headers['etag']).toBe('"4"');
      const after = await t.http.get(`/api/admin/users/${newUserId}`).set(asAdmin()).expect(200);
      expect(after.body).toMatchObject({ displayName: '考试院填报人', version: 4 });
    });

    it('two concurrent PATCHes of the same version: one wins, the other gets 412', async () => {
      const [a, b] = await Promise.all([
        t.http.patch(`/api/admin/users/${newUserId}`).set(asAdmin()).set('If-Match', '"4"').send({ displayName: '甲' }),
        t.http.patch(`/api/admin/users/${newUserId}`).set(asAdmin()).set('If-Match', '"4"').send({ displayName: '乙' }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 412]);
      const winner = a.status === 200 ? a : b;
      const after = await t.http.get(`/api/admin/users/${newUserId}`).set(asAdmin()).expect(200);
      expect(after.body).toMatchObject({ displayName: winner.body.displayName, version: 5 });
      await t.http.patch(`/api/admin/users/${newUserId}`).set(asAdmin()).send({ displayName: '考试院填报人' }).expect(200);
    });

    it('PATCH checks roles against the (new) organisation', async () => {
      const wrongRole = await t.http.patch(`/api/admin/users/${newUserId}`).set(asAdmin()).send({ roles: ['dept_reviewer'] }).expect(400);
      expect400(wrongRole.body, 'roles');
      const wrongOrg = await t.http.patch(`/api/admin/users/${newUserId}`).set(asAdmin()).send({ orgId: orgIds['JYJ'] }).expect(400);
      expect400(wrongOrg.body, 'orgId');
      expect(wrongOrg.body.details[0].message).toBe('填报人须属于预算单位，所选机构是主管部门');
      const unknownOrg = await t.http.patch(`/api/admin/users/${newUserId}`).set(asAdmin()).send({ orgId: '00000000-0000-4000-8000-000000000000' }).expect(400);
      expect400(unknownOrg.body, 'orgId');
      // moving to another unit, and becoming a reviewer of a department, are fine
      const moved = await t.http.patch(`/api/admin/users/${newUserId}`).set(asAdmin()).send({ orgId: orgIds['HZB-GZ'] }).expect(200);
      expect(moved.body).toMatchObject({ orgId: orgIds['HZB-GZ'], orgName: '上海市人民政府驻广州办事处', orgKind: 'unit' });
      const promoted = await t.http.patch(`/api/admin/users/${newUserId}`).set(asAdmin()).send({ roles: ['dept_reviewer'], orgId: orgIds['JYJ'] }).expect(200);
      expect(promoted.body).toMatchObject({ roles: ['dept_reviewer'], orgKind: 'department' });
      const me = await t.http.get('/api/auth/me').set(auth('ksy')).expect(200);
      expect(me.body).toMatchObject({ roles: ['dept_reviewer'], orgId: orgIds['JYJ'] });
      await t.http.patch(`/api/admin/users/${newUserId}`).set(asAdmin()).send({ roles: ['filler'], orgId: orgIds['JYJ-01'] }).expect(200);
    });

    it.each([
      [{}, 'displayName'],
      [{ displayName: null }, 'displayName'],
      [{ displayName: '' }, 'displayName'],
      [{ roles: null }, 'roles'],
      [{ roles: ['root'] }, 'roles'],
      [{ disabled: 'yes' }, 'disabled'],
      [{ disabled: null }, 'disabled'],
      [{ password: 'short1' }, 'password'],
      [{ password: 'onlyletters' }, 'password'],
      [{ orgId: 'nope' }, 'orgId'],
      [{ username: 'renamed' }, 'username'],
      [{ version: 9 }, 'version'],
    ])('PATCH refuses %j (400 naming %s)', async (body, field) => {
      const res = await t.http.patch(`/api/admin/users/${newUserId}`).set(asAdmin()).send(body).expect(400);
      expect400(res.body, field);
    });

    it('PATCH an unknown user is 404 (before looking at If-Match)', async () => {
      for (const id of ['00000000-0000-4000-8000-000000000000', 'nope']) {
        const res = await t.http.patch(`/api/admin/users/${id}`).set(asAdmin()).set('If-Match', '"1"').send({ displayName: '某人' }).expect(404);
        expect(res.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: '用户不存在' });
      }
    });

    it('disabling a user ends their sessions: the old token is 401 and they cannot log in; enabling lets them in again', async () => {
      await t.http.get('/api/auth/me').set(auth('ksy')).expect(200);
      const second = await login(t, 'ksy', 'Kaoshi#2028');
      const res = await t.http.patch(`/api/admin/users/${newUserId}`).set(asAdmin()).send({ disabled: true }).expect(200);
      expect(res.body.disabled).toBe(true);
      for (const token of [tok['ksy'], second]) {
        const me = await t.http.get('/api/auth/me').set({ Authorization: `Bearer ${token}` }).expect(401);
        expect(me.body.code).toBe('UNAUTHORIZED');
      }
      const denied = await t.http.post('/api/auth/login').send({ username: 'ksy', password: 'Kaoshi#2028' }).expect(401);
      expect(denied.body).toEqual({ statusCode: 401, code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
      const list = await t.http.get('/api/admin/users').query({ q: 'ksy' }).set(asAdmin()).expect(200);
      expect(list.body[0].disabled).toBe(true);
      await t.http.patch(`/api/admin/users/${newUserId}`).set(asAdmin()).send({ disabled: false }).expect(200);
      tok['ksy'] = await login(t, 'ksy', 'Kaoshi#2028');
      // the sessions ended by disabling stay ended
      await t.http.get('/api/auth/me').set({ Authorization: `Bearer ${second}` }).expect(401);
    });

    it('resetting a password ends the sessions; the old password stops working, the new one works', async () => {
      const weak = await t.http.patch(`/api/admin/users/${newUserId}`).set(asAdmin()).send({ password: '1234567' }).expect(400);
      expect400(weak.body, 'password');
      await t.http.get('/api/auth/me').set(auth('ksy')).expect(200);
      await t.http.patch(`/api/admin/users/${newUserId}`).set(asAdmin()).send({ password: 'NewPass2028' }).expect(200);
      await t.http.get('/api/auth/me').set(auth('ksy')).expect(401);
      await t.http.post('/api/auth/login').send({ username: 'ksy', password: 'Kaoshi#2028' }).expect(401);
      await login(t, 'ksy', 'NewPass2028');
      // not the current one, nor one of the last 5; not the user name inside
      const reused = await t.http.patch(`/api/admin/users/${newUserId}`).set(asAdmin()).send({ password: 'Kaoshi2027' }).expect(400);
      expect(reused.body.details[0]).toMatchObject({ field: 'password', message: '新密码不能与最近 5 次使用过的密码相同' });
      await t.http.patch(`/api/admin/users/${newUserId}`).set(asAdmin()).send({ password: 'NewPass2028' }).expect(400);
      const named = await t.http.patch(`/api/admin/users/${newUserId}`).set(asAdmin()).send({ password: 'Ksy#20281' }).expect(400);
      expect(named.body.details[0].message).toBe('密码不能包含用户名');
      for (const p of ['Second#2028', 'Third#2028', 'Fourth#2028', 'Fifth#2028']) {
        await t.http.patch(`/api/admin/users/${newUserId}`).set(asAdmin()).send({ password: p }).expect(200);
      }
      // Kaoshi2027 is now 7 passwords back: allowed again; NewPass2028 (5 back) is not
      await t.http.patch(`/api/admin/users/${newUserId}`).set(asAdmin()).send({ password: 'NewPass2028' }).expect(400);
      await t.http.patch(`/api/admin/users/${newUserId}`).set(asAdmin()).send({ password: 'Kaoshi2027' }).expect(200);
      await login(t, 'ksy', 'Kaoshi2027');
    });

    it('an administrator cannot disable themselves or drop their own sysadmin role (400), and keeps their session on an own reset', async () => {
      const me = await t.http.get('/api/auth/me').set(asAdmin()).expect(200);
      const self = await t.http.patch(`/api/admin/users/${me.body.id}`).set(asAdmin()).send({ disabled: true }).expect(400);
      expect400(self.body, 'disabled');
      expect(self.body.details[0].message).toBe('不能停用自己的账号');
      const demote = await t.http.patch(`/api/admin/users/${me.body.id}`).set(asAdmin()).send({ roles: ['finance_reviewer'] }).expect(400);
      expect400(demote.body, 'roles');
      const other = await login(t, 'admin');
      await t.http.patch(`/api/admin/users/${me.body.id}`).set(asAdmin()).send({ password: 'Chief#2028x' }).expect(200);
      await t.http.get('/api/auth/me').set(asAdmin()).expect(200);
      await t.http.get('/api/auth/me').set({ Authorization: `Bearer ${other}` }).expect(401);
      await login(t, 'admin', 'Chief#2028x');
      await t.http.post('/api/auth/login').send({ username: 'admin', password: 'Demo@2026' }).expect(401);
      // and still an admin
      await t.http.get('/api/admin/users').set(asAdmin()).expect(200);
    });

    it('another administrator may disable an administrator', async () => {
      const czj2 = await login(t, 'czj_2', 'Finance2027');
      await t.http.post('/api/auth/password').set({ Authorization: `Bearer ${czj2}` }).send({ currentPassword: 'Finance2027', newPassword: 'Finance#2028' }).expect(204);
      const admin = (await t.http.get('/api/auth/me').set(asAdmin()).expect(200)).body;
      await t.http.patch(`/api/admin/users/${admin.id}`).set({ Authorization: `Bearer ${czj2}` }).send({ disabled: true }).expect(200);
      await t.http.get('/api/admin/users').set(asAdmin()).expect(401);
      await t.http.patch(`/api/admin/users/${admin.id}`).set({ Authorization: `Bearer ${czj2}` }).send({ disabled: false }).expect(200);
      tok['admin'] = await login(t, 'admin', 'Chief#2028x');
    });
  });

  describe('bad input never answers 5xx', () => {
    it.each([
      ['post', '/api/admin/users', () => ({ username: 'nul', displayName: 'a\u0000b', password: 'Abcdefg1', roles: ['filler'], orgId: orgIds['HZB-GZ'] })],
      ['post', '/api/admin/orgs', () => ({ code: 'NUL', name: 'a\u0000b', kind: 'unit', parentId: orgIds['HZB'] })],
      ['post', '/api/admin/users', () => []],
      ['post', '/api/admin/orgs', () => [1, 2]],
      ['post', '/api/admin/users', () => 'text'],
      ['patch', '/api/admin/orgs/00000000-0000-4000-8000-000000000000', () => ['x']],
      ['post', '/api/admin/users', () => ({ username: { $ne: '' }, displayName: ['x'], password: 1, roles: [{}], orgId: 7 })],
      ['post', '/api/admin/orgs', () => ({ code: ['A'], name: { a: 1 }, kind: ['unit'], parentId: 5 })],
    ])('%s %s with a bad body answers 4xx', async (method, url, body) => {
      const req = (t.http as unknown as Record<string, (u: string) => import('supertest').Test>)[method](url).set(asAdmin());
      const b = body();
      const res = typeof b === 'string' ? await req.set('Content-Type', 'application/json').send(JSON.stringify(b)) : await req.send(b as object);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.message).toMatch(CHINESE);
    });

    it('a malformed JSON body is 400', async () => {
      const res = await t.http.post('/api/admin/users').set(asAdmin()).set('Content-Type', 'application/json').send('{"username":').expect(400);
      expect(res.body.code).toBe('INVALID_JSON');
    });
  });
});
