import type { ProjectStatus } from '@pt/shared/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A project's declaration (申报表 header). Money columns are numeric and read back as strings. */
@Entity('project')
export class Project {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'org_id', type: 'uuid' }) orgId!: string;
  @Column({ type: 'integer' }) year!: number;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ name: 'framework_code', type: 'varchar', length: 32 }) frameworkCode!: string;
  @Column({ type: 'varchar', length: 16 }) status!: ProjectStatus;
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
  @Column({ type: 'integer' }) version!: number;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
