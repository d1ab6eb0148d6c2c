import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { binary, createTestDatabase, login, startTestApp, TEST_DB, type TestApp, type TestDatabase } from './test-app';

async function sheetNames(file: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ArrayBuffer);
  return wb.worksheets.map((w) => w.name);
}

const QUERY = { year: 2024, form: 'declaration', format: 'xlsx' };

/**
 * Batch exports as background jobs (issue 13): queued per user with a cap, run by a bounded worker (one job per
 * user at a time, across instances), progress, cancel, the file kept in the database for download, owners only;
 * direct batch downloads bounded per user (429 with Retry-After).
 */
describe(`export jobs (${TEST_DB})`, () => {
  let db: TestDatabase;
  let t: TestApp;
  const tok: Record<string, string> = {};
  const auth = (u: string) => ({ Authorization: `Bearer ${tok[u]}` });
  const sql = <T = Record<string, unknown>>(q: string, params: unknown[] = []) => t.app.get(DataSource).query(q, params) as Promise<T[]>;
  const loginAll = async () => {
    for (const u of ['czj', 'hzb', 'ypb']) tok[u] = await login(t, u);
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    // first without workers: the queue can be looked at while nothing runs
    t = await startTestApp(db, { env: { EXPORT_WORKERS: '0' } });
    await loginAll();
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('a queued job is the owner’s alone: 202 with its place in the queue, 404 for anyone else, no file before it is done', async () => {
    const res = await t.http.post('/api/export-jobs').set(auth('czj')).send(QUERY).expect(202);
    expect(res.body).toMatchObject({ status: 'queued', done: 0, total: null, query: QUERY, fileName: null });
    expect(res.body.position).toBeGreaterThanOrEqual(1);
    const id = res.body.id as string;
    expect((await t.http.get('/api/export-jobs').set(auth('czj')).expect(200)).body.map((j: { id: string }) => j.id)).toContain(id);
    await t.http.get(`/api/export-jobs/${id}`).set(auth('hzb')).expect(404);
    await t.http.get(`/api/export-jobs/${id}/file`).set(auth('hzb')).expect(404);
    await t.http.delete(`/api/export-jobs/${id}`).set(auth('hzb')).expect(404);
    expect((await t.http.get('/api/export-jobs').set(auth('hzb')).expect(200)).body).toEqual([]);
    const early = await t.http.get(`/api/export-jobs/${id}/file`).set(auth('czj')).expect(409);
    expect(early.headers['content-type']).toMatch(/application\/json/);
    expect(early.body.message).toMatch(/尚未完成/);
    await t.http.get('/api/export-jobs/not-a-uuid').set(auth('czj')).expect(404);
  });

  it('bad queries are 400 with the field named; a user may have at most 20 jobs queued or running (429)', async () => {
    const bad = await t.http.post('/api/export-jobs').set(auth('ypb')).send({ year: 2024, form: 'publication', format: 'pdf' }).expect(400);
    expect(bad.body.details[0].field).toBe('format');
    await t.http.post('/api/export-jobs').set(auth('ypb')).send({ year: 'x', form: 'declaration', format: 'xlsx' }).expect(400);
    await t.http.post('/api/export-jobs').set(auth('ypb')).send({ year: 2024, form: 'nope', format: 'xlsx' }).expect(400);
    await Promise.all(Array.from({ length: 20 }, () => t.http.post('/api/export-jobs').set(auth('ypb')).send(QUERY).expect(202)));
    const over = await t.http.post('/api/export-jobs').set(auth('ypb')).send(QUERY).expect(429);
    expect(over.body.message).toMatch(/20/);
    // cancelling one makes room again
    const [first] = (await t.http.get('/api/export-jobs').set(auth('ypb')).expect(200)).body as { id: string }[];
    await t.http.delete(`/api/export-jobs/${first.id}`).set(auth('ypb')).expect(204);
    expect((await t.http.get(`/api/export-jobs/${first.id}`).set(auth('ypb')).expect(200)).body.status).toBe('cancelled');
    await t.http.post('/api/export-jobs').set(auth('ypb')).send(QUERY).expect(202);
    await t.http.post('/api/export-jobs').set(auth('ypb')).send(QUERY).expect(429);
    // leave the queue to the next test with only czj's job and one of hzb's
    await sql(`DELETE FROM export_job WHERE user_id = (SELECT id FROM app_user WHERE username = 'ypb')`);
  });

  it('a worker runs the jobs: progress to the end, the file equals the direct export, one job per user at a time, dead jobs taken again', async () => {
    await t.http.post('/api/export-jobs').set(auth('czj')).send(QUERY).expect(202);
    const hzbJob = (await t.http.post('/api/export-jobs').set(auth('hzb')).send({ year: 2020, form: 'declaration', format: 'pdf' }).expect(202)).body.id;
    // another instance is running a job of ypb's and died: its heartbeat is old
    const [dead] = await sql<{ id: string }>(
      `INSERT INTO export_job (user_id, query, status, started_at, heartbeat_at)
       SELECT id, $1::jsonb, 'running', now() - interval '10 minutes', now() - interval '10 minutes' FROM app_user WHERE username = 'ypb' RETURNING id`,
      [JSON.stringify({ year: 2024, form: 'publication', format: 'xlsx' })],
    );
    // another instance is running a job of xining's right now (fresh heartbeat): xining's queued job must wait for it
    const [busy] = await sql<{ id: string }>(
      `INSERT INTO export_job (user_id, query, status, started_at, heartbeat_at)
       SELECT id, $1::jsonb, 'running', now(), now() FROM app_user WHERE username = 'xining' RETURNING id`,
      [JSON.stringify(QUERY)],
    );
    const [waiting] = await sql<{ id: string }>(
      `INSERT INTO export_job (user_id, query) SELECT id, $1::jsonb FROM app_user WHERE username = 'xining' RETURNING id`,
      [JSON.stringify({ year: 2020, form: 'declaration', format: 'xlsx' })],
    );
    await t.close();
    t = await startTestApp(db, { env: { EXPORT_WORKERS: '2' } });
    await loginAll();

    const waitDone = async (user: string, id: string) => {
      for (let i = 0; i < 120; i++) {
        const j = (await t.http.get(`/api/export-jobs/${id}`).set(auth(user)).expect(200)).body;
        if (!['queued', 'running'].includes(j.status)) return j;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`job ${id} did not finish`);
    };
    const czjJobs = (await t.http.get('/api/export-jobs').set(auth('czj')).expect(200)).body as { id: string }[];
    expect(czjJobs).toHaveLength(2);
    // czj's two jobs never ran side by side
    const seen: string[][] = [];
    for (let i = 0; i < 200; i++) {
      const running = await sql<{ id: string }>(`SELECT j.id FROM export_job j JOIN app_user u ON u.id = j.user_id WHERE u.username = 'czj' AND j.status = 'running'`);
      seen.push(running.map((r) => r.id));
      const left = await sql(`SELECT 1 FROM export_job j JOIN app_user u ON u.id = j.user_id WHERE u.username = 'czj' AND j.status IN ('queued', 'running')`);
      if (left.length === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(Math.max(...seen.map((s) => s.length))).toBeLessThanOrEqual(1);

    const direct = (await t.http.get('/api/exports?year=2024&form=declaration&format=xlsx').set(auth('czj')).buffer(true).parse(binary).expect(200)).body as Buffer;
    for (const { id } of czjJobs) {
      const job = await waitDone('czj', id);
      expect(job).toMatchObject({ status: 'done', fileName: '2024年-申报表.xlsx', error: null });
      expect(job.total).toBeGreaterThan(0);
      expect(job.done).toBe(job.total);
      expect(new Date(job.expiresAt).getTime() - Date.now()).toBeGreaterThan(23 * 3600_000);
      const file = await t.http.get(`/api/export-jobs/${id}/file`).set(auth('czj')).buffer(true).parse(binary).expect(200);
      expect(file.headers['content-type']).toMatch(/spreadsheetml/);
      expect(file.headers['content-disposition']).toContain(encodeURIComponent('2024年-申报表.xlsx'));
      expect(Number(job.size)).toBe((file.body as Buffer).length);
      expect(await sheetNames(file.body as Buffer)).toEqual(await sheetNames(direct));
    }
    const pdfJob = await waitDone('hzb', hzbJob);
    expect(pdfJob.status).toBe('done');
    const pdf = await t.http.get(`/api/export-jobs/${hzbJob}/file`).set(auth('hzb')).buffer(true).parse(binary).expect(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    // two workers were free all along, yet xining's job waited for xining's other one; once that ends, it runs
    const statusOf = async (id: string) => (await sql<{ status: string }>(`SELECT status FROM export_job WHERE id = $1`, [id]))[0].status;
    expect(await statusOf(waiting.id)).toBe('queued');
    await sql(`UPDATE export_job SET status = 'done', finished_at = now() WHERE id = $1`, [busy.id]);
    for (let i = 0; i < 100 && ['queued', 'running'].includes(await statusOf(waiting.id)); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await statusOf(waiting.id)).toBe('done');
    // the dead job is requeued by the stale check and finished here
    const revived = await waitDone('ypb', dead.id);
    expect(revived.status).toBe('done');
    expect(revived.fileName).toBe('2024年-绩效目标公开清单.xlsx');

    // a finished job deleted by its owner takes its file with it
    await t.http.delete(`/api/export-jobs/${hzbJob}`).set(auth('hzb')).expect(204);
    await t.http.get(`/api/export-jobs/${hzbJob}`).set(auth('hzb')).expect(404);
    expect(await sql(`SELECT 1 FROM export_job_chunk WHERE job_id = $1`, [hzbJob])).toHaveLength(0);
  });

  it('a cancelled running job stops and keeps no file; a failing one says why', async () => {
    // many projects, so that the job is still running when it is cancelled
    const [{ org_id }] = await sql<{ org_id: string }>(`SELECT org_id FROM app_user WHERE username = 'hzb'`);
    await sql(
      `INSERT INTO project (org_id, name, year, framework_code)
       SELECT $1, '取消测试项目' || g, 2033, 'mof-2021' FROM generate_series(1, 400) g`,
      [org_id],
    );
    // checked when queued, as a direct export is: Word is limited to 100 projects
    const word = await t.http.post('/api/export-jobs').set(auth('hzb')).send({ year: 2033, form: 'declaration', format: 'docx' }).expect(400);
    expect(word.body.details[0]).toMatchObject({ field: 'format', message: expect.stringContaining('400') });
    const id = (await t.http.post('/api/export-jobs').set(auth('hzb')).send({ year: 2033, form: 'declaration', format: 'pdf' }).expect(202)).body.id;
    for (let i = 0; i < 200; i++) {
      const j = (await t.http.get(`/api/export-jobs/${id}`).set(auth('hzb')).expect(200)).body;
      if (j.status === 'running' && j.done > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await t.http.delete(`/api/export-jobs/${id}`).set(auth('hzb')).expect(204);
    const j = (await t.http.get(`/api/export-jobs/${id}`).set(auth('hzb')).expect(200)).body;
    expect(j.status).toBe('cancelled');
    await new Promise((r) => setTimeout(r, 1500));
    expect((await t.http.get(`/api/export-jobs/${id}`).set(auth('hzb')).expect(200)).body.status).toBe('cancelled');
    expect(await sql(`SELECT 1 FROM export_job_chunk WHERE job_id = $1`, [id])).toHaveLength(0);
    await t.http.get(`/api/export-jobs/${id}/file`).set(auth('hzb')).expect(409);

    // a job whose owner was disabled meanwhile fails, and says why
    const [failing] = await sql<{ id: string }>(
      `INSERT INTO export_job (user_id, query) SELECT id, $1::jsonb FROM app_user WHERE username = 'xining' RETURNING id`,
      [JSON.stringify(QUERY)],
    );
    await sql(`UPDATE app_user SET disabled = true WHERE username = 'xining'`);
    let status = '';
    for (let i = 0; i < 100 && status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      [{ status }] = await sql<{ status: string }>(`SELECT status FROM export_job WHERE id = $1`, [failing.id]);
    }
    const [row] = await sql<{ status: string; error: string }>(`SELECT status, error FROM export_job WHERE id = $1`, [failing.id]);
    expect(row).toEqual({ status: 'failed', error: '账号已停用，导出任务未执行' });
    await sql(`UPDATE app_user SET disabled = false WHERE username = 'xining'`);
  });

  it('direct batch downloads: one at a time per user, the second answered 429 with Retry-After', async () => {
    const first = t.http.get('/api/exports?year=2033&form=declaration&format=pdf').set(auth('hzb')).buffer(true).parse(binary);
    const firstDone = first.then((r) => r);
    // the first one holds its slot while it renders 400 projects
    await new Promise((r) => setTimeout(r, 300));
    const second = await t.http.get('/api/exports?year=2024&form=declaration&format=xlsx').set(auth('hzb'));
    expect(second.status).toBe(429);
    expect(second.headers['retry-after']).toBe('5');
    expect(second.headers['content-type']).toMatch(/application\/json/);
    expect(second.body.message).toMatch(/后台导出/);
    // someone else is not held up by hzb's download
    await t.http.get('/api/exports?year=2024&form=declaration&format=xlsx').set(auth('czj')).expect(200);
    expect((await firstDone).status).toBe(200);
    await t.http.get('/api/exports?year=2024&form=declaration&format=xlsx').set(auth('hzb')).expect(200);
  });
});
