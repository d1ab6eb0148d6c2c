import { CreatedAtColumn, UuidPrimaryKey, UuidReference } from '@pt/api/core';
import type { OrgKind } from '@pt/shared/contracts';
import { Check, Column, Entity, Index, Unique } from 'typeorm';

/** An organisation: 财政局 → 主管部门 → 预算单位. */
@Entity('org')
@Unique('org_code_key', ['code'])
@Index('org_parent_idx', ['parentId'])
@Check('org_kind_check', "kind IN ('finance', 'department', 'unit')")
export class OrgEntity {
  @UuidPrimaryKey('org') id!: string;
  @Column({ type: 'varchar', length: 32 }) code!: string;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: OrgKind;
  @UuidReference('org', 'parent_id', 'org', { nullable: true })
  parentId!: string | null;
  @CreatedAtColumn() createdAt!: Date;
}
