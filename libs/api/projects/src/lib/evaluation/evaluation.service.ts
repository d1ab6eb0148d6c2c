import { Injectable } from '@nestjs/common';
import { ApiHttpException, badRequest } from '@pt/api/core';
import { submissionProblems } from '@pt/domain';
import type {
  Evaluation,
  EvaluationTransitionDto,
  Indicator,
  PatchEvaluationDto,
  ProjectScoringBasis,
  ProjectStatus,
  PutEvaluationDto,
  UserSummary,
} from '@pt/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { ACTION_LABEL, allowedActions, EDITABLE_STATUSES, has, loadGoals, nextStatus, ProjectsService, statusLabel, writeHistory, type ProjectRow } from '../projects.service';
import { applyDeductions } from './evaluation-deduction';
import { fundsInput, readFunds, toStoredFunds, type StoredFunds } from './evaluation-funds';
import { errorDetails, problemDetails, scoreStoredEvaluation, toStoredItem, type ScoredEvaluation, type StoredEvaluationItem } from './evaluation-scoring';

interface EvaluationDbRow {
  status: ProjectStatus;
  annual_budget: string;
  executed: string;
  goal_achievement: string | null;
  items: StoredEvaluationItem[];
  funds: StoredFunds | null;
  updated_at: Date;
}

/** Self-evaluation (绩效自评) of approved projects: scored by the domain, reviewed like the targets. */
@Injectable()
export class EvaluationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projects: ProjectsService,
  ) {}

  async get(user: UserSummary, id: string): Promise<Evaluation> {
    const row = await this.projects.findVisible(user, id);
    return this.load(user, row, this.dataSource.manager);
  }

  async put(user: UserSummary, id: string, ifMatch: string | undefined, dto: PutEvaluationDto): Promise<Evaluation> {
    await this.projects.write(user, id, ifMatch, async (m, row) => {
      this.assertApproved(row);
      const current = await this.row(m, id);
      if (!has(user, 'filler')) throw new ApiHttpException(403, 'FORBIDDEN', '只有项目所属单位的填报人可以填写自评');
      if (current && !EDITABLE_STATUSES.includes(current.status)) {
        throw new ApiHttpException(409, 'NOT_EDITABLE', `自评处于「${statusLabel(current.status)}」状态，不能修改（只有草稿或已退回的自评可以修改）`);
      }
      const indicators = await this.indicatorsOf(m, row);
      const known = new Set(indicators.map((i) => i.id));
      const seen = new Set<string>();
      const wrong = dto.items.flatMap((it, k) => {
        if (!known.has(it.indicatorId)) return [{ field: `items[${k}].indicatorId`, message: '该指标不在本项目已批复的绩效目标表中' }];
        if (seen.has(it.indicatorId)) return [{ field: `items[${k}].indicatorId`, message: '同一指标只能出现一次' }];
        seen.add(it.indicatorId);
        return [];
      });
      if (wrong.length) throw badRequest(wrong);
      // the reviewer's deductions are not the filler's to set or drop: carried over every save
      const deducted = new Map((current?.items ?? []).flatMap((s) => (s.deduction ? [[s.indicatorId, s.deduction] as const] : [])));
      const stored = dto.items.map((it) => ({ ...toStoredItem(it), deduction: deducted.get(it.indicatorId) ?? null }));
      for (const [indicatorId, deduction] of deducted) {
        if (!seen.has(indicatorId)) stored.push({ ...toStoredItem({ indicatorId }), deduction });
      }
      const { result } = await this.scored(m, row, indicators, stored, dto.budget);
      const errors = errorDetails(result, indicators, dto.items);
      if (errors.length) {
        throw new ApiHttpException(422, 'EVALUATION_RULES', `自评有 ${errors.length} 处不符合评分规则，未保存：${errors[0].message}`, errors);
      }
      const funds = toStoredFunds(dto.funds);
      const values = [
        id,
        dto.budget.annualBudget,
        dto.budget.executed,
        dto.goalAchievement?.trim() || null,
        JSON.stringify(stored),
        result.executionRate,
        result.executionScore,
        result.indicatorScore,
        result.totalScore,
        result.grade,
        user.id,
        funds === undefined ? null : JSON.stringify(funds),
        funds !== undefined,
      ];
      // funds: a request without them keeps what is stored ($13 false)
      await m.query(
        `INSERT INTO project_evaluation (project_id, annual_budget, executed, goal_achievement, items, execution_rate, execution_score,
                                         indicator_score, total_score, grade, updated_by, funds)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10, $11, $12::jsonb)
         ON CONFLICT (project_id) DO UPDATE SET annual_budget = $2, executed = $3, goal_achievement = $4, items = $5::jsonb,
           execution_rate = $6, execution_score = $7, indicator_score = $8, total_score = $9, grade = $10, updated_by = $11,
           funds = CASE WHEN $13 THEN $12::jsonb ELSE project_evaluation.funds END, updated_at = now()`,
        values,
      );
    });
    return this.get(user, id);
  }

  async transition(user: UserSummary, id: string, ifMatch: string | undefined, dto: EvaluationTransitionDto): Promise<Evaluation> {
    await this.projects.write(user, id, ifMatch, async (m, row) => {
      this.assertApproved(row);
      const current = await this.row(m, id);
      const from: ProjectStatus = current?.status ?? 'draft';
      const action = dto.action;
      const comment = dto.comment?.trim() || null;
      const byFiller = action === 'submit' || action === 'withdraw';
      if (byFiller ? !has(user, 'filler') : !has(user, 'dept_reviewer') && !has(user, 'finance_reviewer')) {
        throw new ApiHttpException(403, 'FORBIDDEN', byFiller ? '只有填报人可以提交或撤回自评' : '只有审核人可以审核通过或退回自评');
      }
      if (!current) throw new ApiHttpException(409, 'INVALID_TRANSITION', '自评尚未保存，不能提交');
      if (!allowedActions(user, from).includes(action)) {
        throw new ApiHttpException(409, 'INVALID_TRANSITION', `自评处于「${statusLabel(from)}」状态，不能${ACTION_LABEL[action]}`);
      }
      if (action === 'return' && !comment) {
        throw new ApiHttpException(400, 'VALIDATION_FAILED', '退回须填写理由', [{ field: 'comment', message: '退回须填写理由' }]);
      }
      if (action === 'submit') await this.assertComplete(m, row, current);
      const to = nextStatus(from, action);
      await m.query(`UPDATE project_evaluation SET status = $2, updated_at = now() WHERE project_id = $1`, [id, to]);
      await writeHistory(m, id, user, `eval_${action}`, from, to, comment);
      await this.projects.audit.record({ event: `evaluation.${action}`, result: 'ok', objectType: 'evaluation', objectId: id, details: { from, to } }, m);
    });
    return this.get(user, id);
  }

  /**
   * PATCH: the reviewer whose turn it is (主管部门 on a submitted evaluation, 财政 on a dept-approved one) applies
   * or removes 10号's deduction on far-exceeded rows, each with a reason; the scores are stored as recomputed.
   */
  async deduct(user: UserSummary, id: string, ifMatch: string | undefined, dto: PatchEvaluationDto): Promise<Evaluation> {
    await this.projects.write(user, id, ifMatch, async (m, row) => {
      this.assertApproved(row);
      if (!has(user, 'dept_reviewer') && !has(user, 'finance_reviewer')) {
        throw new ApiHttpException(403, 'FORBIDDEN', '只有审核人可以按偏离度扣分');
      }
      const current = await this.row(m, id);
      if (!current || !allowedActions(user, current.status).includes('approve')) {
        const state = current ? `自评处于「${statusLabel(current.status)}」状态` : '自评尚未保存';
        throw new ApiHttpException(409, 'INVALID_TRANSITION', `${state}：只有正在审核该自评的审核人可以按偏离度扣分`);
      }
      const indicators = await this.indicatorsOf(m, row);
      const budget = { annualBudget: current.annual_budget, executed: current.executed };
      const now = await this.scored(m, row, indicators, current.items, budget);
      const { items, notes } = applyDeductions(indicators, current.items, now.items, dto.deductions, user);
      const { result } = await this.scored(m, row, indicators, items, budget);
      await m.query(
        `UPDATE project_evaluation SET items = $2::jsonb, execution_rate = $3, execution_score = $4, indicator_score = $5, total_score = $6,
                grade = $7, updated_at = now() WHERE project_id = $1`,
        [id, JSON.stringify(items), result.executionRate, result.executionScore, result.indicatorScore, result.totalScore, result.grade],
      );
      for (const note of notes) await writeHistory(m, id, user, 'eval_deduct', current.status, current.status, note);
      await this.projects.audit.record(
        { event: 'evaluation.deduct', result: 'ok', objectType: 'evaluation', objectId: id, details: { rows: dto.deductions.length, totalScore: result.totalScore } },
        m,
      );
    });
    return this.get(user, id);
  }

  /** 提交 needs a 偏差原因 on every row that misses its target and a funds block that adds up (domain `submissionProblems`). */
  private async assertComplete(m: EntityManager, row: ProjectRow, current: EvaluationDbRow): Promise<void> {
    const indicators = await this.indicatorsOf(m, row);
    const budget = { annualBudget: current.annual_budget, executed: current.executed };
    const scored = await this.scored(m, row, indicators, current.items, budget);
    const funds = readFunds(current.funds, budget, row, true);
    const errors = problemDetails(submissionProblems(scored.rows, scored.result, fundsInput(funds)), indicators, indicators.map((i) => ({ indicatorId: i.id })));
    if (errors.length) {
      throw new ApiHttpException(422, 'EVALUATION_INCOMPLETE', `自评有 ${errors.length} 处须补充后才能提交：${errors[0].message}`, errors);
    }
  }

  private assertApproved(row: ProjectRow): void {
    if (row.status !== 'approved') {
      throw new ApiHttpException(409, 'NOT_APPROVED', `项目处于「${statusLabel(row.status)}」状态：只有已批复的项目可以自评`);
    }
  }

  private async row(m: EntityManager, id: string): Promise<EvaluationDbRow | undefined> {
    const [r]: EvaluationDbRow[] = await m.query(
      `SELECT status, annual_budget::text AS annual_budget, executed::text AS executed, goal_achievement, items, funds, updated_at
         FROM project_evaluation WHERE project_id = $1`,
      [id],
    );
    return r;
  }

  private async indicatorsOf(m: EntityManager, row: ProjectRow): Promise<Indicator[]> {
    const goals = await loadGoals(m, [row.id]);
    return goals.find((g) => g.kind === 'annual' && g.year === row.year)?.indicators ?? [];
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

  /** Scored with the framework and settings versions the project was declared under (its `basis`). */
  private async scored(
    m: EntityManager,
    row: ProjectRow,
    indicators: readonly Indicator[],
    stored: readonly StoredEvaluationItem[],
    budget: { annualBudget: string | null; executed: string | null },
  ): Promise<ScoredEvaluation & { basis: ProjectScoringBasis }> {
    const basis = await this.projects.frameworks.basis(row, m);
    return { ...scoreStoredEvaluation(basis.framework, indicators, stored, budget, basis.settings), basis };
  }

  private async load(user: UserSummary, row: ProjectRow, m: EntityManager): Promise<Evaluation> {
    this.assertApproved(row);
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
        edit: has(user, 'filler') && EDITABLE_STATUSES.includes(status),
        actions,
        deduct: actions.includes('approve'),
      },
    };
  }
}
