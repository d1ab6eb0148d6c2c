import { CHUNK_BYTES } from '@pt/api/evidence/data-access';
import { ATTACHMENT_MAX_BYTES } from '@pt/shared/api-types';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { binaryPdf, chunkedUpload, OLE2_HEAD, PNG_HEAD, sha256 } from './attachments-fixtures';
import { binary, login, TEST_DB, useTestApp, VALID_ROWS } from './test-app';

/**
 * 佐证材料 (issue 17, acceptance 1): a binary file's byte-exact round trip and its SHA-256, the limits (413 from the
 * Content-Length and while streaming, 415 by name and by content), visibility to another organisation (404), who may
 * upload and delete, and the audit rows of uploads, downloads and deletes.
 */
describe(`attachments (${TEST_DB})`, () => {
  const t = useTestApp();
  const tok: Record<string, string> = {};
  const auth = (u: string) => ({ Authorization: `Bearer ${tok[u]}` });
  const sql = <T = Record<string, unknown>>(q: string, params: unknown[] = []) => t.app.get(DataSource).query(q, params) as Promise<T[]>;
  let target = '';
  let indicatorId = '';
  const upload = (user: string, file: Buffer, name: string, query = 'purpose=declaration', base = 'targets') =>
    t.http
      .post(`/api/${base}/${target}/attachments?${query}`)
      .set(auth(user))
      .set('Content-Type', 'application/octet-stream')
      .set('X-File-Name', encodeURIComponent(name))
      .send(file);
  const counts = async () => (await sql<{ a: number; c: number }>(`SELECT (SELECT count(*)::int FROM attachment) AS a, (SELECT count(*)::int FROM attachment_chunk) AS c`))[0];

  beforeAll(async () => {
    for (const u of ['xining', 'hzb', 'yangpu', 'czj']) tok[u] = await login(t, u);
    const me = (await t.http.get('/api/auth/me').set(auth('xining')).expect(200)).body;
    const created = await t.http.post('/api/projects').set(auth('xining')).send({ year: 2027, name: '佐证材料测试项目', orgId: me.orgId, frameworkCode: 'mof-2021' }).expect(201);
    target = created.body.id;
    const put = await t.http.put(`/api/projects/${target}/indicators`).set(auth('xining')).set('If-Match', created.headers['etag']).send({ indicators: VALID_ROWS }).expect(200);
    indicatorId = put.body.goals.find((g: { kind: string }) => g.kind === 'annual').indicators[0].id;
  });

  it('a binary file comes back byte for byte, with its SHA-256 and its UTF-8 name', async () => {
    const file = binaryPdf();
    const name = '签字版 自评表（2027）.pdf';
    const res = await upload('xining', file, name, `purpose=declaration&indicatorId=${indicatorId}`).expect(201);
    expect(res.body).toMatchObject({ name, size: file.length, sha256: sha256(file), contentType: 'application/pdf', purpose: 'declaration', indicatorId });
    const list = await t.http.get(`/api/targets/${target}/attachments`).set(auth('xining')).expect(200);
    expect(list.body).toEqual([expect.objectContaining({ id: res.body.id, name, sha256: sha256(file), createdBy: '西宁办填报人' })]);
    // the department above sees it as it sees the target, under either route
    await t.http.get(`/api/projects/${target}/attachments`).set(auth('hzb')).expect(200);
    const got = await t.http.get(`/api/attachments/${res.body.id}`).set(auth('hzb')).buffer(true).parse(binary).expect(200);
    expect(Buffer.compare(got.body as Buffer, file)).toBe(0);
    expect(sha256(got.body as Buffer)).toBe(res.body.sha256);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-length']).toBe(String(file.length));
    expect(got.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
    // stored in pieces, not as one value
    const [{ n }] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM attachment_chunk WHERE attachment_id = $1`, [res.body.id]);
    expect(n).toBe(Math.ceil(file.length / CHUNK_BYTES));
  });

  it('over 20 MB is a 413, by its Content-Length or while streaming, and nothing is stored', async () => {
    const before = await counts();
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(ATTACHMENT_MAX_BYTES)]);
    const res = await upload('xining', big, '大文件.pdf').expect(413);
    expect(res.body.message).toContain('20 MB');
    // no Content-Length: the size is only known while reading
    const piece = Buffer.alloc(1024 * 1024, 0x41);
    piece.write('%PDF-1.7\n');
    const streamed = await chunkedUpload(t, `/api/targets/${target}/attachments?purpose=declaration`, { ...auth('xining'), 'X-File-Name': encodeURIComponent('流式.pdf') }, 21, piece);
    expect(streamed.status).toBe(413);
    expect(streamed.body.message).toContain('文件过大');
    // a streamed file within the limit is kept
    const ok = await chunkedUpload(t, `/api/targets/${target}/attachments?purpose=declaration`, { ...auth('xining'), 'X-File-Name': encodeURIComponent('流式.pdf') }, 3, piece);
    expect(ok.status).toBe(201);
    expect(await counts()).toEqual({ a: before.a + 1, c: before.c + (3 * piece.length) / CHUNK_BYTES });
  });

  it('a type outside the list is a 415 in Chinese, by its name or by its content, and nothing is stored', async () => {
    const before = await counts();
    for (const [name, content] of [
      ['setup.exe', Buffer.from('MZ\x90\x00\x03\x00\x00\x00')],
      ['page.html', Buffer.from('<html><script>alert(1)</script></html>')],
      ['没有扩展名', Buffer.from('%PDF-1.7\n')],
      ['伪装.pdf', Buffer.concat([PNG_HEAD, Buffer.alloc(100)])],
      ['伪装.docx', Buffer.concat([OLE2_HEAD, Buffer.alloc(100)])],
      ['伪装.png', Buffer.from('%PDF-1.7\n%%EOF')],
      ['short.jpg', Buffer.from([0xff, 0xd8])],
    ] as const) {
      const res = await upload('xining', content, name).expect(415);
      expect(res.body.message).toContain('文件类型不允许');
    }
    expect(await counts()).toEqual(before);
    // the allowed kinds by their content
    await upload('xining', Buffer.concat([PNG_HEAD, Buffer.alloc(64)]), '现场照片.PNG').expect(201);
    await upload('xining', Buffer.concat([OLE2_HEAD, Buffer.alloc(64)]), '台账.xls').expect(201);
    await upload('xining', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0]), '电子发票.ofd').expect(201);
  });

  it('bad parameters are a 400 naming the field', async () => {
    const pdf = Buffer.from('%PDF-1.7\n%%EOF');
    expect((await upload('xining', pdf, 'a.pdf', 'purpose=nonsense').expect(400)).body.details[0].field).toBe('purpose');
    expect((await upload('xining', pdf, 'a.pdf', '').expect(400)).body.details[0].field).toBe('purpose');
    expect((await upload('xining', pdf, 'a.pdf', 'purpose=declaration&indicatorId=not-a-uuid').expect(400)).body.details[0].field).toBe('indicatorId');
    const other = '00000000-0000-4000-8000-000000000000';
    expect((await upload('xining', pdf, 'a.pdf', `purpose=declaration&indicatorId=${other}`).expect(400)).body.details[0].field).toBe('indicatorId');
    const noName = await t.http.post(`/api/targets/${target}/attachments?purpose=declaration`).set(auth('xining')).send(pdf).expect(400);
    expect(noName.body.details[0].field).toBe('X-File-Name');
    expect((await upload('xining', pdf, 'a\u202egpj.pdf').expect(400)).body.details[0].field).toBe('X-File-Name');
    expect((await upload('xining', Buffer.alloc(0), 'empty.pdf').expect(400)).body.details[0].field).toBe('file');
  });

  it('another organisation sees none of it (404); a reviewer reads but does not upload or delete (403)', async () => {
    const [{ id }] = await sql<{ id: string }>(`SELECT id FROM attachment WHERE project_id = $1 AND state = 'stored' ORDER BY created_at LIMIT 1`, [target]);
    await t.http.get(`/api/targets/${target}/attachments`).set(auth('yangpu')).expect(404);
    await t.http.get(`/api/attachments/${id}`).set(auth('yangpu')).expect(404);
    await t.http.delete(`/api/attachments/${id}`).set(auth('yangpu')).expect(404);
    await upload('yangpu', Buffer.from('%PDF-1.7\n'), 'x.pdf').expect(404);
    await t.http.get(`/api/attachments/${id}`).set(auth('czj')).expect(200);
    await upload('hzb', Buffer.from('%PDF-1.7\n'), 'x.pdf').expect(403);
    await t.http.delete(`/api/attachments/${id}`).set(auth('hzb')).expect(403);
    await t.http.get('/api/attachments/not-a-uuid').set(auth('xining')).expect(404);
    // the refused download is in the log as denied, naming the file
    const denied = await sql<{ username: string }>(`SELECT username FROM audit_log WHERE event = 'attachment.download' AND result = 'denied' AND object_id = $1`, [id]);
    expect(denied.map((d) => d.username)).toEqual(['yangpu']);
  });

  it('the zip batch export carries each target’s files beside its form, byte for byte', async () => {
    const file = binaryPdf(300_000);
    await upload('xining', file, '合同/扫描件.pdf', 'purpose=declaration').expect(201);
    const zip = await t.http.get('/api/exports?year=2027&form=declaration&format=zip').set(auth('czj')).buffer(true).parse(binary).expect(200);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-att-zip-'));
    try {
      fs.writeFileSync(path.join(dir, 'batch.zip'), zip.body as Buffer);
      const listing = execFileSync('unzip', ['-Z1', path.join(dir, 'batch.zip')]).toString('utf8').trim().split('\n');
      const form = listing.find((n) => n.endsWith('佐证材料测试项目.pdf')) as string;
      expect(form).toBeDefined();
      const folder = `${form.replace(/\.pdf$/, '')}-佐证材料/`;
      const files = listing.filter((n) => n.startsWith(folder));
      const stored = await t.http.get(`/api/targets/${target}/attachments`).set(auth('czj')).expect(200);
      expect(files).toHaveLength(stored.body.length);
      // the name's path part is dropped on upload; in the zip each file is numbered in upload order
      const entry = files.find((n) => n.endsWith('-扫描件.pdf')) as string;
      expect(Buffer.compare(execFileSync('unzip', ['-p', path.join(dir, 'batch.zip'), entry], { maxBuffer: 64 * 1024 * 1024 }), file)).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('delete removes the file and its pieces; uploads, downloads and deletes are audited', async () => {
    const file = binaryPdf(1024 * 1024 + 5);
    const res = await upload('xining', file, '待删除.pdf', 'purpose=declaration', 'projects').expect(201);
    await t.http.get(`/api/attachments/${res.body.id}`).set(auth('xining')).buffer(true).parse(binary).expect(200);
    await t.http.delete(`/api/attachments/${res.body.id}`).set(auth('xining')).expect(204);
    await t.http.get(`/api/attachments/${res.body.id}`).set(auth('xining')).expect(404);
    expect(await sql(`SELECT 1 FROM attachment_chunk WHERE attachment_id = $1`, [res.body.id])).toEqual([]);
    const rows = await sql<{ event: string; result: string; object_id: string; username: string; details: Record<string, unknown> }>(
      `SELECT event, result, object_id, username, details FROM audit_log WHERE event LIKE 'attachment.%' AND (object_id = $1 OR details->>'attachmentId' = $1) ORDER BY id`,
      [res.body.id],
    );
    expect(rows.map((r) => [r.event, r.result, r.username])).toEqual([
      ['attachment.upload', 'ok', 'xining'],
      ['attachment.download', 'ok', 'xining'],
      ['attachment.delete', 'ok', 'xining'],
    ]);
    expect(rows[0].object_id).toBe(target);
    expect(rows[0].details).toMatchObject({ name: '待删除.pdf', size: file.length, sha256: sha256(file), purpose: 'declaration' });
    expect(rows[1].details).toMatchObject({ objectName: '待删除.pdf', sha256: sha256(file) });
  });
});
