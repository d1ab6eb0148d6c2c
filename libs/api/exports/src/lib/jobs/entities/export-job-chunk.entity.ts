import { UuidReference } from '@pt/api/core';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The finished file of an export job in 1 MiB pieces, in order of `seq` (every instance can serve the download). */
@Entity('export_job_chunk')
export class ExportJobChunkEntity {
  @UuidReference('export_job_chunk', 'job_id', 'export_job', { onDelete: 'CASCADE', primary: true })
  jobId!: string;
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'export_job_chunk_pkey' }) seq!: number;
  @Column({ type: 'bytea' }) data!: Buffer;
}
