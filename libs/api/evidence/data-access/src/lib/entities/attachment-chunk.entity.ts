import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/** The bytes of an attachment stored in PostgreSQL, in pieces of CHUNK_BYTES (pg-backend.ts) in order of `seq` (read and written one at a time). */
@Entity('attachment_chunk')
export class AttachmentChunkEntity {
  @ForeignKey('attachment', { name: 'attachment_chunk_attachment_id_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'attachment_id', type: 'uuid', primaryKeyConstraintName: 'attachment_chunk_pkey' })
  attachmentId!: string;
  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'attachment_chunk_pkey' }) seq!: number;
  @Column({ type: 'bytea' }) data!: Buffer;
}
