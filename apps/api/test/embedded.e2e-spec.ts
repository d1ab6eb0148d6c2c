import { DataDirLockedError, startEmbeddedPostgres } from '@pt/api/core';
import { TEST_DB, useTestApp } from './test-app';

// Only meaningful without DATABASE_URL: jest.e2e.config.cts leaves this file out when TEST_DB=postgres.
describe(`embedded database (PGlite, ${TEST_DB})`, () => {
  const t = useTestApp();

  it('refuses a second server on the same data directory with a clear message', async () => {
    await expect(startEmbeddedPostgres(t.db.env['DATA_DIR'])).rejects.toThrow(DataDirLockedError);
    await expect(startEmbeddedPostgres(t.db.env['DATA_DIR'])).rejects.toThrow(/正被另一个进程/);
  });

  it('keeps the data across a restart and frees the directory when stopped', async () => {
    await t.http.post('/api/auth/login').send({ username: 'xining', password: 'Demo@2026' }).expect(200);
    await t.restart();
    const res = await t.http.post('/api/auth/login').send({ username: 'xining', password: 'Demo@2026' }).expect(200);
    expect(res.body.user.orgName).toBe('上海市人民政府驻西宁办事处');
  });
});
