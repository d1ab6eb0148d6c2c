import type { AddressInfo } from 'node:net';
import * as http from 'node:http';
import { DataSource } from 'typeorm';
import { createTestDatabase, startTestApp, TEST_DB, type TestApp, type TestDatabase } from './test-app';

/**
 * Login throttling (issue 13): one client address that fails 20 times (4 × LOGIN_MAX_FAILURES) within 15 minutes,
 * whatever the names, is refused with 429 and Retry-After; the per-name lock holds per name AND address, so that
 * five wrong passwords from a stranger's machine do not lock `admin` out of its own. Clients are told apart by
 * binding the test's requests to different loopback addresses (127.0.0.x).
 */
describe(`login throttling (${TEST_DB})`, () => {
  let db: TestDatabase;
  let t: TestApp;
  let port = 0;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await startTestApp(db);
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    ds = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  /** POST /api/auth/login from `from` (a loopback address). */
  function loginFrom(from: string, username: string, password: string, forwardedFor?: string): Promise<{ status: number; body: { code?: string; message?: string; mustChangePassword?: boolean }; retryAfter?: string }> {
    return new Promise((resolve, reject) => {
      const data = JSON.stringify({ username, password });
      const req = http.request(
        { host: '127.0.0.1', port, path: '/api/auth/login', method: 'POST', localAddress: from, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data), ...(forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {}) } },
        (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text || '{}'), retryAfter: res.headers['retry-after'] as string | undefined }));
        },
      );
      req.on('error', reject);
      req.end(data);
    });
  }

  it('30 failed logins from one client with 30 different names: refused with 429 and Retry-After from the 21st on, whatever the name', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 30; i++) statuses.push((await loginFrom('127.0.0.11', `guess${i}`, 'Wrong#2027')).status);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual(Array(10).fill(429));
    // even the right password of a real account, from that client
    const blocked = await loginFrom('127.0.0.11', 'xining', 'Demo@2026');
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', message: '此地址登录失败次数过多，请 15 分钟后再试' });
    expect(Number(blocked.retryAfter)).toBeGreaterThan(14 * 60);
    expect(Number(blocked.retryAfter)).toBeLessThanOrEqual(15 * 60);
    // another client is not affected
    expect((await loginFrom('127.0.0.12', 'xining', 'Demo@2026')).status).toBe(200);
    // held in PostgreSQL (every instance sees it); once the window has passed the client may try again
    const [row] = await ds.query(`SELECT failures, blocked_until > now() AS blocked FROM login_throttle WHERE client_ip LIKE '%127.0.0.11'`);
    expect(row).toMatchObject({ failures: 20, blocked: true });
    await ds.query(`UPDATE login_throttle SET blocked_until = now() - interval '1 second', window_start = now() - interval '16 minutes' WHERE client_ip LIKE '%127.0.0.11'`);
    expect((await loginFrom('127.0.0.11', 'xining', 'Demo@2026')).status).toBe(200);
    const denied = await ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE event = 'auth.login' AND result = 'denied' AND details->>'reason' = 'throttled'`);
    expect(denied[0].n).toBe(11);
  });

  it('5 wrong passwords for admin from a stranger lock admin for that client only; admin logs in from its own', async () => {
    for (let i = 0; i < 5; i++) expect((await loginFrom('127.0.0.21', 'admin', `Wrong#${i}x`)).status).toBe(401);
    const locked = await loginFrom('127.0.0.21', 'admin', 'Demo@2026');
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
    expect(Number(locked.retryAfter)).toBeGreaterThan(0);
    const own = await loginFrom('127.0.0.22', 'admin', 'Demo@2026');
    expect(own.status).toBe(200);
    expect(own.body.mustChangePassword).toBe(false);
    // the security administrator sees the lock with the client it came from, and unlocks the name
    const token = (own.body as { accessToken?: string }).accessToken;
    expect(token).toBeDefined();
    const sec = await loginFrom('127.0.0.22', 'security', 'Demo@2026');
    const list = await t.http.get('/api/security/lockouts').set({ Authorization: `Bearer ${(sec.body as { accessToken: string }).accessToken}` }).expect(200);
    expect(list.body).toEqual([expect.objectContaining({ username: 'admin', failures: 5, clientIp: expect.stringMatching(/127\.0\.0\.21$/) })]);
    await t.http.delete('/api/security/lockouts/admin').set({ Authorization: `Bearer ${(sec.body as { accessToken: string }).accessToken}` }).expect(204);
    expect((await loginFrom('127.0.0.21', 'admin', 'Demo@2026')).status).toBe(200);
  });

  it('behind a proxy on a private network (nginx of docker-compose) each client counts for itself', async () => {
    // the proxy at 127.0.0.31 forwards two clients: one locks xining for itself only
    for (let i = 0; i < 5; i++) expect((await loginFrom('127.0.0.31', 'xining', `Wrong#${i}x`, '203.0.113.7')).status).toBe(401);
    expect((await loginFrom('127.0.0.31', 'xining', 'Demo@2026', '203.0.113.7')).status).toBe(429);
    expect((await loginFrom('127.0.0.31', 'xining', 'Demo@2026', '198.51.100.9')).status).toBe(200);
    const [row] = await ds.query(`SELECT client_ip FROM login_attempt WHERE username = 'xining'`);
    expect(row.client_ip).toBe('203.0.113.7');
  });
});
