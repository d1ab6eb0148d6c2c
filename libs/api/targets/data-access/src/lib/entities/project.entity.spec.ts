import { columns, type RowOf } from '@pt/api/core';
import { startTestDatabase, type TestDatabase } from '@pt/api/core/testing';
import { ProjectEntity } from './project.entity';

describe('ProjectEntity on the migrated schema', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await startTestDatabase({ entities: [ProjectEntity] });
  }, 60_000);
  afterAll(() => db?.stop());

  it('saves through a repository and reads back by hand-written SQL with a checked row type', async () => {
    const [org]: { id: string }[] = await db.manager.query(`INSERT INTO org (code, name, kind) VALUES ('U1', '单位', 'unit') RETURNING id`);
    const saved = await db.manager.getRepository(ProjectEntity).save({ orgId: org.id, year: 2026, name: '项目', frameworkCode: 'mof-2021', status: 'draft', version: 1, fundTotal: '12.50' });
    const cols = columns<ProjectEntity>()('id', 'name', 'fund_total', 'version');
    const rows: RowOf<typeof cols>[] = await db.manager.query(`SELECT ${cols.sql('p')} FROM project p WHERE p.id = $1`, [saved.id]);
    expect(rows).toEqual([{ id: saved.id, name: '项目', fund_total: '12.50', version: 1 }]);
  });
});
