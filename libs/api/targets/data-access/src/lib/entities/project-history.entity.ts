import { UuidReference } from '@pt/api/core';
import type { HistoryAction, ProjectStatus, StructuredReview } from '@pt/domain';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TargetIdColumn } from './target-id.column';

/** One row per transition, written in the transaction of the transition. `at` is clock_timestamp(): in order within one transaction. */
@Entity('project_history')
@Index('project_history_project_idx', ['projectId', 'id'])
/** 已办 on the 工作台: a user's latest transitions. */
@Index('project_history_user_idx', ['userId', 'id'])
export class ProjectHistoryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint', primaryKeyConstraintName: 'project_history_pkey' }) id!: string;
  @TargetIdColumn('project_history') projectId!: string;
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' }) at!: Date;
  @UuidReference('project_history', 'user_id', 'app_user', { nullable: true })
  userId!: string | null;
  @Column({ name: 'user_name', type: 'varchar', length: 100 }) userName!: string;
  @Column({ type: 'varchar', length: 16 }) action!: HistoryAction;
  @Column({ name: 'from_status', type: 'varchar', length: 16, nullable: true }) fromStatus!: ProjectStatus | null;
  @Column({ name: 'to_status', type: 'varchar', length: 16, nullable: true }) toStatus!: ProjectStatus | null;
  @Column({ type: 'text', nullable: true }) comment!: string | null;
  /** A reviewer's structured review (财预〔2015〕88号) given with this approve or return. */
  @Column({ type: 'jsonb', nullable: true }) review!: StructuredReview | null;
  /** On a return: the target as it was returned (the revision snapshot's shape), what the next review compares with. */
  @Column({ type: 'jsonb', nullable: true }) snapshot!: Record<string, unknown> | null;
}
