import { UuidReference } from '@pt/api/core';
import type { MonitoringLight } from '@pt/domain';
import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { TargetIdColumn } from './target-id.column';
import type { StoredMonitoringItem } from '../monitoring/monitoring-store';

/** 运行监控: one report per project and month, with the lights the domain computed. */
@Entity('project_monitoring')
@Check('project_monitoring_month_check', 'month BETWEEN 1 AND 12')
@Check('project_monitoring_annual_budget_check', 'annual_budget >= 0')
@Check('project_monitoring_executed_check', 'executed >= 0')
@Check('project_monitoring_expected_executed_check', 'expected_executed >= 0')
export class ProjectMonitoringEntity {
  @TargetIdColumn('project_monitoring', { primary: true }) projectId!: string;
  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'project_monitoring_pkey' }) month!: number;
  @Column({ name: 'annual_budget', type: 'numeric', precision: 15, scale: 2, nullable: true }) annualBudget!: string | null;
  @Column({ type: 'numeric', precision: 15, scale: 2, nullable: true }) executed!: string | null;
  @Column({ name: 'expected_executed', type: 'numeric', precision: 15, scale: 2, nullable: true }) expectedExecuted!: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) items!: StoredMonitoringItem[];
  @Column({ type: 'varchar', length: 8 }) light!: MonitoringLight;
  @Column({ name: 'budget_light', type: 'varchar', length: 8 }) budgetLight!: MonitoringLight;
  @Column({ name: 'execution_rate', type: 'numeric', precision: 12, scale: 2, nullable: true }) executionRate!: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
  @UuidReference('project_monitoring', 'updated_by', 'app_user', { nullable: true })
  updatedBy!: string | null;
}
