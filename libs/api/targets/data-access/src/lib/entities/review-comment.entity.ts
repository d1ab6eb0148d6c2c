import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A reviewer's comment on one indicator row, given with a return or an approval. */
@Entity('review_comment')
export class ReviewComment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'project_id', type: 'uuid' }) projectId!: string;
  @Column({ name: 'history_id', type: 'bigint', nullable: true }) historyId!: string | null;
  /** Not a foreign key: rows are rewritten on save but keep their id when the client sends it back. */
  @Column({ name: 'indicator_id', type: 'uuid', nullable: true }) indicatorId!: string | null;
  @Column({ name: 'indicator_name', type: 'varchar', length: 300, nullable: true }) indicatorName!: string | null;
  @Column({ type: 'text' }) comment!: string;
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId!: string | null;
  @Column({ name: 'user_name', type: 'varchar', length: 100 }) userName!: string;
  @Column({ type: 'varchar', length: 16 }) action!: string;
  @Column({ type: 'timestamptz' }) at!: Date;
}
