import { CreatedAtColumn, UuidPrimaryKey, UuidReference } from '@pt/api/core';
import type { ExportJobStatus } from '@pt/shared/contracts';
import { Check, Column, Entity, Index } from 'typeorm';

/**
 * A batch export run in the background: queued, claimed with FOR UPDATE SKIP LOCKED by any instance, its file kept
 * in export_job_chunk until `expires_at`.
 */
@Entity('export_job')
@Check('export_job_status_check', "status IN ('queued', 'running', 'done', 'failed', 'cancelled')")
// partial: only the waiting and running jobs are looked up by age
@Index('export_job_queue_idx', ['createdAt'], { where: "status IN ('queued', 'running')" })
// created_at DESC in the database (a user's newest jobs first): an entity index has no column order, the
// schema builder compares the columns only; a migration generated anew would have to add DESC by hand
@Index('export_job_user_idx', ['userId', 'createdAt'])
export class ExportJobEntity {
  @UuidPrimaryKey('export_job') id!: string;
  @UuidReference('export_job', 'user_id', 'app_user', { onDelete: 'CASCADE' })
  userId!: string;
  /** The export's request (forms, format, filters) as the user posted it. */
  @Column({ type: 'jsonb' }) query!: Record<string, unknown>;
  @Column({ type: 'varchar', length: 16, default: 'queued' }) status!: ExportJobStatus;
  @Column({ type: 'integer', default: 0 }) done!: number;
  @Column({ type: 'integer', nullable: true }) total!: number | null;
  @Column({ name: 'file_name', type: 'varchar', length: 200, nullable: true }) fileName!: string | null;
  @Column({ name: 'content_type', type: 'varchar', length: 120, nullable: true }) contentType!: string | null;
  @Column({ type: 'bigint', nullable: true }) size!: string | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) error!: string | null;
  @CreatedAtColumn() createdAt!: Date;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt!: Date | null;
  @Column({ name: 'heartbeat_at', type: 'timestamptz', nullable: true }) heartbeatAt!: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true }) expiresAt!: Date | null;
}
