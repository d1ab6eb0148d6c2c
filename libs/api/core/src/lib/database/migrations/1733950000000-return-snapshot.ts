import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 自上次退回以来的修改 (issue 16): a return keeps the target as it was returned on its history row
 * (project_history.snapshot, jsonb in the shape of project_revision.snapshot), so any reviewer on any machine sees
 * what changed since. Null on every other transition.
 */
export class ReturnSnapshot1733950000000 implements MigrationInterface {
  name = 'ReturnSnapshot1733950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE project_history ADD snapshot jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE project_history DROP COLUMN snapshot`);
  }
}
