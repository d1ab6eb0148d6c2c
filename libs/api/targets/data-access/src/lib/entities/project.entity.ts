import { CreatedAtColumn, UuidPrimaryKey, UuidReference } from '@pt/api/core';
import type { ProjectStatus } from '@pt/domain';
import type { TargetKindKey } from '@pt/shared/contracts';
import { Check, Column, Entity, ForeignKey, Index, UpdateDateColumn } from 'typeorm';

/**
 * A target's declaration (申报表 header), for the three kinds of 绩效目标 (`kind`): 项目, 部门（单位）整体 and 政策.
 * The kinds share the columns that mean the same thing: `fund_annual_total` / `fund_annual_fiscal` /
 * `fund_annual_other` are the year's money of every kind (a department's 年度预算申请 资金总额 / 财政拨款 / 其他资金,
 * a policy's 年度资金规模), `fund_total` a policy's 资金规模总额, `basis` a policy's 政策依据, `start_date` /
 * `end_date` a policy's 实施期 (1 January of the first year, 31 December of the last). Only a department's budget by
 * nature (基本支出, 项目支出) has columns of its own; its 年度主要任务 are rows of department_task. Money columns are numeric and read back as strings; the dates are read
 * as `start_date::text` (the `pg` default would make them a Date at local midnight).
 * Foreign keys name the referenced table (not its class), so that this library does not import auth or frameworks.
 */
@Entity('project')
@Index('project_org_year_idx', ['orgId', 'year'])
// a status's targets in the list's order, with what the inbox and workbench counts filter on (INCLUDE): migration 1734200000000
@Index('project_status_idx', { synchronize: false })
// the name search's index of each name's characters and year (an expression, which an entity cannot say): migration 1734200000000
@Index('project_name_chars_idx', { synchronize: false })
// the year's targets for the list, the dashboard and the reports without the table (INCLUDE, which an entity cannot say):
// migrations 1734100000000 and 1734200000000
@Index('project_year_org_name_idx', { synchronize: false })
// the list's order within a year (updated_at DESC, read backwards): migration 1734200000000
@Index('project_year_updated_idx', ['year', 'updatedAt'])
@Check('project_kind_check', "kind IN ('project', 'department', 'policy')")
// one 部门整体 target per organisation and year
@Index('project_department_org_year_key', ['orgId', 'year'], { unique: true, where: "kind = 'department'" })
@Check('project_year_check', 'year BETWEEN 2000 AND 2100')
@Check('project_status_check', "status IN ('draft', 'submitted', 'dept_approved', 'approved', 'returned')")
@ForeignKey('framework_version', ['frameworkCode', 'frameworkVersion'], ['code', 'version'], { name: 'project_framework_version_fk' })
export class ProjectEntity {
  @UuidPrimaryKey('project') id!: string;
  @UuidReference('project', 'org_id', 'org')
  orgId!: string;
  @Column({ type: 'integer' }) year!: number;
  @Column({ type: 'varchar', length: 16, default: 'project' }) kind!: TargetKindKey;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ name: 'framework_code', type: 'varchar', length: 32 }) frameworkCode!: string;
  @Column({ type: 'varchar', length: 16, default: 'draft' }) status!: ProjectStatus;
  @Column({ type: 'varchar', length: 50, nullable: true }) nature!: string | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) category!: string | null;
  @Column({ name: 'start_date', type: 'date', nullable: true }) startDate!: string | null;
  @Column({ name: 'end_date', type: 'date', nullable: true }) endDate!: string | null;
  @Column({ name: 'government_purchase', type: 'boolean', nullable: true }) governmentPurchase!: boolean | null;
  @Column({ name: 'performance_type', type: 'varchar', length: 50, nullable: true }) performanceType!: string | null;
  @Column({ name: 'fund_total', type: 'numeric', precision: 15, scale: 2, nullable: true }) fundTotal!: string | null;
  @Column({ name: 'fund_fiscal', type: 'numeric', precision: 15, scale: 2, nullable: true }) fundFiscal!: string | null;
  @Column({ name: 'fund_other', type: 'numeric', precision: 15, scale: 2, nullable: true }) fundOther!: string | null;
  @Column({ name: 'fund_annual_total', type: 'numeric', precision: 15, scale: 2, nullable: true }) fundAnnualTotal!: string | null;
  @Column({ name: 'fund_annual_fiscal', type: 'numeric', precision: 15, scale: 2, nullable: true }) fundAnnualFiscal!: string | null;
  @Column({ name: 'fund_carryover', type: 'numeric', precision: 15, scale: 2, nullable: true }) fundCarryover!: string | null;
  @Column({ name: 'fund_annual_other', type: 'numeric', precision: 15, scale: 2, nullable: true }) fundAnnualOther!: string | null;
  /** 部门整体: 年度预算申请 by nature (基本支出 + 项目支出 = 资金总额, the `fund_annual_total`). */
  @Column({ name: 'dept_budget_basic', type: 'numeric', precision: 15, scale: 2, nullable: true }) deptBudgetBasic!: string | null;
  @Column({ name: 'dept_budget_project', type: 'numeric', precision: 15, scale: 2, nullable: true }) deptBudgetProject!: string | null;
  @Column({ name: 'last_year_budget', type: 'numeric', precision: 15, scale: 2, nullable: true }) lastYearBudget!: string | null;
  @Column({ name: 'last_year_executed', type: 'numeric', precision: 15, scale: 2, nullable: true }) lastYearExecuted!: string | null;
  @Column({ type: 'text', nullable: true }) overview!: string | null;
  @Column({ type: 'text', nullable: true }) basis!: string | null;
  @Column({ type: 'text', nullable: true }) necessity!: string | null;
  @Column({ type: 'text', nullable: true }) measures!: string | null;
  @Column({ type: 'text', nullable: true }) plan!: string | null;
  /** Optimistic lock: written only by conditional `UPDATE … WHERE version = :v` (save() would ignore it). */
  @Column({ type: 'integer', default: 1 }) version!: number;
  @UuidReference('project', 'created_by', 'app_user', { nullable: true })
  createdBy!: string | null;
  @CreatedAtColumn() createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
  /** 调整: the revision being edited (1 until the first adjustment); approved ones are kept in project_revision. */
  @Column({ type: 'integer', default: 1 }) revision!: number;
  /** The framework version the project is declared under (with framework_code, a key of framework_version). */
  @Column({ name: 'framework_version', type: 'integer', default: 1 }) frameworkVersion!: number;
  @ForeignKey('scoring_settings_version', { name: 'project_settings_version_fk' })
  @Column({ name: 'settings_version', type: 'integer', default: 1 })
  settingsVersion!: number;
  /** The detail's stamp: a new value whenever anything its detail shows may have changed (triggers of migration 1734300000000). */
  @Column({ name: 'doc_stamp', type: 'bigint', default: 0 }) docStamp!: string;
  /** The named rows of the annual goal of its own year (指标数 of the list), kept by triggers (migration 1734500000000). */
  @Column({ name: 'indicator_count', type: 'integer', default: 0 }) indicatorCount!: number;
}
