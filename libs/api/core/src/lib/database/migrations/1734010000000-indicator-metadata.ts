import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Domain §11: an indicator row's 指标解释, 设定依据 (one of four standards), 评(扣)分标准 and 数据来源; the
 * self-evaluation's 自评报告 (完成情况, 偏差原因, 存在问题, 改进措施). All nullable: rows and evaluations written
 * before keep reading as "not filled".
 */
export class IndicatorMetadata1734010000000 implements MigrationInterface {
  name = 'IndicatorMetadata1734010000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE indicator ADD COLUMN explanation text, ADD COLUMN basis varchar(8), ADD COLUMN scoring_rule text, ADD COLUMN data_source varchar(200)`);
    await q.query(`ALTER TABLE indicator ADD CONSTRAINT indicator_basis_check CHECK (basis IN ('计划标准', '行业标准', '历史标准', '其他标准'))`);
    await q.query(
      `ALTER TABLE project_evaluation ADD COLUMN report_completion text, ADD COLUMN report_deviation text, ADD COLUMN report_problems text, ADD COLUMN report_measures text`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE project_evaluation DROP COLUMN report_completion, DROP COLUMN report_deviation, DROP COLUMN report_problems, DROP COLUMN report_measures`);
    await q.query(`ALTER TABLE indicator DROP CONSTRAINT indicator_basis_check`);
    await q.query(`ALTER TABLE indicator DROP COLUMN explanation, DROP COLUMN basis, DROP COLUMN scoring_rule, DROP COLUMN data_source`);
  }
}
