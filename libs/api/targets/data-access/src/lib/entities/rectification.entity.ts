import { CreatedAtColumn, UuidPrimaryKey, UuidReference } from '@pt/api/core';
import type { RectificationStatus } from '@pt/domain';
import type { RectificationHistoryEntry } from '@pt/shared/contracts';
import { Check, Column, Entity, Index, UpdateDateColumn } from 'typeorm';
import { TargetIdColumn } from './target-id.column';

/**
 * A 整改通知 (domain §11) on a target: issued by a reviewer after a red monitoring light or a 中/差 self-evaluation,
 * answered by the unit (`feedback`), accepted or returned by a reviewer. Written under its own optimistic lock
 * (`version`); its short history is kept with it (jsonb, read and written with the notice as a whole).
 */
@Entity('rectification')
@Index('rectification_project_idx', ['projectId', 'createdAt'])
@Index('rectification_status_idx', ['status'])
@Check('rectification_status_check', "status IN ('issued', 'submitted', 'returned', 'accepted')")
export class RectificationEntity {
  @UuidPrimaryKey('rectification') id!: string;
  @TargetIdColumn('rectification') projectId!: string;
  @Column({ type: 'varchar', length: 16, default: 'issued' }) status!: RectificationStatus;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @Column({ type: 'text' }) problems!: string;
  @Column({ type: 'text' }) requirements!: string;
  @Column({ type: 'date' }) deadline!: string;
  @Column({ type: 'text', nullable: true }) feedback!: string | null;
  /** Why it could be issued, as it was then (红灯 of which month, or the self-evaluation's grade). */
  @Column({ type: 'varchar', length: 200 }) reason!: string;
  @UuidReference('rectification', 'issued_by', 'app_user', { nullable: true })
  issuedBy!: string | null;
  @Column({ name: 'issued_by_name', type: 'varchar', length: 100 }) issuedByName!: string;
  @Column({ type: 'jsonb', default: () => "'[]'" }) history!: RectificationHistoryEntry[];
  @CreatedAtColumn() createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}
