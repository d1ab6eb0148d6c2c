import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The funds block of the 自评表 (财预〔2020〕10号 附件1) beyond the total's 全年预算数 / 全年执行数: the total's
 * 年初预算数 and the rows 当年财政拨款 / 上年结转资金 / 其他资金, as yuan decimal strings in one jsonb (read and
 * written with the evaluation as a whole, never queried). Null: nothing entered yet.
 */
export class EvaluationFunds1733300000000 implements MigrationInterface {
  name = 'EvaluationFunds1733300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE project_evaluation ADD COLUMN funds jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE project_evaluation DROP COLUMN funds`);
  }
}
