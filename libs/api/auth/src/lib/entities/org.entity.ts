import type { OrgKind } from '@pt/shared/contracts';
import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** An organisation: 财政局 → 主管部门 → 预算单位. */
@Entity('org')
@Unique('org_code_key', ['code'])
@Index('org_parent_idx', ['parentId'])
@Check('org_kind_check', "kind IN ('finance', 'department', 'unit')")
export class OrgEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'org_pkey' }) id!: string;
  @Column({ type: 'varchar', length: 32 }) code!: string;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: OrgKind;
  @ForeignKey('org', { name: 'org_parent_id_fkey' })
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
}
