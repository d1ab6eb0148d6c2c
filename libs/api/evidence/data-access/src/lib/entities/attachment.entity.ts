import { CreatedAtColumn, UuidPrimaryKey, UuidReference } from '@pt/api/core';
import { TargetIdColumn } from '@pt/api/targets/data-access';
import type { AttachmentPurpose } from '@pt/shared/api-types';
import { Check, Column, Entity, ForeignKey, Index } from 'typeorm';

/**
 * A 佐证材料 file of a target (a row of `project`, whatever its kind): its name, type, size and SHA-256, and where
 * its bytes are — in attachment_chunk (PostgreSQL, the default: a backup carries them) or under `storage_key` in an
 * S3-compatible store. A row is 'uploading' while its bytes arrive and 'stored' once they all did.
 */
@Entity('attachment')
@Check('attachment_purpose_check', "purpose IN ('declaration', 'monitoring', 'evaluation', 'rectification')")
@Check('attachment_state_check', "state IN ('uploading', 'stored')")
@Check('attachment_storage_check', "storage IN ('pg', 's3')")
@Index('attachment_project_idx', ['projectId', 'createdAt'])
export class AttachmentEntity {
  @UuidPrimaryKey('attachment') id!: string;
  @TargetIdColumn('attachment') projectId!: string;
  /** Not a foreign key: indicator rows are rewritten on save but keep their id when the client sends it back. */
  @Column({ name: 'indicator_id', type: 'uuid', nullable: true }) indicatorId!: string | null;
  /** The 整改通知 a rectification file answers (null for the other purposes, and for files kept before notices were told apart). */
  @ForeignKey('rectification', { name: 'attachment_rectification_id_fkey', onDelete: 'CASCADE' })
  @Index('attachment_rectification_idx')
  @Column({ name: 'rectification_id', type: 'uuid', nullable: true })
  rectificationId!: string | null;
  @Column({ type: 'varchar', length: 16 }) purpose!: AttachmentPurpose;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ name: 'content_type', type: 'varchar', length: 120 }) contentType!: string;
  @Column({ type: 'bigint', default: 0 }) size!: string;
  @Column({ type: 'char', length: 64, nullable: true }) sha256!: string | null;
  @Column({ type: 'varchar', length: 16, default: 'uploading' }) state!: 'uploading' | 'stored';
  @Column({ type: 'varchar', length: 8, default: 'pg' }) storage!: 'pg' | 's3';
  /** The object's key in the S3 store (null for PostgreSQL). */
  @Column({ name: 'storage_key', type: 'varchar', length: 300, nullable: true }) storageKey!: string | null;
  @UuidReference('attachment', 'created_by', 'app_user', { nullable: true, onDelete: 'SET NULL' })
  createdBy!: string | null;
  @Column({ name: 'created_by_name', type: 'varchar', length: 100, nullable: true }) createdByName!: string | null;
  @CreatedAtColumn() createdAt!: Date;
}
