import { CreatedAtColumn, UuidPrimaryKey, UuidReference } from '@pt/api/core';
import type { TaskKind } from '@pt/domain';
import { Check, Column, Entity, Index } from 'typeorm';

/** A task of the year (申报 / 监控 of a month / 自评) with its deadline, set by the finance bureau or a department. */
@Entity('work_task')
@Index('work_task_year_idx', ['year', 'deadline'])
@Check('work_task_kind_check', "kind IN ('declaration', 'monitoring', 'evaluation')")
@Check('work_task_month_check', "(kind = 'monitoring') = (month IS NOT NULL) AND (month IS NULL OR month BETWEEN 1 AND 12)")
export class WorkTaskEntity {
  @UuidPrimaryKey('work_task') id!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: TaskKind;
  @Column({ type: 'integer' }) year!: number;
  @Column({ type: 'smallint', nullable: true }) month!: number | null;
  @Column({ type: 'varchar', length: 200 }) title!: string;
  /** The last day allowed. */
  @Column({ type: 'date' }) deadline!: string;
  @UuidReference('work_task', 'setter_org_id', 'org')
  setterOrgId!: string;
  @UuidReference('work_task', 'created_by', 'app_user', { nullable: true })
  createdBy!: string | null;
  @Column({ name: 'created_by_name', type: 'varchar', length: 100 }) createdByName!: string;
  @CreatedAtColumn() createdAt!: Date;
}
