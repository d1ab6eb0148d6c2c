import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AuditService } from '@pt/api/core';
import { DataSource } from 'typeorm';
import { createTestDatabase, login, startTestApp, TEST_DB, type TestDatabase } from './test-app';

const ROOT = path.resolve(__dirname, '../../..');

/** Row count and checksum of every table of the schema. */
async function snapshot(ds: DataSource): Promise<Record<string, { n: number; sum: string }>> {
  const tables: { name: string }[] = await ds.query(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  const out: Record<string, { n: number; sum: string }> = {};
  for (const { name } of tables) {
    const [r] = await ds.query(`SELECT count(*)::int AS n, coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS sum FROM "${name}" t`);
    out[name] = r;
  }
  return out;
}

function script(args: string[], env: Record<string, string>): string {
  return execFileSync(process.execPath, [path.join(ROOT, 'scripts/backup.mjs'), ...args], {
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: '', ...env },
    encoding: 'utf8',
  });
}

/** Backup and restore (issue 6, acceptance 6): pg_dump / pg_restore for a server, a consistent copy of the embedded data dir. */
describe(`backup and restore (${TEST_DB})`, () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c();
  });

  it('backup, then restore into an empty database: identical row counts and checksums, the audit chain intact', async () => {
    const db: TestDatabase = await createTestDatabase();
    cleanup.push(() => db.drop());
    const t = await startTestApp(db);
    const tok = await login(t, 'xining');
    const me = (await t.http.get('/api/auth/me').set({ Authorization: `Bearer ${tok}` }).expect(200)).body;
    await t.http.post('/api/projects').set({ Authorization: `Bearer ${tok}` }).send({ year: 2027, name: '备份测试项目', orgId: me.orgId, frameworkCode: 'mof-2021' }).expect(201);
    const before = await snapshot(t.app.get(DataSource));
    await t.close();
    expect(before['project'].n).toBeGreaterThan(5);
    expect(before['audit_log'].n).toBeGreaterThan(0);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-backup-'));
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, TEST_DB === 'postgres' ? 'backup.dump' : 'backup.tar.gz');
    script(['backup', file], db.env);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);

    // an empty database to restore into: a new database on the server, an empty data dir for the embedded one
    let target: TestDatabase;
    if (TEST_DB === 'postgres') {
      target = await createTestDatabase();
    } else {
      const empty = path.join(dir, 'restored');
      target = { env: { DATA_DIR: empty }, drop: async () => fs.rmSync(empty, { recursive: true, force: true }) };
    }
    cleanup.push(() => target.drop());
    script(['restore', file], target.env);
    // restoring over a database that exists is refused (embedded) / fails without harm (server)
    expect(() => script(['restore', file], target.env)).toThrow();

    const r = await startTestApp(target, { demo: false });
    try {
      const after = await snapshot(r.app.get(DataSource));
      expect(after).toEqual(before);
      expect(await r.app.get(AuditService).verify()).toMatchObject({ ok: true });
      // and it works: the demo user logs in on the restored database
      await login(r, 'xining');
    } finally {
      await r.close();
    }
  });
});
