import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { binaryPdf, sha256 } from './attachments-fixtures';
import { binary, createTestDatabase, login, startTestApp, TEST_DB, type TestDatabase } from './test-app';

const ROOT = path.resolve(__dirname, '../../..');

function script(args: string[], env: Record<string, string>): void {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/backup.mjs'), ...args], { env: { ...process.env, DATABASE_URL: '', DATA_DIR: '', ...env }, encoding: 'utf8' });
}

/** 佐证材料 are in the database by default: `npm run backup` / `restore` carry them, byte for byte (issue 17, acceptance 1). */
describe(`backup and restore with attachments (${TEST_DB})`, () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanup.reverse()) await c();
  });

  it('a restored database serves the same files with the same SHA-256', async () => {
    const db: TestDatabase = await createTestDatabase();
    cleanup.push(() => db.drop());
    const t = await startTestApp(db);
    const tok = await login(t, 'xining');
    const auth = { Authorization: `Bearer ${tok}` };
    const me = (await t.http.get('/api/auth/me').set(auth).expect(200)).body;
    const p = await t.http.post('/api/projects').set(auth).send({ year: 2027, name: '备份佐证材料', orgId: me.orgId, frameworkCode: 'mof-2021' }).expect(201);
    const file = binaryPdf(2 * 1024 * 1024 + 77);
    const up = await t.http
      .post(`/api/targets/${p.body.id}/attachments?purpose=declaration`)
      .set(auth)
      .set('Content-Type', 'application/pdf')
      .set('X-File-Name', encodeURIComponent('测算依据.pdf'))
      .send(file)
      .expect(201);
    await t.close();

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-att-backup-'));
    cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const backup = path.join(dir, TEST_DB === 'postgres' ? 'backup.dump' : 'backup.tar.gz');
    script(['backup', backup], db.env);
    let target: TestDatabase;
    if (TEST_DB === 'postgres') {
      target = await createTestDatabase();
    } else {
      const empty = path.join(dir, 'restored');
      target = { env: { DATA_DIR: empty }, drop: async () => fs.rmSync(empty, { recursive: true, force: true }) };
    }
    cleanup.push(() => target.drop());
    script(['restore', backup], target.env);

    const r = await startTestApp(target, { demo: false });
    try {
      const rauth = { Authorization: `Bearer ${await login(r, 'xining')}` };
      const list = await r.http.get(`/api/targets/${p.body.id}/attachments`).set(rauth).expect(200);
      expect(list.body).toEqual([expect.objectContaining({ id: up.body.id, name: '测算依据.pdf', size: file.length, sha256: sha256(file) })]);
      const got = await r.http.get(`/api/attachments/${up.body.id}`).set(rauth).buffer(true).parse(binary).expect(200);
      expect(Buffer.compare(got.body as Buffer, file)).toBe(0);
    } finally {
      await r.close();
    }
  });
});
