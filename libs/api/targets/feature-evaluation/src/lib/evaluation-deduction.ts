import { ApiHttpException, badRequest } from '@pt/api/core';
import { rowLabel } from '@pt/domain';
import type { EvaluationDeductionDto, EvaluationItem, Indicator, TargetKindKey, UserSummary } from '@pt/shared/contracts';
import { targetLabel, toStoredItem, type StoredEvaluationItem } from '@pt/api/targets/data-access';

/** A row that is not in the target's approved table, named by the target's kind (本项目 / 本政策绩效目标…). */
export function notInTable(kind: TargetKindKey): string {
  return `该指标不在本${targetLabel(kind)}已批复的绩效目标表中`;
}

/**
 * The reviewer's deductions (10号: an actual far above a target that was set too low may have its score reduced by
 * the deviation) applied to the stored rows: each named row must be in the approved table, once; applying needs a
 * reason (400) and a row the domain flags FAR_ABOVE_TARGET (422, the row named); removing needs neither. Returns
 * the new stored rows and one history note per change. The score itself is the domain's rule (scoring-deviation.ts).
 */
export function applyDeductions(
  indicators: readonly Indicator[],
  stored: readonly StoredEvaluationItem[],
  /** The rows as scored now (in `indicators` order): which are far above their target (not changed by a deduction). */
  scored: readonly Pick<EvaluationItem, 'flags'>[],
  deductions: readonly EvaluationDeductionDto[],
  user: Pick<UserSummary, 'id' | 'displayName'>,
  kind: TargetKindKey = 'project',
): { items: StoredEvaluationItem[]; notes: string[] } {
  const position = new Map(indicators.map((ind, i) => [ind.id, i]));
  const seen = new Set<string>();
  const wrong = deductions.flatMap((d, k) => {
    if (!position.has(d.indicatorId)) return [{ field: `deductions[${k}].indicatorId`, message: notInTable(kind) }];
    if (seen.has(d.indicatorId)) return [{ field: `deductions[${k}].indicatorId`, message: '同一指标只能出现一次' }];
    seen.add(d.indicatorId);
    if (d.apply && !(d.reason ?? '').trim()) return [{ field: `deductions[${k}].reason`, message: '按偏离度扣分须填写理由（如指标值设定明显偏低）' }];
    return [];
  });
  if (wrong.length) throw badRequest(wrong);

  const refused = deductions.flatMap((d, k) => {
    const i = position.get(d.indicatorId) as number;
    if (!d.apply || scored[i].flags.includes('FAR_ABOVE_TARGET')) return [];
    return [
      {
        field: `deductions[${k}].indicatorId`,
        code: 'DEDUCTION_NOT_APPLICABLE',
        message: `${rowLabel(i, indicators[i].name)}的实际完成值没有远超年度指标值，不能按偏离度扣分`,
      },
    ];
  });
  if (refused.length) {
    throw new ApiHttpException(422, 'DEDUCTION_NOT_APPLICABLE', `${refused[0].message}，未保存`, refused);
  }

  const byId = new Map(stored.map((s) => [s.indicatorId, s]));
  const at = new Date().toISOString();
  const notes: string[] = [];
  for (const d of deductions) {
    const i = position.get(d.indicatorId) as number;
    const before = byId.get(d.indicatorId) ?? { ...toStoredItem({ indicatorId: d.indicatorId }), deduction: null };
    const place = rowLabel(i, indicators[i].name);
    if (d.apply) {
      const reason = (d.reason ?? '').trim();
      byId.set(d.indicatorId, { ...before, deduction: { reason, userId: user.id, userName: user.displayName, at } });
      notes.push(`${place}按偏离度扣分：${reason}`);
    } else if (before.deduction) {
      byId.set(d.indicatorId, { ...before, deduction: null });
      notes.push(`${place}取消按偏离度扣分`);
    }
  }
  return { items: [...byId.values()], notes };
}
