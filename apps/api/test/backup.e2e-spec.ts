import * as fs from 'node:fs';
import { AuditService } from '@pt/api/core';
import { DataSource } from 'typeorm';
import { backupScript, useBackupRound } from './backup-tools';
import { login, TEST_DB } from './test-app';

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

/** Backup and restore (issue 6, acceptance 6): pg_dump / pg_restore for a server, a consistent copy of the embedded data dir. */
describe(`backup and restore (${TEST_DB})`, () => {
  const round = useBackupRound();

  it('backup, then restore into an empty database: identical row counts and checksums, the audit chain intact', async () => {
    const { db, t, auth, orgId } = await round.source();
    await t.http.post('/api/projects').set(auth).send({ year: 2027, name: '备份测试项目', orgId, frameworkCode: 'mof-2021' }).expect(201);
    const before = await snapshot(t.app.get(DataSource));
    await t.close();
    expect(before['project'].n).toBeGreaterThan(5);
    expect(before['audit_log'].n).toBeGreaterThan(0);

    const { file, target } = await round.backupAndRestore(db);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
    // restoring over a database that exists is refused (embedded) / fails without harm (server)
    expect(() => backupScript(['restore', file], target.env)).toThrow();

    await round.onRestored(target, async (r) => {
      const after = await snapshot(r.app.get(DataSource));
      expect(after).toEqual(before);
      expect(await r.app.get(AuditService).verify()).toMatchObject({ ok: true });
      // and it works: the demo user logs in on the restored database
      await login(r, 'xining');
    });
  });
});
