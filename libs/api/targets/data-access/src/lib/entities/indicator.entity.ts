import { UuidPrimaryKey, UuidReference } from '@pt/api/core';
import type { IndicatorBasis } from '@pt/domain';
import { Check, Column, Entity, Index } from 'typeorm';

/** One 三级 row of a goal's table; the 指标值 is kept as typed and parsed on read. */
@Entity('indicator')
@Index('indicator_goal_idx', ['goalId', 'position'])
@Check('indicator_basis_check', "basis IN ('计划标准', '行业标准', '历史标准', '其他标准')")
export class IndicatorEntity {
  @UuidPrimaryKey('indicator') id!: string;
  @UuidReference('indicator', 'goal_id', 'project_goal', { onDelete: 'CASCADE' })
  goalId!: string;
  @Column({ type: 'integer' }) position!: number;
  @Column({ type: 'varchar', length: 50 }) level1!: string;
  @Column({ type: 'varchar', length: 50 }) level2!: string;
  @Column({ type: 'varchar', length: 300 }) name!: string;
  @Column({ name: 'target_raw', type: 'varchar', length: 500 }) targetRaw!: string;
  @Column({ type: 'boolean', default: false }) core!: boolean;
  @Column({ type: 'numeric', precision: 7, scale: 2, nullable: true }) weight!: string | null;
  /** 指标解释, 设定依据, 评(扣)分标准, 数据来源 (domain §11); null where not filled. */
  @Column({ type: 'text', nullable: true }) explanation!: string | null;
  @Column({ type: 'varchar', length: 8, nullable: true }) basis!: IndicatorBasis | null;
  @Column({ name: 'scoring_rule', type: 'text', nullable: true }) scoringRule!: string | null;
  @Column({ name: 'data_source', type: 'varchar', length: 200, nullable: true }) dataSource!: string | null;
}
