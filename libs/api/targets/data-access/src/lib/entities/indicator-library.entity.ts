import { CreatedAtColumn, UuidPrimaryKey } from '@pt/api/core';
import type { IndicatorBasis } from '@pt/domain';
import { Check, Column, Entity, Unique, UpdateDateColumn } from 'typeorm';

/** 指标库: a common indicator of a framework's 一级/二级, counted each time a project uses it. */
@Entity('indicator_library')
@Check('indicator_library_basis_check', "basis IN ('计划标准', '行业标准', '历史标准', '其他标准')")
@Unique('indicator_library_framework_code_level1_level2_name_key', ['frameworkCode', 'level1', 'level2', 'name'])
export class IndicatorLibraryEntity {
  @UuidPrimaryKey('indicator_library') id!: string;
  @Column({ name: 'framework_code', type: 'varchar', length: 32 }) frameworkCode!: string;
  @Column({ type: 'varchar', length: 50 }) level1!: string;
  @Column({ type: 'varchar', length: 50 }) level2!: string;
  @Column({ type: 'varchar', length: 300 }) name!: string;
  @Column({ type: 'varchar', length: 500, nullable: true }) target!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) source!: string | null;
  /** 指标解释, 设定依据, 评(扣)分标准, 数据来源 (domain §11), as on a table's row. */
  @Column({ type: 'text', nullable: true }) explanation!: string | null;
  @Column({ type: 'varchar', length: 8, nullable: true }) basis!: IndicatorBasis | null;
  @Column({ name: 'scoring_rule', type: 'text', nullable: true }) scoringRule!: string | null;
  @Column({ name: 'data_source', type: 'varchar', length: 200, nullable: true }) dataSource!: string | null;
  @Column({ name: 'usage_count', type: 'integer', default: 0 }) usageCount!: number;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreatedAtColumn() createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}
