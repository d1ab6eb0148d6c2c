import { Injectable } from '@nestjs/common';
import { ApiHttpException, type PickRow } from '@pt/api/core';
import { allowedActions, hasRole, isEditable, submissionProblems, type EvaluationResult } from '@pt/domain';
import type { Evaluation, EvaluationReport, Indicator, ProjectScoringBasis, ProjectStatus, UserSummary } from '@pt/shared/contracts';
import type { EntityManager } from 'typeorm';
import type { ProjectEvaluationEntity } from '../entities/project-evaluation.entity';
import type { ProjectRow } from '../store/project-row';
import { TargetStore } from '../store/target-store';
import { requireApproved } from '../store/require-approved';
import { annualIndicators } from '../store/target-sql';
import { fundsInput, readFunds, type StoredFunds } from './evaluation-funds';
import { REPORT_COLUMNS, REPORT_INSERT, REPORT_UPDATE, reportOf, reportValues } from './evaluation-report';
import { problemDetails, scoreStoredEvaluation, type ScoredEvaluation, type StoredEvaluationItem } from './evaluation-scoring';

/** The stored evaluation as `row()` reads it (money as text). */
export type EvaluationDbRow = PickRow<
  ProjectEvaluationEntity,
  'status' | 'annual_budget' | 'executed' | 'goal_achievement' | 'items' | 'funds' | 'updated_at' | 'report_completion' | 'report_deviation' | 'report_problems' | 'report_measures'
>;

/** The stored scores of an evaluation (what a save or a deduction writes). */
export type EvaluationScores = Pick<EvaluationResult, 'executionRate' | 'executionScore' | 'indicatorScore' | 'totalScore' | 'grade'>;

/**
 * The self-evaluation (绩效自评) of an approved target: its row, read and scored with the basis the target was
 * declared under. Its writes go through the target's optimistic lock (`TargetStore.write`).
 */
@Injectable()
export class EvaluationStore {
  constructor(readonly targets: TargetStore) {}

  async get(user: UserSummary, id: string): Promise<Evaluation> {
    const row = await this.targets.findVisible(user, id);
    return this.load(user, row, this.targets.dataSource.manager);
  }

  async row(m: EntityManager, id: string): Promise<EvaluationDbRow | undefined> {
    const [r]: EvaluationDbRow[] = await m.query(
      `SELECT status, annual_budget::text AS annual_budget, executed::text AS executed, goal_achievement, items, funds, updated_at,
              report_completion, report_deviation, report_problems, report_measures
         FROM project_evaluation WHERE project_id = $1`,
      [id],
    );
    return r;
  }

  indicatorsOf(m: EntityManager, row: ProjectRow): Promise<Indicator[]> {
    return annualIndicators(m, row);
  }

  /** Scored with the framework and settings versions the project was declared under (its `basis`). */
  async scored(
    m: EntityManager,
    row: ProjectRow,
    indicators: readonly Indicator[],
    stored: readonly StoredEvaluationItem[],
    budget: { annualBudget: string | null; executed: string | null },
  ): Promise<ScoredEvaluation & { basis: ProjectScoringBasis }> {
    const basis = await this.targets.frameworks.basis(row, m);
    return { ...scoreStoredEvaluation(basis.framework, indicators, stored, budget, basis.settings), basis };
  }

  /** 提交 needs a 偏差原因 on every row that misses its target and a funds block that adds up (domain `submissionProblems`). */
  async assertComplete(m: EntityManager, row: ProjectRow, current: EvaluationDbRow): Promise<void> {
    const indicators = await this.indicatorsOf(m, row);
    const budget = { annualBudget: current.annual_budget, executed: current.executed };
    const scored = await this.scored(m, row, indicators, current.items, budget);
    const funds = readFunds(current.funds, budget, row, true);
    const errors = problemDetails(submissionProblems(scored.rows, scored.result, fundsInput(funds)), indicators, indicators.map((i) => ({ indicatorId: i.id })));
    if (errors.length) {
      throw new ApiHttpException(422, 'EVALUATION_INCOMPLETE', `自评有 ${errors.length} 处须补充后才能提交：${errors[0].message}`, errors);
    }
  }

  async setStatus(m: EntityManager, id: string, status: ProjectStatus): Promise<void> {
    await m.query(`UPDATE project_evaluation SET status = $2, updated_at = now() WHERE project_id = $1`, [id, status]);
  }

  /** The rows and scores after a reviewer's deduction. */
  async setItems(m: EntityManager, id: string, items: readonly StoredEvaluationItem[], s: EvaluationScores): Promise<void> {
    await m.query(
      `UPDATE project_evaluation SET items = $2::jsonb, execution_rate = $3, execution_score = $4, indicator_score = $5, total_score = $6,
              grade = $7, updated_at = now() WHERE project_id = $1`,
      [id, JSON.stringify(items), s.executionRate, s.executionScore, s.indicatorScore, s.totalScore, s.grade],
    );
  }

  /** The filler's save; `funds` undefined keeps what is stored. */
  async upsert(
    m: EntityManager,
    id: string,
    v: { annualBudget: string; executed: string; goalAchievement: string | null; items: readonly StoredEvaluationItem[]; funds: StoredFunds | undefined; userId: string },
    s: EvaluationScores,
    report?: Partial<EvaluationReport> | null,
  ): Promise<void> {
    const values = [
      id,
      v.annualBudget,
      v.executed,
      v.goalAchievement,
      JSON.stringify(v.items),
      s.executionRate,
      s.executionScore,
      s.indicatorScore,
      s.totalScore,
      s.grade,
      v.userId,
      v.funds === undefined ? null : JSON.stringify(v.funds),
      v.funds !== undefined,
      ...reportValues(report),
    ];
    // funds: a request without them keeps what is stored ($13 false)
    await m.query(
      `INSERT INTO project_evaluation (project_id, annual_budget, executed, goal_achievement, items, execution_rate, execution_score,
                                       indicator_score, total_score, grade, updated_by, funds, ${REPORT_COLUMNS})
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10, $11, $12::jsonb, ${REPORT_INSERT})
       ON CONFLICT (project_id) DO UPDATE SET annual_budget = $2, executed = $3, goal_achievement = $4, items = $5::jsonb,
         execution_rate = $6, execution_score = $7, indicator_score = $8, total_score = $9, grade = $10, updated_by = $11,
         funds = CASE WHEN $13 THEN $12::jsonb ELSE project_evaluation.funds END, updated_at = now(),
         ${REPORT_UPDATE}`,
      values,
    );
  }

  /**
   * 全年执行数 carried into an evaluation not saved yet: the latest monitoring report's 截至当月执行数 — the amount
   * actually executed by then (10号's 全年执行数 is an actual, so not the report's 全年预计执行数 forecast).
   */
  private async carriedExecuted(m: EntityManager, projectId: string): Promise<{ month: number; executed: string } | null> {
    const [r]: { month: number; executed: string }[] = await m.query(
      `SELECT month, executed::text AS executed FROM project_monitoring WHERE project_id = $1 AND executed IS NOT NULL ORDER BY month DESC LIMIT 1`,
      [projectId],
    );
    return r ? { month: Number(r.month), executed: r.executed } : null;
  }

  private async load(user: UserSummary, row: ProjectRow, m: EntityManager): Promise<Evaluation> {
    requireApproved(row, '自评');
    const stored = await this.row(m, row.id);
    const indicators = await this.indicatorsOf(m, row);
    // before the first save the budget defaults to the project's 年度资金申请总额, 全年执行数 to the latest monitoring report's
    const carried = stored ? null : await this.carriedExecuted(m, row.id);
    const budget = stored
      ? { annualBudget: stored.annual_budget, executed: stored.executed }
      : { annualBudget: row.fund_annual_total ?? null, executed: carried?.executed ?? null };
    const scored = await this.scored(m, row, indicators, stored?.items ?? [], budget);
    const { result, items } = scored;
    const funds = readFunds(stored?.funds, budget, row, !!stored);
    const status = stored?.status ?? 'draft';
    const actions = stored ? allowedActions(user, status) : [];
    return {
      projectId: row.id,
      version: row.version,
      status,
      saved: !!stored,
      budget,
      funds,
      executedCarried: carried ? { source: 'monitoring', month: carried.month } : null,
      submissionProblems: submissionProblems(scored.rows, result, fundsInput(funds)),
      goalAchievement: stored?.goal_achievement ?? null,
      report: reportOf(stored),
      executionRate: result.executionRate,
      executionScore: result.executionScore,
      items,
      indicatorScore: result.indicatorScore,
      totalScore: result.totalScore,
      grade: result.grade,
      groups: result.groups,
      problems: result.problems,
      updatedAt: stored ? new Date(stored.updated_at).toISOString() : null,
      basis: scored.basis,
      permissions: {
        edit: hasRole(user, 'filler') && isEditable(status),
        actions,
        deduct: actions.includes('approve'),
      },
    };
  }
}
