import { binaryPdf, sha256, uploadPdf } from './attachments-fixtures';
import { useBackupRound } from './backup-tools';
import { binary, login, TEST_DB } from './test-app';

/** 佐证材料 are in the database by default: `npm run backup` / `restore` carry them, byte for byte (issue 17, acceptance 1). */
describe(`backup and restore with attachments (${TEST_DB})`, () => {
  const round = useBackupRound();

  it('a restored database serves the same files with the same SHA-256', async () => {
    const { db, t, auth, orgId } = await round.source();
    const p = await t.http.post('/api/projects').set(auth).send({ year: 2027, name: '备份佐证材料', orgId, frameworkCode: 'mof-2021' }).expect(201);
    const file = binaryPdf(2 * 1024 * 1024 + 77);
    const up = await uploadPdf(t, auth, `/api/targets/${p.body.id}/attachments?purpose=declaration`, file, '测算依据.pdf').expect(201);
    await t.close();

    const { target } = await round.backupAndRestore(db);
    await round.onRestored(target, async (r) => {
      const rauth = { Authorization: `Bearer ${await login(r, 'xining')}` };
      const list = await r.http.get(`/api/targets/${p.body.id}/attachments`).set(rauth).expect(200);
      expect(list.body).toEqual([expect.objectContaining({ id: up.body.id, name: '测算依据.pdf', size: file.length, sha256: sha256(file) })]);
      const got = await r.http.get(`/api/attachments/${up.body.id}`).set(rauth).buffer(true).parse(binary).expect(200);
      expect(Buffer.compare(got.body as Buffer, file)).toBe(0);
    });
  });
});
