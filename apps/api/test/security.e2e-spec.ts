import { AuditService } from '@pt/api/core';
import { DataSource } from 'typeorm';
import { createTestDatabase, draftWriteRoutes, login, startTestApp, TEST_DB, type TestApp, type TestDatabase, VALID_ROWS } from './test-app';

/**
 * Reliability and security (issue 6), at the counts of `npm test`; `npm run test:stress` (STRESS=1) runs the
 * full counts of the issue: 1,000 conflicting edits from 50 clients, 100 keys × 10 retries, 10,000 bad requests.
 */
const STRESS = process.env['STRESS'] === '1';
/** The long tests get more time at the full counts (the embedded database has one connection for 50 clients). */
const LONG = STRESS ? 900_000 : 120_000;
const N = {
  edits: STRESS ? 1000 : 200,
  clients: STRESS ? 50 : 10,
  keys: STRESS ? 100 : 20,
  retries: 10,
  badRequests: STRESS ? 10_000 : 2_000,
};

describe(`reliability and security (${TEST_DB}${STRESS ? ', stress' : ''})`, () => {
  let db: TestDatabase;
  let t: TestApp;
  let ds: DataSource;
  const tok: Record<string, string> = {};
  const orgOf: Record<string, string> = {};
  const auth = (u: string) => ({ Authorization: `Bearer ${tok[u]}` });

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await startTestApp(db);
    ds = t.app.get(DataSource);
    for (const u of ['admin', 'xining', 'hzb', 'czj', 'yangpu', 'ypb', 'security', 'auditor']) {
      tok[u] = await login(t, u);
      orgOf[u] = (await t.http.get('/api/auth/me').set(auth(u)).expect(200)).body.orgId;
    }
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  async function draft(name: string, user = 'xining'): Promise<string> {
    const p = await t.http.post('/api/projects').set(auth(user)).send({ year: 2027, name, orgId: orgOf[user], frameworkCode: 'mof-2021' }).expect(201);
    await t.http.put(`/api/projects/${p.body.id}/indicators`).set(auth(user)).set('If-Match', '"1"').send({ indicators: VALID_ROWS }).expect(200);
    return p.body.id;
  }

  describe('login (等保三级)', () => {
    it('locks a name after 5 consecutive failures with the same answers for an unknown user and a wrong password', async () => {
      const attempt = (username: string, password: string) => t.http.post('/api/auth/login').send({ username, password });
      const known: { status: number; body: unknown }[] = [];
      const unknown: { status: number; body: unknown }[] = [];
      for (let i = 0; i < 6; i++) {
        const a = await attempt('ypb', 'wrong-password-1');
        const b = await attempt('nobody-here', 'wrong-password-1');
        known.push({ status: a.status, body: a.body });
        unknown.push({ status: b.status, body: b.body });
      }
      expect(known).toEqual(unknown);
      expect(known.map((k) => k.status)).toEqual([401, 401, 401, 401, 401, 429]);
      expect(known[0].body).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
      expect(known[5].body).toMatchObject({ code: 'ACCOUNT_LOCKED' });
      // locked: even the right password is refused, and the live sessions of the user go on
      await attempt('ypb', 'Demo@2026').expect(429);
      await t.http.get('/api/auth/me').set(auth('ypb')).expect(200);
      // 15 minutes later (moved back in the database): the right password works and resets the count
      await ds.query(`UPDATE login_attempt SET locked_until = now() - interval '1 second' WHERE username = 'ypb'`);
      await attempt('ypb', 'Demo@2026').expect(200);
      expect(await ds.query(`SELECT * FROM login_attempt WHERE username = 'ypb'`)).toEqual([]);
      const events = await ds.query(`SELECT result, count(*)::int AS n FROM audit_log WHERE event = 'auth.login' AND username = 'ypb' GROUP BY result ORDER BY result`);
      expect(events).toEqual([
        { result: 'denied', n: 2 },
        { result: 'failed', n: 5 },
        { result: 'ok', n: 2 },
      ]);
    });

    it('logout and disabling a user end their sessions at once', async () => {
      const token = await login(t, 'yangpu');
      await t.http.get('/api/auth/me').set({ Authorization: `Bearer ${token}` }).expect(200);
      await t.http.post('/api/auth/logout').set({ Authorization: `Bearer ${token}` }).expect(204);
      await t.http.get('/api/auth/me').set({ Authorization: `Bearer ${token}` }).expect(401);
      const [row] = await ds.query(`SELECT result FROM audit_log WHERE event = 'auth.logout' ORDER BY id DESC LIMIT 1`);
      expect(row.result).toBe('ok');
    });
  });

  describe('三员分立: the system, security and audit administrators', () => {
    it('the security administrator ends sessions and unlocks names; the audit administrator reads and verifies the log; none sees projects', async () => {
      const victim = await login(t, 'hzb');
      const sessions = (await t.http.get('/api/security/sessions').set(auth('security')).expect(200)).body;
      expect(sessions.filter((s: { username: string }) => s.username === 'hzb').length).toBeGreaterThanOrEqual(2);
      expect(JSON.stringify(sessions)).not.toMatch(/token/i);
      const hzbId = sessions.find((s: { username: string }) => s.username === 'hzb').userId;
      await t.http.delete(`/api/security/users/${hzbId}/sessions`).set(auth('admin')).expect(403);
      await t.http.delete(`/api/security/users/${hzbId}/sessions`).set(auth('security')).expect(204);
      await t.http.get('/api/auth/me').set({ Authorization: `Bearer ${victim}` }).expect(401);
      tok['hzb'] = await login(t, 'hzb');
      const one = (await t.http.get('/api/security/sessions').set(auth('security')).expect(200)).body.find((s: { username: string }) => s.username === 'hzb');
      await t.http.delete(`/api/security/sessions/${one.id}`).set(auth('security')).expect(204);
      await t.http.delete(`/api/security/sessions/${one.id}`).set(auth('security')).expect(404);
      tok['hzb'] = await login(t, 'hzb');
      // lockouts: locked by failures, listed, unlocked by the security administrator
      for (let i = 0; i < 5; i++) await t.http.post('/api/auth/login').send({ username: 'yangpu', password: 'wrong-password-2' }).expect(401);
      await t.http.post('/api/auth/login').send({ username: 'yangpu', password: 'Demo@2026' }).expect(429);
      const locks = (await t.http.get('/api/security/lockouts').set(auth('security')).expect(200)).body;
      expect(locks).toEqual(expect.arrayContaining([expect.objectContaining({ username: 'yangpu', failures: 5 })]));
      await t.http.delete('/api/security/lockouts/yangpu').set(auth('security')).expect(204);
      tok['yangpu'] = await login(t, 'yangpu');
      // the audit administrator: the log, filtered, and its verification; nobody else
      const page = (await t.http.get('/api/audit?event=auth.login&username=yangpu&pageSize=10').set(auth('auditor')).expect(200)).body;
      expect(page.items[0]).toMatchObject({ event: 'auth.login', username: 'yangpu', result: 'ok' });
      expect(page.items.filter((i: { result: string }) => i.result === 'failed')).toHaveLength(5);
      expect(page.items[0].at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/);
      expect((await t.http.get('/api/audit/verify').set(auth('auditor')).expect(200)).body).toMatchObject({ ok: true });
      for (const u of ['admin', 'security', 'czj']) await t.http.get('/api/audit').set(auth(u)).expect(403);
      await t.http.get('/api/security/sessions').set(auth('auditor')).expect(403);
      await t.http.get('/api/admin/users').set(auth('auditor')).expect(403);
      await t.http.get('/api/audit?pageSize=1000').set(auth('auditor')).expect(400);
      // none of the three sees or reviews a project
      for (const u of ['admin', 'security', 'auditor']) {
        expect((await t.http.get('/api/projects').set(auth(u)).expect(200)).body.total).toBe(0);
      }
    });
  });

  describe('audit log', () => {
    it('records writes, transitions (in their transaction), refusals and exports; append-only; the chain verifies and detects tampering', async () => {
      const id = await draft('审计测试项目');
      await t.http.post(`/api/projects/${id}/transitions`).set(auth('xining')).set('If-Match', '"2"').send({ action: 'submit' }).expect(200);
      await t.http.post(`/api/projects/${id}/transitions`).set(auth('xining')).set('If-Match', '"3"').send({ action: 'approve' }).expect(403);
      await t.http.get(`/api/projects/${id}/export?form=declaration&format=xlsx`).set(auth('xining')).expect(200);
      // the interceptor writes after the answer: wait for the rows
      const rows = async () => ds.query(`SELECT event, result, object_id, username, client_ip FROM audit_log WHERE object_id = $1 ORDER BY id`, [id]);
      for (let i = 0; i < 100 && (await rows()).length < 5; i++) await new Promise((r) => setTimeout(r, 20));
      const got = await rows();
      expect(got.map((r: { event: string; result: string }) => `${r.event}:${r.result}`)).toEqual([
        'project.create:ok',
        'project.indicators:ok',
        'project.submit:ok',
        'project.approve:denied',
        'export.project:ok',
      ]);
      expect(got.every((r: { username: string; client_ip: string | null }) => r.username === 'xining' && !!r.client_ip)).toBe(true);
      const [create] = await ds.query(`SELECT event FROM audit_log WHERE event = 'project.create' AND result = 'ok' LIMIT 1`);
      expect(create).toBeDefined();
      // append-only: the database itself refuses to change or remove a row
      await expect(ds.query(`UPDATE audit_log SET result = 'ok' WHERE object_id = $1`, [id])).rejects.toThrow(/append-only/);
      await expect(ds.query(`DELETE FROM audit_log WHERE object_id = $1`, [id])).rejects.toThrow(/append-only/);
      const audit = t.app.get(AuditService);
      const ok = await audit.verify();
      expect(ok).toMatchObject({ ok: true, firstBad: null, reason: null });
      expect(ok.rows).toBeGreaterThan(5);
      // a superuser who switches the trigger off and edits a row is caught by the chain
      await ds.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`);
      const [victim] = await ds.query(`SELECT id FROM audit_log WHERE event = 'project.submit' AND object_id = $1`, [id]);
      await ds.query(`UPDATE audit_log SET result = 'failed' WHERE id = $1`, [victim.id]);
      await ds.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change`);
      const bad = await audit.verify();
      expect(bad).toMatchObject({ ok: false, firstBad: String(victim.id) });
      await ds.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`);
      await ds.query(`UPDATE audit_log SET result = 'ok' WHERE id = $1`, [victim.id]);
      await ds.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change`);
      expect((await audit.verify()).ok).toBe(true);
    });
  });

  describe('writes', () => {
    it(`${N.edits} conflicting edits from ${N.clients} clients on 5 projects: no lost update, versions only go up`, async () => {
      const ids = await Promise.all([1, 2, 3, 4, 5].map((i) => draft(`并发编辑测试 ${i}`)));
      const won: Record<string, string[]> = Object.fromEntries(ids.map((id) => [id, []]));
      let conflicts = 0;
      const perClient = N.edits / N.clients;
      await Promise.all(
        Array.from({ length: N.clients }, async (_, c) => {
          for (let e = 0; e < perClient; e++) {
            const id = ids[(c + e) % 5];
            const marker = `c${c}e${e}`;
            for (;;) {
              const cur = await t.http.get(`/api/projects/${id}`).set(auth('xining')).expect(200);
              const res = await t.http
                .patch(`/api/projects/${id}`)
                .set(auth('xining'))
                .set('If-Match', cur.headers['etag'])
                .send({ overview: `${cur.body.overview ?? ''}|${marker}` });
              if (res.status === 200) {
                expect(Number(JSON.parse(res.headers['etag']))).toBe(cur.body.version + 1);
                won[id].push(marker);
                break;
              }
              expect(res.status).toBe(412);
              conflicts++;
            }
          }
        }),
      );
      expect(Object.values(won).flat()).toHaveLength(N.edits);
      for (const id of ids) {
        const p = (await t.http.get(`/api/projects/${id}`).set(auth('xining')).expect(200)).body;
        const kept = (p.overview as string).split('|').filter(Boolean);
        // every accepted edit is in the text, once, in the order the versions went up
        expect(kept).toEqual(won[id]);
        expect(p.version).toBe(2 + won[id].length);
      }
      expect(conflicts).toBeGreaterThan(0);
    }, LONG);

    it(`${N.keys} Idempotency-Keys × ${N.retries} concurrent retries: exactly ${N.keys} transitions and ${N.keys} audit rows`, async () => {
      const ids: string[] = [];
      for (let i = 0; i < N.keys; i++) ids.push(await draft(`幂等测试 ${i}`));
      const answers = await Promise.all(
        ids.flatMap((id, i) =>
          Array.from({ length: N.retries }, () =>
            t.http.post(`/api/projects/${id}/transitions`).set(auth('xining')).set('If-Match', '"2"').set('Idempotency-Key', `submit-${i}-${id}`).send({ action: 'submit' }),
          ),
        ),
      );
      expect(answers.map((a) => a.status).filter((s) => s !== 200)).toEqual([]);
      expect(new Set(answers.map((a) => a.body.version))).toEqual(new Set([3]));
      const [{ n: history }] = await ds.query(`SELECT count(*)::int AS n FROM project_history WHERE action = 'submit' AND project_id = ANY($1::uuid[])`, [ids]);
      const [{ n: audits }] = await ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE event = 'project.submit' AND object_id = ANY($1::text[])`, [ids]);
      expect(history).toBe(N.keys);
      expect(audits).toBe(N.keys);
      // the same key with another request is a 422; a new key on the moved-on project is a 412
      const other = await t.http.post(`/api/projects/${ids[0]}/transitions`).set(auth('xining')).set('If-Match', '"2"').set('Idempotency-Key', `submit-0-${ids[0]}`).send({ action: 'withdraw' });
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      await t.http.post(`/api/projects/${ids[0]}/transitions`).set(auth('xining')).set('If-Match', '"2"').set('Idempotency-Key', 'another').send({ action: 'submit' }).expect(412);
      // creates too: a retried create makes one project
      const body = { year: 2027, name: '幂等创建', orgId: orgOf['xining'], frameworkCode: 'mof-2021' };
      const creates = await Promise.all(Array.from({ length: 5 }, () => t.http.post('/api/projects').set(auth('xining')).set('Idempotency-Key', 'create-once').send(body)));
      expect(creates.map((c) => c.status)).toEqual([201, 201, 201, 201, 201]);
      expect(new Set(creates.map((c) => c.body.id)).size).toBe(1);
      await t.http.post('/api/projects').set(auth('xining')).set('Idempotency-Key', 'bad key with spaces').send(body).expect(400);
    }, LONG);
  });

  describe('visibility', () => {
    it('every role × every object endpoint × another unit\'s object: 0 successes', async () => {
      const foreign = await draft('他单位的项目', 'yangpu');
      const approvedForeign = (await t.http.get('/api/projects?status=approved&year=2024').set(auth('czj')).expect(200)).body.items[0].id;
      const calls = (id: string) => [
        ['get', `/api/projects/${id}`],
        ['get', `/api/projects/${id}/findings`],
        ['get', `/api/projects/${id}/history`],
        ['get', `/api/projects/${id}/revisions`],
        ['get', `/api/projects/${id}/revisions/1`],
        ['get', `/api/projects/${id}/diff?from=1`],
        ['get', `/api/projects/${id}/suggestions`],
        ['get', `/api/projects/${id}/evaluation`],
        ['get', `/api/projects/${id}/monitoring`],
        ['get', `/api/projects/${id}/export?form=declaration&format=xlsx`],
        ['patch', `/api/projects/${id}`, { overview: 'x' }],
        ['delete', `/api/projects/${id}`],
        ['put', `/api/projects/${id}/indicators`, { indicators: VALID_ROWS }],
        ['post', `/api/projects/${id}/goals`, { year: 2028 }],
        ['post', `/api/projects/${id}/transitions`, { action: 'submit' }],
        ['post', `/api/projects/${id}/adjustments`, { reason: '调整' }],
        ['post', `/api/projects/${id}/copy-last-year`],
        ['put', `/api/projects/${id}/evaluation`, { budget: { annualBudget: '1.00', executed: '1.00' }, items: [] }],
        ['post', `/api/projects/${id}/evaluation/transitions`, { action: 'submit' }],
        ['put', `/api/projects/${id}/monitoring`, { month: 7, budget: {}, items: [] }],
        ['patch', `/api/projects/${id}/evaluation`, { deductions: [] }],
      ] as const;
      let successes = 0;
      let tried = 0;
      // the Xining filler and the 合作交流办 reviewer (another department) on Yangpu's objects; the admin on everyone's
      for (const user of ['xining', 'hzb', 'admin']) {
        for (const id of [foreign, approvedForeign]) {
          for (const [method, url, body] of calls(id)) {
            const res = await t.http[method](url).set(auth(user)).set('If-Match', '"1"').send(body ?? {});
            tried++;
            if (res.status < 400) successes++;
            expect(res.status).toBeLessThan(500);
          }
        }
      }
      expect(tried).toBe(3 * 2 * calls('x').length);
      expect(successes).toBe(0);
    });
  });

  describe('bad input', () => {
    it(`${N.badRequests} generated bad requests over every endpoint: no 5xx, no internals in any answer`, async () => {
      const id = await draft('模糊测试项目');
      const naughty = [
        "'; DROP TABLE project; --",
        '" OR 1=1 --',
        '<script>alert(1)</script>',
        '${7*7}',
        '../../etc/passwd',
        '\u0000',
        '\ud800',
        '🙂'.repeat(500),
        'ﾟ･✿ヾ╲(｡◕‿◕｡)╱✿･ﾟ',
        '1e309',
        'NaN',
        'Infinity',
        '-1',
        '99999999999999999999.999',
        '0x41',
        '',
        ' ',
        'null',
        'x'.repeat(70_000),
        '2024-02-30',
        '00000000-0000-0000-0000-000000000000',
        'a'.repeat(36),
      ];
      const values: unknown[] = [...naughty, null, true, false, 0, -1, 1.5, 1e308, [], {}, [1, 2], { $gt: '' }, { __proto__: { admin: true } }];
      const endpoints: [string, string][] = [
        ...draftWriteRoutes(id),
        ['post', `/api/projects/${id}/goals`],
        ['post', `/api/projects/${id}/adjustments`],
        ['put', `/api/projects/${id}/evaluation`],
        ['post', `/api/projects/${id}/evaluation/transitions`],
        ['put', `/api/projects/${id}/monitoring`],
        ['patch', `/api/projects/${id}/evaluation`],
        ['post', '/api/export-jobs'],
        ['post', '/api/indicator-library'],
        ['post', '/api/admin/users'],
        ['post', '/api/admin/orgs'],
        ['post', '/api/imports/text'],
        ['get', '/api/projects'],
        ['get', '/api/dashboard'],
        ['get', '/api/monitoring'],
        ['get', '/api/exports'],
        ['get', `/api/projects/${id}/export`],
        ['get', '/api/indicator-library'],
        ['get', `/api/projects/${id}/diff`],
      ];
      const fields = ['year', 'name', 'orgId', 'frameworkCode', 'funds', 'indicators', 'action', 'comment', 'budget', 'items', 'month', 'text', 'username', 'password', 'roles', 'page', 'pageSize', 'q', 'form', 'format', 'target', 'level1', 'from', 'status', 'extra'];
      let seed = 42;
      const rnd = (n: number) => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed % n;
      };
      const pick = <T>(a: readonly T[]) => a[rnd(a.length)];
      const leaks: string[] = [];
      const fives: string[] = [];
      for (let i = 0; i < N.badRequests; i++) {
        const [method, url] = pick(endpoints);
        const body: Record<string, unknown> = {};
        for (let k = rnd(4); k >= 0; k--) body[pick(fields)] = pick(values);
        if (rnd(5) === 0) body['indicators'] = [{ level1: pick(values), level2: pick(values), name: pick(values), target: pick(values) }];
        if (rnd(5) === 0) body['items'] = [{ indicatorId: pick(values), actual: pick(values), score: pick(values) }];
        const user = pick(['xining', 'hzb', 'czj', 'admin', 'yangpu']);
        let req;
        if (method === 'get') {
          const qs = Object.entries(body)
            .map(([k, v]) => {
              const text = typeof v === 'string' ? v.slice(0, 2000) : (JSON.stringify(v) ?? '');
              // a lone surrogate cannot be percent-encoded: send its replacement character
              return `${encodeURIComponent(k)}=${encodeURIComponent(text.replace(/(?<![\ud800-\udbff])[\udc00-\udfff]|[\ud800-\udbff](?![\udc00-\udfff])/g, '\ufffd'))}`;
            })
            .join('&');
          req = t.http.get(`${url}?${qs}`);
        } else {
          req = (t.http[method as 'post'](url) as ReturnType<typeof t.http.post>).set('If-Match', pick(['"1"', '"2"', 'W/"x"', '"99999999999"', '']));
          if (rnd(10) === 0) req = req.set('Content-Type', 'application/json').send(pick(['{', '[]', '"x"', '{"a":', 'null', '\u0000']));
          else req = req.send(body);
        }
        const res = await req.set(auth(user));
        if (res.status >= 500) fives.push(`${method} ${url} ${JSON.stringify(body).slice(0, 200)} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        const text = JSON.stringify(res.body ?? '');
        if (/QueryFailedError|at [A-Za-z.]+ \(|node_modules|SELECT |INSERT |UPDATE \w+ SET|stack/.test(text)) leaks.push(`${method} ${url} → ${text.slice(0, 200)}`);
      }
      expect(fives.slice(0, 5)).toEqual([]);
      expect(leaks.slice(0, 5)).toEqual([]);
      // huge bodies: 413 in the contract's shape
      const huge = await t.http.post('/api/projects').set(auth('xining')).send({ name: 'x'.repeat(2 * 1024 * 1024) });
      expect(huge.status).toBe(413);
      expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
      // amounts: more than 2 decimals, NaN, Infinity, negative are refused, never rounded
      for (const total of ['1.005', 'NaN', 'Infinity', '-1', '1e3']) {
        const r = await t.http.patch(`/api/projects/${id}`).set(auth('xining')).set('If-Match', (await t.http.get(`/api/projects/${id}`).set(auth('xining'))).headers['etag']).send({ funds: { total } });
        expect(r.status).toBe(400);
        expect(r.body.details[0].field).toBe('funds.total');
      }
      // security headers and no caching on the API
      const h = await t.http.get('/api/health');
      expect(h.headers).toMatchObject({ 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY' });
    }, LONG);
  });
});
