import { UuidPrimaryKey, UuidReference } from '@pt/api/core';
import type { HistoryAction } from '@pt/domain';
import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { TargetIdColumn } from './target-id.column';

/** A reviewer's comment on one indicator row, given with a return or an approval. */
@Entity('review_comment')
@Index('review_comment_project_idx', ['projectId', 'at'])
export class ReviewCommentEntity {
  @UuidPrimaryKey('review_comment') id!: string;
  @TargetIdColumn('review_comment') projectId!: string;
  @ForeignKey('project_history', { name: 'review_comment_history_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'history_id', type: 'bigint', nullable: true })
  historyId!: string | null;
  /** Not a foreign key: rows are rewritten on save but keep their id when the client sends it back. */
  @Column({ name: 'indicator_id', type: 'uuid', nullable: true }) indicatorId!: string | null;
  @Column({ name: 'indicator_name', type: 'varchar', length: 300, nullable: true }) indicatorName!: string | null;
  @Column({ type: 'text' }) comment!: string;
  @UuidReference('review_comment', 'user_id', 'app_user', { nullable: true })
  userId!: string | null;
  @Column({ name: 'user_name', type: 'varchar', length: 100 }) userName!: string;
  /** The transition the comment came with (return, approve, or their eval_ forms). */
  @Column({ type: 'varchar', length: 16 }) action!: HistoryAction;
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' }) at!: Date;
}
