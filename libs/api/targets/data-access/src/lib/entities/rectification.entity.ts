import type { RectificationStatus } from '@pt/domain';
import type { RectificationHistoryEntry } from '@pt/shared/contracts';
import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

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
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'rectification_pkey' }) id!: string;
  @ForeignKey('project', { name: 'rectification_project_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;
  @Column({ type: 'varchar', length: 16, default: 'issued' }) status!: RectificationStatus;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @Column({ type: 'text' }) problems!: string;
  @Column({ type: 'text' }) requirements!: string;
  @Column({ type: 'date' }) deadline!: string;
  @Column({ type: 'text', nullable: true }) feedback!: string | null;
  /** Why it could be issued, as it was then (红灯 of which month, or the self-evaluation's grade). */
  @Column({ type: 'varchar', length: 200 }) reason!: string;
  @ForeignKey('app_user', { name: 'rectification_issued_by_fkey' })
  @Column({ name: 'issued_by', type: 'uuid', nullable: true })
  issuedBy!: string | null;
  @Column({ name: 'issued_by_name', type: 'varchar', length: 100 }) issuedByName!: string;
  @Column({ type: 'jsonb', default: () => "'[]'" }) history!: RectificationHistoryEntry[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}
