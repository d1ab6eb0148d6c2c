import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Projects (申报表 header), their goals (overall + one annual goal per year), indicator rows,
 * the review history (one row per transition, written in the same transaction) and per-row review comments.
 * Money is numeric(15,2) (read back as strings); the target value is stored as typed and parsed on read.
 */
export class Projects1732300000000 implements MigrationInterface {
  name = 'Projects1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE project (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        org_id uuid NOT NULL REFERENCES org(id),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        name varchar(200) NOT NULL,
        framework_code varchar(32) NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'submitted', 'dept_approved', 'approved', 'returned')),
        nature varchar(50), category varchar(50),
        start_date date, end_date date,
        government_purchase boolean, performance_type varchar(50),
        fund_total numeric(15,2), fund_fiscal numeric(15,2), fund_other numeric(15,2),
        fund_annual_total numeric(15,2), fund_annual_fiscal numeric(15,2), fund_carryover numeric(15,2),
        fund_annual_other numeric(15,2),
        last_year_budget numeric(15,2), last_year_executed numeric(15,2),
        overview text, basis text, necessity text, measures text, plan text,
        version integer NOT NULL DEFAULT 1,
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX project_org_year_idx ON project(org_id, year)`);
    await q.query(`CREATE INDEX project_status_idx ON project(status)`);
    await q.query(`
      CREATE TABLE project_goal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES project(id) ON DELETE CASCADE,
        kind varchar(8) NOT NULL CHECK (kind IN ('overall', 'annual')),
        year integer,
        text text,
        UNIQUE (project_id, kind, year)
      )`);
    await q.query(`CREATE UNIQUE INDEX project_goal_overall_idx ON project_goal(project_id) WHERE kind = 'overall'`);
    await q.query(`
      CREATE TABLE indicator (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        goal_id uuid NOT NULL REFERENCES project_goal(id) ON DELETE CASCADE,
        position integer NOT NULL,
        level1 varchar(50) NOT NULL,
        level2 varchar(50) NOT NULL,
        name varchar(300) NOT NULL,
        target_raw varchar(500) NOT NULL,
        core boolean NOT NULL DEFAULT false,
        weight numeric(7,2)
      )`);
    await q.query(`CREATE INDEX indicator_goal_idx ON indicator(goal_id, position)`);
    await q.query(`
      CREATE TABLE project_history (
        id bigserial PRIMARY KEY,
        project_id uuid NOT NULL REFERENCES project(id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        user_id uuid REFERENCES app_user(id),
        user_name varchar(100) NOT NULL,
        action varchar(16) NOT NULL,
        from_status varchar(16),
        to_status varchar(16),
        comment text
      )`);
    await q.query(`CREATE INDEX project_history_project_idx ON project_history(project_id, id)`);
    await q.query(`
      CREATE TABLE review_comment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES project(id) ON DELETE CASCADE,
        history_id bigint REFERENCES project_history(id) ON DELETE CASCADE,
        indicator_id uuid,
        indicator_name varchar(300),
        comment text NOT NULL,
        user_id uuid REFERENCES app_user(id),
        user_name varchar(100) NOT NULL,
        action varchar(16) NOT NULL,
        at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX review_comment_project_idx ON review_comment(project_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE review_comment`);
    await q.query(`DROP TABLE project_history`);
    await q.query(`DROP TABLE indicator`);
    await q.query(`DROP TABLE project_goal`);
    await q.query(`DROP TABLE project`);
  }
}
