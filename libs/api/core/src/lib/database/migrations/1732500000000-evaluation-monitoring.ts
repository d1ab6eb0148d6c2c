import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Self-evaluation (绩效自评, domain §8): one per project, its inputs by indicator (jsonb) and the scores the
 * domain computed from them (columns for the dashboard's queries). Monitoring (运行监控, §7): one report per
 * project and month, with the lights the domain computed.
 */
export class EvaluationMonitoring1732500000000 implements MigrationInterface {
  name = 'EvaluationMonitoring1732500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE project_evaluation (
        project_id uuid PRIMARY KEY REFERENCES project(id) ON DELETE CASCADE,
        status varchar(16) NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'submitted', 'dept_approved', 'approved', 'returned')),
        annual_budget numeric(15,2) NOT NULL CHECK (annual_budget >= 0),
        executed numeric(15,2) NOT NULL CHECK (executed >= 0),
        goal_achievement text,
        items jsonb NOT NULL DEFAULT '[]'::jsonb,
        execution_rate numeric(12,2) NOT NULL,
        execution_score numeric(6,2) NOT NULL,
        indicator_score numeric(6,2) NOT NULL,
        total_score numeric(6,2) NOT NULL,
        grade varchar(2) NOT NULL CHECK (grade IN ('优', '良', '中', '差')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES app_user(id)
      )`);
    await q.query(`CREATE INDEX project_evaluation_grade_idx ON project_evaluation(grade, total_score)`);
    await q.query(`
      CREATE TABLE project_monitoring (
        project_id uuid NOT NULL REFERENCES project(id) ON DELETE CASCADE,
        month smallint NOT NULL CHECK (month BETWEEN 1 AND 12),
        annual_budget numeric(15,2) CHECK (annual_budget >= 0),
        executed numeric(15,2) CHECK (executed >= 0),
        expected_executed numeric(15,2) CHECK (expected_executed >= 0),
        items jsonb NOT NULL DEFAULT '[]'::jsonb,
        light varchar(8) NOT NULL,
        budget_light varchar(8) NOT NULL,
        execution_rate numeric(12,2),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES app_user(id),
        PRIMARY KEY (project_id, month)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE project_monitoring`);
    await q.query(`DROP TABLE project_evaluation`);
  }
}
