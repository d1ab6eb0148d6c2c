import { CreatedAtColumn, UuidReference } from '@pt/api/core';
import type { ScoringSettings } from '@pt/domain';
import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** A version of the scoring settings (评分规则). Never updated: an administrator's edit inserts the next version. */
@Entity('scoring_settings_version')
@Check('scoring_settings_version_version_check', 'version > 0')
export class ScoringSettingsVersionEntity {
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'scoring_settings_version_pkey' }) version!: number;
  @Column({ type: 'jsonb' }) settings!: ScoringSettings;
  @Column({ type: 'varchar', length: 500, nullable: true }) note!: string | null;
  @CreatedAtColumn() createdAt!: Date;
  @UuidReference('scoring_settings_version', 'created_by', 'app_user', { nullable: true })
  createdBy!: string | null;
}
