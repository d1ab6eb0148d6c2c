import { dataSourceOptions, snakeCase, startEmbeddedPostgres } from '@pt/api/core';
import { DataSource, type DataSourceOptions } from 'typeorm';
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
  let closed = false;
  beforeAll(async () => {
    db = await createTestDatabase();
    t = await startTestApp(db, { demo: false });
    ds = t.app.get(DataSource);
  });
  afterAll(async () => {
    if (!closed) await t?.close();
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

  it('builds from the entities the same columns, keys, checks and indexes as the migrations did', async () => {
    // TypeORM's comparison above ignores check expressions and index predicates: build the schema of the entities
    // in a scratch schema next to the migrated one and compare the catalogues, definition by definition. The app
    // is stopped first, so that one connection does it all (PGlite serves one).
    const entities = ds.entityMetadatas.map((m) => m.target);
    await t.close();
    closed = true;
    const embedded = TEST_DB === 'embedded' ? await startEmbeddedPostgres(db.env['DATA_DIR']) : null;
    const scratch = new DataSource({ ...dataSourceOptions(embedded ? embedded.url : db.env['DATABASE_URL'], 1), schema: 'entity_check', entities } as DataSourceOptions);
    try {
      await scratch.initialize();
      await scratch.query('CREATE SCHEMA entity_check');
      await scratch.synchronize();
      const [migrated, built] = [await catalogue(scratch, 'public'), await catalogue(scratch, 'entity_check')];
      const missing = migrated.filter((d) => !built.includes(d));
      const extra = built.filter((d) => !migrated.includes(d));
      expect({ missing, extra }).toEqual(KNOWN_DIFFERENCES);
    } finally {
      if (scratch.isInitialized) await scratch.destroy();
      await embedded?.stop();
    }
  });
});

/** What an entity cannot say; each with its reason (the entity has the same in a comment). */
const KNOWN_DIFFERENCES = {
  // an entity index has no column order
  missing: [
    'index export_job.export_job_user_idx: CREATE INDEX export_job_user_idx ON export_job USING btree (user_id, created_at DESC)',
    // an entity index has no expression (the characters and year of the name search, migration 1734200000000)
    "index project.project_name_chars_idx: CREATE INDEX project_name_chars_idx ON project USING gin (((string_to_array(lower((name)::text), NULL::text) || ('#'::text || (year)::text))))",
    // nor INCLUDE columns (a status's and a year's targets without the table, migrations 1734100000000 and 1734200000000)
    'index project.project_status_idx: CREATE INDEX project_status_idx ON project USING btree (status, updated_at) INCLUDE (org_id, kind, year)',
    'index project.project_year_org_name_idx: CREATE INDEX project_year_org_name_idx ON project USING btree (year, org_id) INCLUDE (kind, status, id, name, fund_annual_total)',
  ],
  extra: ['index export_job.export_job_user_idx: CREATE INDEX export_job_user_idx ON export_job USING btree (user_id, created_at)'],
};

/** Every column, constraint and index of a schema as one line each, without the schema's name. */
async function catalogue(ds: DataSource, schema: string): Promise<string[]> {
  const strip = (s: string | null) => (s ?? '').split(`${schema}.`).join('');
  const columns: Record<string, string | null>[] = await ds.query(
    `SELECT table_name, column_name, data_type, udt_name, character_maximum_length, numeric_precision, numeric_scale, is_nullable, column_default
       FROM information_schema.columns WHERE table_schema = $1 AND table_name <> 'migrations'`,
    [schema],
  );
  const constraints: { t: string; name: string; def: string }[] = await ds.query(
    `SELECT cl.relname AS t, co.conname AS name, pg_get_constraintdef(co.oid) AS def
       FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid JOIN pg_namespace n ON n.oid = co.connamespace
      WHERE n.nspname = $1 AND cl.relname <> 'migrations'`,
    [schema],
  );
  const indexes: { t: string; name: string; def: string }[] = await ds.query(
    `SELECT tablename AS t, indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = $1 AND tablename <> 'migrations'`,
    [schema],
  );
  return [
    ...columns.map((c) => `column ${c['table_name']}.${c['column_name']}: ${[c['data_type'], c['udt_name'], c['character_maximum_length'], c['numeric_precision'], c['numeric_scale'], c['is_nullable'], strip(c['column_default'])].join(' ')}`),
    ...constraints.map((c) => `constraint ${c.t}.${c.name}: ${strip(c.def)}`),
    ...indexes.map((i) => `index ${i.t}.${i.name}: ${strip(i.def)}`),
  ].sort();
}
