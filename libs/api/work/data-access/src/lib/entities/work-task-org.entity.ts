import { Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** A unit a task covers. */
@Entity('work_task_org')
@Index('work_task_org_org_idx', ['orgId'])
export class WorkTaskOrgEntity {
  @ForeignKey('work_task', { name: 'work_task_org_task_id_fkey', onDelete: 'CASCADE' })
  @PrimaryColumn({ name: 'task_id', type: 'uuid', primaryKeyConstraintName: 'work_task_org_pkey' })
  taskId!: string;
  @ForeignKey('org', { name: 'work_task_org_org_id_fkey' })
  @PrimaryColumn({ name: 'org_id', type: 'uuid', primaryKeyConstraintName: 'work_task_org_pkey' })
  orgId!: string;
}
