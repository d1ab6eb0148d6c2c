import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 项目总目标 (overall) or 年度总体目标 (annual, one per year), each with its own indicator table. */
@Entity('project_goal')
export class ProjectGoal {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'project_id', type: 'uuid' }) projectId!: string;
  @Column({ type: 'varchar', length: 8 }) kind!: 'overall' | 'annual';
  @Column({ type: 'integer', nullable: true }) year!: number | null;
  @Column({ type: 'text', nullable: true }) text!: string | null;
}
