import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Domain §11: the indicator library's entries carry 指标解释, 设定依据, 评(扣)分标准, 数据来源 as a table's rows do. */
export class LibraryMetadata1734011000000 implements MigrationInterface {
  name = 'LibraryMetadata1734011000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE indicator_library ADD COLUMN explanation text, ADD COLUMN basis varchar(8), ADD COLUMN scoring_rule text, ADD COLUMN data_source varchar(200)`);
    await q.query(`ALTER TABLE indicator_library ADD CONSTRAINT indicator_library_basis_check CHECK (basis IN ('计划标准', '行业标准', '历史标准', '其他标准'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE indicator_library DROP CONSTRAINT indicator_library_basis_check`);
    await q.query(`ALTER TABLE indicator_library DROP COLUMN explanation, DROP COLUMN basis, DROP COLUMN scoring_rule, DROP COLUMN data_source`);
  }
}
