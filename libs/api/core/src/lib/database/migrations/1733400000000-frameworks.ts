import { DEFAULT_SCORING_SETTINGS, FRAMEWORKS, SHIPPED_FRAMEWORK_REGIONS } from '@pt/domain';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Frameworks and scoring settings as versioned data (issue 12). A version is never updated: an administrator's
 * edit inserts the next one. Version 1 of each is what the code shipped with (the domain's constants), and every
 * existing project is declared under version 1, which is what scored and checked it until now.
 */
export class Frameworks1733400000000 implements MigrationInterface {
  name = 'Frameworks1733400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE framework_version (
        code varchar(32) NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        name varchar(200) NOT NULL,
        region varchar(50) NOT NULL,
        groups jsonb NOT NULL,
        note varchar(500),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES app_user(id),
        PRIMARY KEY (code, version)
      )`);
    await q.query(`
      CREATE TABLE scoring_settings_version (
        version integer PRIMARY KEY CHECK (version > 0),
        settings jsonb NOT NULL,
        note varchar(500),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES app_user(id)
      )`);
    for (const f of FRAMEWORKS) {
      await q.query(`INSERT INTO framework_version (code, version, name, region, groups, note) VALUES ($1, 1, $2, $3, $4::jsonb, $5)`, [
        f.code,
        f.name,
        SHIPPED_FRAMEWORK_REGIONS[f.code] ?? '全国',
        JSON.stringify(f.groups),
        '系统初始版本',
      ]);
    }
    await q.query(`INSERT INTO scoring_settings_version (version, settings, note) VALUES (1, $1::jsonb, $2)`, [
      JSON.stringify(DEFAULT_SCORING_SETTINGS),
      '系统初始版本（财预〔2020〕10号）',
    ]);
    // existing projects were checked and scored by the shipped rules: version 1 (the DEFAULT backfills them)
    await q.query(`ALTER TABLE project ADD COLUMN framework_version integer NOT NULL DEFAULT 1, ADD COLUMN settings_version integer NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE project ADD CONSTRAINT project_framework_version_fk FOREIGN KEY (framework_code, framework_version) REFERENCES framework_version(code, version)`);
    await q.query(`ALTER TABLE project ADD CONSTRAINT project_settings_version_fk FOREIGN KEY (settings_version) REFERENCES scoring_settings_version(version)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE project DROP CONSTRAINT project_settings_version_fk, DROP CONSTRAINT project_framework_version_fk`);
    await q.query(`ALTER TABLE project DROP COLUMN settings_version, DROP COLUMN framework_version`);
    await q.query(`DROP TABLE scoring_settings_version`);
    await q.query(`DROP TABLE framework_version`);
  }
}
