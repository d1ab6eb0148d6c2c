import { CreatedAtColumn, UuidReference } from '@pt/api/core';
import type { FrameworkGroup } from '@pt/domain';
import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** A version of an indicator framework (指标体系). Never updated: an administrator's edit inserts the next version. */
@Entity('framework_version')
@Check('framework_version_version_check', 'version > 0')
export class FrameworkVersionEntity {
  @PrimaryColumn({ type: 'varchar', length: 32, primaryKeyConstraintName: 'framework_version_pkey' }) code!: string;
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'framework_version_pkey' }) version!: number;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'varchar', length: 50 }) region!: string;
  @Column({ type: 'jsonb' }) groups!: FrameworkGroup[];
  @Column({ type: 'varchar', length: 500, nullable: true }) note!: string | null;
  @CreatedAtColumn() createdAt!: Date;
  @UuidReference('framework_version', 'created_by', 'app_user', { nullable: true })
  createdBy!: string | null;
}
