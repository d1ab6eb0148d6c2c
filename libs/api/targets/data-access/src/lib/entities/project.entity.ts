import type { ProjectStatus } from '@pt/domain';
import { Check, Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A project's declaration (申报表 header). Money columns are numeric and read back as strings; the dates are read
 * as `start_date::text` (the `pg` default would make them a Date at local midnight).
 * Foreign keys name the referenced table (not its class), so that this library does not import auth or frameworks.
 */
@Entity('project')
@Index('project_org_year_idx', ['orgId', 'year'])
@Index('project_status_idx', ['status'])
@Check('project_year_check', 'year BETWEEN 2000 AND 2100')
@Check('project_status_check', "status IN ('draft', 'submitted', 'dept_approved', 'approved', 'returned')")
@ForeignKey('framework_version', ['frameworkCode', 'frameworkVersion'], ['code', 'version'], { name: 'project_framework_version_fk' })
export class ProjectEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'project_pkey' }) id!: string;
  @ForeignKey('org', { name: 'project_org_id_fkey' })
  @Column({ name: 'org_id', type: 'uuid' })
  orgId!: string;
  @Column({ type: 'integer' }) year!: number;
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
  @Column({ name: 'last_year_budget', type: 'numeric', precision: 15, scale: 2, nullable: true }) lastYearBudget!: string | null;
  @Column({ name: 'last_year_executed', type: 'numeric', precision: 15, scale: 2, nullable: true }) lastYearExecuted!: string | null;
  @Column({ type: 'text', nullable: true }) overview!: string | null;
  @Column({ type: 'text', nullable: true }) basis!: string | null;
  @Column({ type: 'text', nullable: true }) necessity!: string | null;
  @Column({ type: 'text', nullable: true }) measures!: string | null;
  @Column({ type: 'text', nullable: true }) plan!: string | null;
  /** Optimistic lock: written only by conditional `UPDATE … WHERE version = :v` (save() would ignore it). */
  @Column({ type: 'integer', default: 1 }) version!: number;
  @ForeignKey('app_user', { name: 'project_created_by_fkey' })
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
  /** 调整: the revision being edited (1 until the first adjustment); approved ones are kept in project_revision. */
  @Column({ type: 'integer', default: 1 }) revision!: number;
  /** The framework version the project is declared under (with framework_code, a key of framework_version). */
  @Column({ name: 'framework_version', type: 'integer', default: 1 }) frameworkVersion!: number;
  @ForeignKey('scoring_settings_version', { name: 'project_settings_version_fk' })
  @Column({ name: 'settings_version', type: 'integer', default: 1 })
  settingsVersion!: number;
}
