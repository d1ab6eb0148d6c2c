import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Adjustments (调整): a project's revision number and the approved revisions kept on record as snapshots;
 * the indicator library (指标库) of common indicators by framework, 一级 and 二级.
 */
export class RevisionsLibrary1732400000000 implements MigrationInterface {
  name = 'RevisionsLibrary1732400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE project ADD COLUMN revision integer NOT NULL DEFAULT 1`);
    await q.query(`
      CREATE TABLE project_revision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES project(id) ON DELETE CASCADE,
        revision integer NOT NULL,
        snapshot jsonb NOT NULL,
        reason text,
        approved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES app_user(id),
        UNIQUE (project_id, revision)
      )`);
    await q.query(`
      CREATE TABLE indicator_library (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        framework_code varchar(32) NOT NULL,
        level1 varchar(50) NOT NULL,
        level2 varchar(50) NOT NULL,
        name varchar(300) NOT NULL,
        target varchar(500),
        source varchar(200),
        usage_count integer NOT NULL DEFAULT 0,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (framework_code, level1, level2, name)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE indicator_library`);
    await q.query(`DROP TABLE project_revision`);
    await q.query(`ALTER TABLE project DROP COLUMN revision`);
  }
}
