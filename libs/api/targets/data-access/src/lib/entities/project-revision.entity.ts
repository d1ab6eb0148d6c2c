import { Column, CreateDateColumn, Entity, ForeignKey, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** 调整: an approved revision of a project kept on record, as the project's JSON at its approval. */
@Entity('project_revision')
@Unique('project_revision_project_id_revision_key', ['projectId', 'revision'])
export class ProjectRevisionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'project_revision_pkey' }) id!: string;
  @ForeignKey('project', { name: 'project_revision_project_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;
  @Column({ type: 'integer' }) revision!: number;
  /** The project (the API's Project without its permissions) as it was approved. */
  @Column({ type: 'jsonb' }) snapshot!: Record<string, unknown>;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true }) approvedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @ForeignKey('app_user', { name: 'project_revision_created_by_fkey' })
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;
}
