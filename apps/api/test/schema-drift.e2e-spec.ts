import { snakeCase } from '@pt/api/core';
import { DataSource } from 'typeorm';
import { createTestDatabase, startTestApp, TEST_DB, type TestApp, type TestDatabase } from './test-app';

/**
 * The entities are the description of the schema, the migrations its history: after every migration has run, the
 * entities the app registers must describe exactly the tables there are. A change made on one side only (a column
 * added by hand to a migration, an entity property without its migration) fails here; `npm run db:migration --
 * <Name>` writes the migration of an entity change.
 */
describe(`schema: entities and migrations agree (${TEST_DB})`, () => {
  let db: TestDatabase;
  let t: TestApp;
  let ds: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase();
    t = await startTestApp(db, { demo: false });
    ds = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('needs no schema change to match the entities', async () => {
    const sql = await ds.driver.createSchemaBuilder().log();
    const up = sql.upQueries.map((q) => `${q.query}${q.parameters?.length ? `  -- ${JSON.stringify(q.parameters)}` : ''}`);
    // printed in full when it fails: the statements that would make the database match the entities
    expect(up.join(';\n')).toBe('');
  });

  it('has an entity for every table', async () => {
    const rows: { table_name: string }[] = await ds.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY 1`,
    );
    const described = new Set(ds.entityMetadatas.map((m) => m.tableName));
    expect(rows.map((r) => r.table_name).filter((t) => !described.has(t))).toEqual([]);
    expect(rows.length).toBeGreaterThanOrEqual(21);
  });

  it('names every column as the row types expect: the snake_case of its property, and no relation properties', () => {
    const misnamed = ds.entityMetadatas.flatMap((m) =>
      m.columns.filter((c) => c.databaseName !== snakeCase(c.propertyName)).map((c) => `${m.tableName}.${c.databaseName} ← ${m.name}.${c.propertyName}`),
    );
    expect(misnamed).toEqual([]);
    expect(ds.entityMetadatas.filter((m) => m.relations.length > 0).map((m) => m.name)).toEqual([]);
  });
});
