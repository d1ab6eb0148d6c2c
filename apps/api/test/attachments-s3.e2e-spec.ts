import { signV4 } from '@pt/api/evidence/data-access';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { binaryPdf, chunkedUpload, sha256, uploadPdf } from './attachments-fixtures';
import { binary, createTestDatabase, login, startTestApp, TEST_DB, type TestApp, type TestDatabase } from './test-app';

const CREDS = { accessKey: 'pt-test-key', secretKey: 'pt-test-secret/with+chars', region: 'us-east-1' };

/**
 * A stand-in for an S3-compatible store (no MinIO on this machine): objects in memory by path, each request's SigV4
 * signature recomputed from what arrived (a request signed over other headers than it sends is a 403, as S3 does).
 */
function fakeS3(): Promise<{ url: string; objects: Map<string, Buffer>; requests: string[]; close(): Promise<void> }> {
  const objects = new Map<string, Buffer>();
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      requests.push(`${req.method} ${path}`);
      const auth = String(req.headers['authorization'] ?? '');
      const signed = /SignedHeaders=([^,]+)/.exec(auth)?.[1].split(';') ?? [];
      const headers = Object.fromEntries(signed.filter((h) => h !== 'x-amz-date').map((h) => [h, String(req.headers[h] ?? '')]));
      const amz = String(req.headers['x-amz-date'] ?? '');
      const at = new Date(`${amz.slice(0, 4)}-${amz.slice(4, 6)}-${amz.slice(6, 8)}T${amz.slice(9, 11)}:${amz.slice(11, 13)}:${amz.slice(13, 15)}Z`);
      const expected = signV4({ method: req.method ?? '', path, headers, payloadHash: String(req.headers['x-amz-content-sha256']) }, CREDS, at).authorization;
      if (!signed.includes('host') || auth !== expected) {
        res.writeHead(403).end('SignatureDoesNotMatch');
        return;
      }
      if (req.method === 'PUT') {
        objects.set(path, Buffer.concat(chunks));
        res.writeHead(200).end();
      } else if (req.method === 'GET') {
        const o = objects.get(path);
        if (!o) res.writeHead(404).end();
        else res.writeHead(200, { 'Content-Length': o.length }).end(o);
      } else if (req.method === 'DELETE') {
        objects.delete(path);
        res.writeHead(204).end();
      } else res.writeHead(405).end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        objects,
        requests,
        close: () => new Promise<void>((r) => server.close(() => r())),
      }),
    ),
  );
}

/** 佐证材料 in an S3-compatible store (ATTACHMENT_S3_*): streamed in and out, signed with SigV4, nothing in attachment_chunk. */
describe(`attachments in an S3 store (${TEST_DB})`, () => {
  let s3: Awaited<ReturnType<typeof fakeS3>>;
  let db: TestDatabase;
  let t: TestApp;
  const saved = { ...process.env };

  beforeAll(async () => {
    s3 = await fakeS3();
    Object.assign(process.env, {
      ATTACHMENT_S3_ENDPOINT: s3.url,
      ATTACHMENT_S3_BUCKET: 'pt-evidence',
      ATTACHMENT_S3_ACCESS_KEY: CREDS.accessKey,
      ATTACHMENT_S3_SECRET_KEY: CREDS.secretKey,
    });
    db = await createTestDatabase();
    t = await startTestApp(db);
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
    await s3?.close();
    for (const k of Object.keys(process.env)) if (k.startsWith('ATTACHMENT_S3_') && !(k in saved)) delete process.env[k];
  });

  it('upload, download and delete go to the store, byte for byte', async () => {
    const auth = { Authorization: `Bearer ${await login(t, 'xining')}` };
    const me = (await t.http.get('/api/auth/me').set(auth).expect(200)).body;
    const p = await t.http.post('/api/projects').set(auth).send({ year: 2027, name: 'S3 佐证材料', orgId: me.orgId, frameworkCode: 'mof-2021' }).expect(201);
    const file = binaryPdf(1024 * 1024 + 3);
    const up = await uploadPdf(t, auth, `/api/targets/${p.body.id}/attachments?purpose=declaration`, file, '对象存储.pdf').expect(201);
    expect(up.body).toMatchObject({ size: file.length, sha256: sha256(file) });
    const key = `/pt-evidence/attachments/${up.body.id}`;
    expect(Buffer.compare(s3.objects.get(key) as Buffer, file)).toBe(0);
    const ds = t.app.get(DataSource);
    expect(await ds.query(`SELECT storage, storage_key FROM attachment WHERE id = $1`, [up.body.id])).toEqual([{ storage: 's3', storage_key: `attachments/${up.body.id}` }]);
    expect(await ds.query(`SELECT 1 FROM attachment_chunk`)).toEqual([]);
    const got = await t.http.get(`/api/attachments/${up.body.id}`).set(auth).buffer(true).parse(binary).expect(200);
    expect(Buffer.compare(got.body as Buffer, file)).toBe(0);
    // content refused on its first bytes leaves nothing in the store
    await t.http.post(`/api/targets/${p.body.id}/attachments?purpose=declaration`).set(auth).set('X-File-Name', 'x.pdf').send(Buffer.from('MZ not a pdf')).expect(415);
    expect([...s3.objects.keys()]).toEqual([key]);
    // a streamed upload needs its size first (S3's PUT does)
    const streamed = await chunkedUpload(t, `/api/targets/${p.body.id}/attachments?purpose=declaration`, { ...auth, 'X-File-Name': 'y.pdf' }, 1, Buffer.from('%PDF-1.7\n'));
    expect(streamed.status).toBe(411);
    await t.http.delete(`/api/attachments/${up.body.id}`).set(auth).expect(204);
    expect(s3.objects.size).toBe(0);
  });
});
