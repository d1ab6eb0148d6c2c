import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTestDatabase, login, startTestApp, TEST_DB, type TestApp, type TestDatabase } from './test-app';

const ROOT = path.resolve(__dirname, '../../..');

/** `node scripts/backup.mjs …args` against the database described by `env` (and not the one of this process). */
export function backupScript(args: string[], env: Record<string, string>): string {
  return execFileSync(process.execPath, [path.join(ROOT, 'scripts/backup.mjs'), ...args], {
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: '', ...env },
    encoding: 'utf8',
  });
}

/**
 * The databases and folders of the backup tests, dropped and removed after the file's tests: a source database with
 * the demo data, and a backup of it restored into an empty one.
 */
export function useBackupRound() {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c();
  });
  return {
    /** A new database with the demo data, the app started on it, and xining's auth header and organisation. */
    async source(): Promise<{ db: TestDatabase; t: TestApp; auth: { Authorization: string }; orgId: string }> {
      const db = await createTestDatabase();
      cleanup.push(() => db.drop());
      const t = await startTestApp(db);
      const auth = { Authorization: `Bearer ${await login(t, 'xining')}` };
      const me = (await t.http.get('/api/auth/me').set(auth).expect(200)).body;
      return { db, t, auth, orgId: me.orgId };
    },
    /**
     * `npm run backup` of `db` into a temporary folder, then `restore` into an empty database (a new database on the
     * server, an empty data dir for the embedded one); answers the backup file and the restored database.
     */
    async backupAndRestore(db: TestDatabase): Promise<{ file: string; target: TestDatabase }> {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-backup-'));
      cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
      const file = path.join(dir, TEST_DB === 'postgres' ? 'backup.dump' : 'backup.tar.gz');
      backupScript(['backup', file], db.env);
      let target: TestDatabase;
      if (TEST_DB === 'postgres') {
        target = await createTestDatabase();
      } else {
        const empty = path.join(dir, 'restored');
        target = { env: { DATA_DIR: empty }, drop: async () => fs.rmSync(empty, { recursive: true, force: true }) };
      }
      cleanup.push(() => target.drop());
      backupScript(['restore', file], target.env);
      return { file, target };
    },
    /** Runs `check` on the app started on a restored database (without adding the demo data), closed after. */
    async onRestored(target: TestDatabase, check: (r: TestApp) => Promise<void>): Promise<void> {
      const r = await startTestApp(target, { demo: false });
      try {
        await check(r);
      } finally {
        await r.close();
      }
    },
  };
}
