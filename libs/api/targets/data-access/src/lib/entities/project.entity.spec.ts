import { columns, type RowOf } from '@pt/api/core';
import { startTestDatabase, type TestDatabase } from '@pt/api/core/testing';
import { AUTH_ENTITIES } from '@pt/api/auth';
import { FRAMEWORK_ENTITIES } from '@pt/api/frameworks';
import { TARGET_ENTITIES } from './index';
import { ProjectEntity } from './project.entity';

describe('ProjectEntity on the migrated schema', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    // the tables a project references (org, app_user, the framework versions) come with their entities
    db = await startTestDatabase({ entities: [...TARGET_ENTITIES, ...AUTH_ENTITIES, ...FRAMEWORK_ENTITIES] });
  }, 60_000);
  afterAll(() => db?.stop());

  it('saves through a repository and reads back by hand-written SQL with a checked row type', async () => {
    const [org]: { id: string }[] = await db.manager.query(`INSERT INTO org (code, name, kind) VALUES ('U1', '单位', 'unit') RETURNING id`);
    const saved = await db.manager.getRepository(ProjectEntity).save({ orgId: org.id, year: 2026, name: '项目', frameworkCode: 'mof-2021', fundTotal: '12.50' });
    const cols = columns<ProjectEntity>()('id', 'name', 'fund_total', 'status', 'version', 'revision');
    const rows: RowOf<typeof cols>[] = await db.manager.query(`SELECT ${cols.sql('p')} FROM project p WHERE p.id = $1`, [saved.id]);
    // the database's defaults, as the entity declares them
    expect(rows).toEqual([{ id: saved.id, name: '项目', fund_total: '12.50', status: 'draft', version: 1, revision: 1 }]);
  });

  it('refuses a project of an unknown framework version by the foreign key the entity declares', async () => {
    const [org]: { id: string }[] = await db.manager.query(`INSERT INTO org (code, name, kind) VALUES ('U2', '单位二', 'unit') RETURNING id`);
    await expect(db.manager.getRepository(ProjectEntity).insert({ orgId: org.id, year: 2026, name: '项目', frameworkCode: 'mof-2021', frameworkVersion: 99 })).rejects.toThrow(
      /project_framework_version_fk/,
    );
  });
});
