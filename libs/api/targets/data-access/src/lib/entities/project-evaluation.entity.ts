import { UuidReference } from '@pt/api/core';
import type { ProjectStatus, TotalGrade } from '@pt/domain';
import { Check, Column, Entity, Index, UpdateDateColumn } from 'typeorm';
import { TargetIdColumn } from './target-id.column';
import type { StoredFunds } from '../evaluation/evaluation-funds';
import type { StoredEvaluationItem } from '../evaluation/evaluation-scoring';

/**
 * 绩效自评 (one per project): its inputs by indicator (jsonb) and the scores the domain computed from them, kept
 * as columns for the dashboard's queries.
 */
@Entity('project_evaluation')
@Index('project_evaluation_grade_idx', ['grade', 'totalScore'])
@Check('project_evaluation_status_check', "status IN ('draft', 'submitted', 'dept_approved', 'approved', 'returned')")
@Check('project_evaluation_annual_budget_check', 'annual_budget >= 0')
@Check('project_evaluation_executed_check', 'executed >= 0')
@Check('project_evaluation_grade_check', "grade IN ('优', '良', '中', '差')")
export class ProjectEvaluationEntity {
  @TargetIdColumn('project_evaluation', { primary: true }) projectId!: string;
  @Column({ type: 'varchar', length: 16, default: 'draft' }) status!: ProjectStatus;
  @Column({ name: 'annual_budget', type: 'numeric', precision: 15, scale: 2 }) annualBudget!: string;
  @Column({ type: 'numeric', precision: 15, scale: 2 }) executed!: string;
  @Column({ name: 'goal_achievement', type: 'text', nullable: true }) goalAchievement!: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) items!: StoredEvaluationItem[];
  @Column({ name: 'execution_rate', type: 'numeric', precision: 12, scale: 2 }) executionRate!: string;
  @Column({ name: 'execution_score', type: 'numeric', precision: 6, scale: 2 }) executionScore!: string;
  @Column({ name: 'indicator_score', type: 'numeric', precision: 6, scale: 2 }) indicatorScore!: string;
  @Column({ name: 'total_score', type: 'numeric', precision: 6, scale: 2 }) totalScore!: string;
  @Column({ type: 'varchar', length: 2 }) grade!: TotalGrade;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
  @UuidReference('project_evaluation', 'updated_by', 'app_user', { nullable: true })
  updatedBy!: string | null;
  /** The funds block beyond the total (年初预算数, 当年财政拨款 / 上年结转 / 其他资金); null: nothing entered yet. */
  @Column({ type: 'jsonb', nullable: true }) funds!: StoredFunds | null;
  /** The 自评报告 (domain §11): 完成情况, 偏差原因, 存在问题, 改进措施; null where not written. */
  @Column({ name: 'report_completion', type: 'text', nullable: true }) reportCompletion!: string | null;
  @Column({ name: 'report_deviation', type: 'text', nullable: true }) reportDeviation!: string | null;
  @Column({ name: 'report_problems', type: 'text', nullable: true }) reportProblems!: string | null;
  @Column({ name: 'report_measures', type: 'text', nullable: true }) reportMeasures!: string | null;
}
