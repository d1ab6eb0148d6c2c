import type { TaskKind } from '@pt/domain';
import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A task of the year (申报 / 监控 of a month / 自评) with its deadline, set by the finance bureau or a department. */
@Entity('work_task')
@Index('work_task_year_idx', ['year', 'deadline'])
@Check('work_task_kind_check', "kind IN ('declaration', 'monitoring', 'evaluation')")
@Check('work_task_month_check', "(kind = 'monitoring') = (month IS NOT NULL) AND (month IS NULL OR month BETWEEN 1 AND 12)")
export class WorkTaskEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'work_task_pkey' }) id!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: TaskKind;
  @Column({ type: 'integer' }) year!: number;
  @Column({ type: 'smallint', nullable: true }) month!: number | null;
  @Column({ type: 'varchar', length: 200 }) title!: string;
  /** The last day allowed. */
  @Column({ type: 'date' }) deadline!: string;
  @ForeignKey('org', { name: 'work_task_setter_org_id_fkey' })
  @Column({ name: 'setter_org_id', type: 'uuid' })
  setterOrgId!: string;
  @ForeignKey('app_user', { name: 'work_task_created_by_fkey' })
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;
  @Column({ name: 'created_by_name', type: 'varchar', length: 100 }) createdByName!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
}
