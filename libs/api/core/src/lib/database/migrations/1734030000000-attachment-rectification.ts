import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 佐证材料 of a 整改通知 are filed per notice (issue 17 follow-up): the notice they answer. Files kept before stay
 * without one (they follow any notice of their target that awaits an answer).
 */
export class AttachmentRectification1734030000000 implements MigrationInterface {
  name = 'AttachmentRectification1734030000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE attachment ADD COLUMN rectification_id uuid`);
    await q.query(`ALTER TABLE attachment ADD CONSTRAINT attachment_rectification_id_fkey FOREIGN KEY (rectification_id) REFERENCES rectification(id) ON DELETE CASCADE`);
    await q.query(`CREATE INDEX attachment_rectification_idx ON attachment (rectification_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX attachment_rectification_idx`);
    await q.query(`ALTER TABLE attachment DROP CONSTRAINT attachment_rectification_id_fkey`);
    await q.query(`ALTER TABLE attachment DROP COLUMN rectification_id`);
  }
}
