import { Column, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 年度主要任务: one row of a 部门（单位）整体 target (任务名称, 主要内容, 预算金额 总额 / 财政拨款 / 其他资金, 元). */
@Entity('department_task')
@Index('department_task_project_idx', ['projectId', 'position'])
export class DepartmentTaskEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'department_task_pkey' }) id!: string;
  @ForeignKey('project', { name: 'department_task_project_id_fkey', onDelete: 'CASCADE' })
  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;
  @Column({ type: 'integer' }) position!: number;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'text', nullable: true }) content!: string | null;
  @Column({ type: 'numeric', precision: 15, scale: 2, nullable: true }) amount!: string | null;
  @Column({ type: 'numeric', precision: 15, scale: 2, nullable: true }) fiscal!: string | null;
  @Column({ type: 'numeric', precision: 15, scale: 2, nullable: true }) other!: string | null;
}
