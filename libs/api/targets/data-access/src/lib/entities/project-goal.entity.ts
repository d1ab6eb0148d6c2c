import { UuidPrimaryKey } from '@pt/api/core';
import { Check, Column, Entity, Index, Unique } from 'typeorm';
import { TargetIdColumn } from './target-id.column';

/** 项目总目标 (overall) or 年度总体目标 (annual, one per year), each with its own indicator table. */
@Entity('project_goal')
@Unique('project_goal_project_id_kind_year_key', ['projectId', 'kind', 'year'])
// one overall goal per project (the UNIQUE above does not see it: its year is null)
@Index('project_goal_overall_idx', ['projectId'], { unique: true, where: "kind = 'overall'" })
@Check('project_goal_kind_check', "kind IN ('overall', 'annual')")
export class ProjectGoalEntity {
  @UuidPrimaryKey('project_goal') id!: string;
  @TargetIdColumn('project_goal') projectId!: string;
  @Column({ type: 'varchar', length: 8 }) kind!: 'overall' | 'annual';
  @Column({ type: 'integer', nullable: true }) year!: number | null;
  @Column({ type: 'text', nullable: true }) text!: string | null;
}
