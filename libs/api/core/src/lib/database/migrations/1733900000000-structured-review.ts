import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The year as work (issue 16): tasks (申报 / 监控 of a month / 自评) with a deadline and the units they cover
 * (work_task, work_task_org); the structured review of 财预〔2015〕88号 stored with the transition that carried it
 * (project_history.review, jsonb: 完整性 / 相关性 / 适当性 / 可行性 / 总体); an index for a user's latest
 * transitions (已办 on the 工作台).
 */
export class StructuredReview1733900000000 implements MigrationInterface {
  name = 'StructuredReview1733900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE project_history ADD review jsonb`);
    await q.query(`CREATE INDEX project_history_user_idx ON project_history(user_id, id)`);
    await q.query(`
      CREATE TABLE work_task (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind varchar(16) NOT NULL,
        year integer NOT NULL,
        month smallint,
        title varchar(200) NOT NULL,
        deadline date NOT NULL,
        setter_org_id uuid NOT NULL,
        created_by uuid,
        created_by_name varchar(100) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT work_task_pkey PRIMARY KEY (id),
        CONSTRAINT work_task_setter_org_id_fkey FOREIGN KEY (setter_org_id) REFERENCES org(id),
        CONSTRAINT work_task_created_by_fkey FOREIGN KEY (created_by) REFERENCES app_user(id),
        CONSTRAINT work_task_kind_check CHECK (kind IN ('declaration', 'monitoring', 'evaluation')),
        CONSTRAINT work_task_month_check CHECK ((kind = 'monitoring') = (month IS NOT NULL) AND (month IS NULL OR month BETWEEN 1 AND 12))
      )`);
    await q.query(`CREATE INDEX work_task_year_idx ON work_task(year, deadline)`);
    await q.query(`
      CREATE TABLE work_task_org (
        task_id uuid NOT NULL,
        org_id uuid NOT NULL,
        CONSTRAINT work_task_org_pkey PRIMARY KEY (task_id, org_id),
        CONSTRAINT work_task_org_task_id_fkey FOREIGN KEY (task_id) REFERENCES work_task(id) ON DELETE CASCADE,
        CONSTRAINT work_task_org_org_id_fkey FOREIGN KEY (org_id) REFERENCES org(id)
      )`);
    await q.query(`CREATE INDEX work_task_org_org_idx ON work_task_org(org_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE work_task_org`);
    await q.query(`DROP TABLE work_task`);
    await q.query(`DROP INDEX project_history_user_idx`);
    await q.query(`ALTER TABLE project_history DROP COLUMN review`);
  }
}
