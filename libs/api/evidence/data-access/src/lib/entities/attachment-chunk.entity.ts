import { UuidReference } from '@pt/api/core';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The bytes of an attachment stored in PostgreSQL, in pieces of CHUNK_BYTES (pg-backend.ts) in order of `seq` (read and written one at a time). */
@Entity('attachment_chunk')
export class AttachmentChunkEntity {
  @UuidReference('attachment_chunk', 'attachment_id', 'attachment', { onDelete: 'CASCADE', primary: true })
  attachmentId!: string;
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'attachment_chunk_pkey' }) seq!: number;
  @Column({ type: 'bytea' }) data!: Buffer;
}
