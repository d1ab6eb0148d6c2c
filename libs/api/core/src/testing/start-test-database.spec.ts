import { MIGRATIONS } from '../lib/database/migrations';
import { startTestDatabase, type TestDatabase } from './start-test-database';

describe('startTestDatabase', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await startTestDatabase();
  }, 60_000);
  afterAll(() => db?.stop());

  it('gives a database with every migration run', async () => {
    const ran: { name: string }[] = await db.manager.query('SELECT name FROM migrations ORDER BY id');
    expect(ran.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => new m().name));
  });

  it('reads and writes through TypeORM in a transaction', async () => {
    const code = await db.dataSource.transaction(async (m) => {
      await m.query(`INSERT INTO org (code, name, kind) VALUES ('T1', '测试单位', 'unit')`);
      const rows: { code: string }[] = await m.query(`SELECT code FROM org WHERE code = 'T1'`);
      return rows[0]?.code;
    });
    expect(code).toBe('T1');
  });

  it('starts each database empty, from the migrated template', async () => {
    const second = await startTestDatabase();
    try {
      const rows: { n: string }[] = await second.manager.query(`SELECT count(*) AS n FROM org WHERE code = 'T1'`);
      expect(rows[0].n).toBe('0');
    } finally {
      await second.stop();
    }
  }, 60_000);
});
