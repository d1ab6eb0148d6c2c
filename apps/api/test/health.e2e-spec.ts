import { DataSource } from 'typeorm';
import { MIGRATIONS } from '@pt/api/core';
import { createTestDatabase, startTestApp, TEST_DB, useTestApp } from './test-app';

describe(`health, docs, migrations (${TEST_DB})`, () => {
  const t = useTestApp();

  it('GET /api/health answers ok with the database up', async () => {
    const res = await t.http.get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', db: 'up' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('ran every migration at start and left synchronize off', async () => {
    const ds = t.app.get(DataSource);
    expect(ds.options.synchronize).toBe(false);
    const ran = await ds.query('SELECT name FROM migrations ORDER BY id');
    // every migration class, in order, exactly once
    expect(ran.map((r: { name: string }) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(ran[0].name).toBe('Init1732200000000');
    const tables = await ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`);
    expect(tables.map((r: { table_name: string }) => r.table_name)).toEqual(
      expect.arrayContaining(['app_user', 'migrations', 'org', 'user_session', 'project', 'indicator', 'project_history', 'project_revision', 'indicator_library']),
    );
  });

  it('serves OpenAPI as JSON and as a page', async () => {
    const json = await t.http.get('/api/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/auth/login', '/api/auth/me']));
    const page = await t.http.get('/api/docs').expect(200);
    expect(page.text).toContain('swagger');
  });

  it('answers an unknown API path with a 404 in the contract shape', async () => {
    const res = await t.http.get('/api/no-such-thing').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    expect(typeof res.body.message).toBe('string');
  });

  it('answers 503 with db down once the database is gone, never a 5xx stack', async () => {
    const other = await createTestDatabase();
    const t2 = await startTestApp(other, { demo: false });
    try {
      await t2.app.get(DataSource).destroy();
      const res = await t2.http.get('/api/health').expect(503);
      expect(res.body).toEqual({ status: 'error', db: 'down' });
    } finally {
      await t2.close().catch(() => undefined);
      await other.drop();
    }
  });
});
