import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/** The finished file of an export job in 1 MiB pieces, in order of `seq` (every instance can serve the download). */
@Entity('export_job_chunk')
export class ExportJobChunkEntity {
  @ForeignKey('export_job', { name: 'export_job_chunk_job_id_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'job_id', type: 'uuid', primaryKeyConstraintName: 'export_job_chunk_pkey' })
  jobId!: string;
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'export_job_chunk_pkey' }) seq!: number;
  @Column({ type: 'bytea' }) data!: Buffer;
}
