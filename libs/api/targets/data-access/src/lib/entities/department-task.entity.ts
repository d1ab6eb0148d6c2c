import { UuidPrimaryKey } from '@pt/api/core';
import { Column, Entity, Index } from 'typeorm';
import { TargetIdColumn } from './target-id.column';

/** 年度主要任务: one row of a 部门（单位）整体 target (任务名称, 主要内容, 预算金额 总额 / 财政拨款 / 其他资金, 元). */
@Entity('department_task')
@Index('department_task_project_idx', ['projectId', 'position'])
export class DepartmentTaskEntity {
  @UuidPrimaryKey('department_task') id!: string;
  @TargetIdColumn('department_task') projectId!: string;
  @Column({ type: 'integer' }) position!: number;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'text', nullable: true }) content!: string | null;
  @Column({ type: 'numeric', precision: 15, scale: 2, nullable: true }) amount!: string | null;
  @Column({ type: 'numeric', precision: 15, scale: 2, nullable: true }) fiscal!: string | null;
  @Column({ type: 'numeric', precision: 15, scale: 2, nullable: true }) other!: string | null;
}
