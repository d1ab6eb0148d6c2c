import { Injectable } from '@nestjs/common';
import { ApiHttpException, badRequest } from '@pt/api/core';
import { errorDetails, EvaluationStore, targetLabel, toStoredFunds, toStoredItem, writeHistory, requireApproved } from '@pt/api/targets/data-access';
import { allowedActions, hasRole, isEditable, statusLabel } from '@pt/domain';
import type { Evaluation, PatchEvaluationDto, PutEvaluationDto, UserSummary } from '@pt/shared/contracts';
import { applyDeductions, notInTable } from './evaluation-deduction';

/** Self-evaluation (绩效自评) of approved projects: scored by the domain; its review is feature-review's. */
@Injectable()
export class EvaluationService {
  constructor(private readonly evaluations: EvaluationStore) {}

  get(user: UserSummary, id: string): Promise<Evaluation> {
    return this.evaluations.get(user, id);
  }

  async put(user: UserSummary, id: string, ifMatch: string | undefined, dto: PutEvaluationDto): Promise<Evaluation> {
    const ev = this.evaluations;
    await ev.targets.write(user, id, ifMatch, async (m, row) => {
      requireApproved(row, '自评');
      const current = await ev.row(m, id);
      if (!hasRole(user, 'filler')) throw new ApiHttpException(403, 'FORBIDDEN', `只有${targetLabel(row.kind)}所属单位的填报人可以填写自评`);
      if (current && !isEditable(current.status)) {
        throw new ApiHttpException(409, 'NOT_EDITABLE', `自评处于「${statusLabel(current.status)}」状态，不能修改（只有草稿或已退回的自评可以修改）`);
      }
      const indicators = await ev.indicatorsOf(m, row);
      const known = new Set(indicators.map((i) => i.id));
      const seen = new Set<string>();
      const wrong = dto.items.flatMap((it, k) => {
        if (!known.has(it.indicatorId)) return [{ field: `items[${k}].indicatorId`, message: notInTable(row.kind) }];
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
      const { result } = await ev.scored(m, row, indicators, stored, dto.budget);
      const errors = errorDetails(result, indicators, dto.items);
      if (errors.length) {
        throw new ApiHttpException(422, 'EVALUATION_RULES', `自评有 ${errors.length} 处不符合评分规则，未保存：${errors[0].message}`, errors);
      }
      const saved = {
        annualBudget: dto.budget.annualBudget,
        executed: dto.budget.executed,
        goalAchievement: dto.goalAchievement?.trim() || null,
        items: stored,
        funds: toStoredFunds(dto.funds),
        userId: user.id,
      };
      await ev.upsert(m, id, saved, result, dto.report);
    });
    return this.get(user, id);
  }

  /**
   * PATCH: the reviewer whose turn it is (主管部门 on a submitted evaluation, 财政 on a dept-approved one) applies
   * or removes 10号's deduction on far-exceeded rows, each with a reason; the scores are stored as recomputed.
   */
  async deduct(user: UserSummary, id: string, ifMatch: string | undefined, dto: PatchEvaluationDto): Promise<Evaluation> {
    const ev = this.evaluations;
    await ev.targets.write(user, id, ifMatch, async (m, row) => {
      requireApproved(row, '自评');
      if (!hasRole(user, 'dept_reviewer') && !hasRole(user, 'finance_reviewer')) {
        throw new ApiHttpException(403, 'FORBIDDEN', '只有审核人可以按偏离度扣分');
      }
      const current = await ev.row(m, id);
      if (!current || !allowedActions(user, current.status).includes('approve')) {
        const state = current ? `自评处于「${statusLabel(current.status)}」状态` : '自评尚未保存';
        throw new ApiHttpException(409, 'INVALID_TRANSITION', `${state}：只有正在审核该自评的审核人可以按偏离度扣分`);
      }
      const indicators = await ev.indicatorsOf(m, row);
      const budget = { annualBudget: current.annual_budget, executed: current.executed };
      const now = await ev.scored(m, row, indicators, current.items, budget);
      const { items, notes } = applyDeductions(indicators, current.items, now.items, dto.deductions, user, row.kind);
      const { result } = await ev.scored(m, row, indicators, items, budget);
      await ev.setItems(m, id, items, result);
      for (const note of notes) await writeHistory(m, id, user, 'eval_deduct', current.status, current.status, note);
      await ev.targets.audit.record(
        { event: 'evaluation.deduct', result: 'ok', objectType: 'evaluation', objectId: id, details: { rows: dto.deductions.length, totalScore: result.totalScore } },
        m,
      );
    });
    return this.get(user, id);
  }
}
