import { CreatedAtColumn, UuidPrimaryKey, UuidReference } from '@pt/api/core';
import { Column, Entity, Unique } from 'typeorm';
import { TargetIdColumn } from './target-id.column';

/** 调整: an approved revision of a project kept on record, as the project's JSON at its approval. */
@Entity('project_revision')
@Unique('project_revision_project_id_revision_key', ['projectId', 'revision'])
export class ProjectRevisionEntity {
  @UuidPrimaryKey('project_revision') id!: string;
  @TargetIdColumn('project_revision') projectId!: string;
  @Column({ type: 'integer' }) revision!: number;
  /** The project (the API's Project without its permissions) as it was approved. */
  @Column({ type: 'jsonb' }) snapshot!: Record<string, unknown>;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true }) approvedAt!: Date | null;
  @CreatedAtColumn() createdAt!: Date;
  @UuidReference('project_revision', 'created_by', 'app_user', { nullable: true })
  createdBy!: string | null;
}
