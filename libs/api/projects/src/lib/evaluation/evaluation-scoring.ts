import { getFramework, scoreEvaluation, type EvaluationResult, type QualitativeGrade } from '@pt/domain';
import type { ApiErrorDetail, EvaluationItem, EvaluationItemDto, Indicator } from '@pt/shared/contracts';

/** One stored row of an evaluation (the jsonb `items` of project_evaluation), keyed by indicator. */
export interface StoredEvaluationItem {
  indicatorId: string;
  actual: string | null;
  actualUnit: string | null;
  grade: QualitativeGrade | null;
  score: string | null;
  weight: string | null;
  achieved: boolean | null;
  description: string | null;
  deviationReason: string | null;
}

export function toStoredItem(dto: EvaluationItemDto): StoredEvaluationItem {
  const text = (v: string | null | undefined) => (v === undefined || v === null || v.trim() === '' ? null : v.trim());
  return {
    indicatorId: dto.indicatorId,
    actual: text(dto.actual),
    actualUnit: text(dto.actualUnit),
    grade: dto.grade ?? null,
    score: text(dto.score),
    weight: text(dto.weight),
    achieved: dto.achieved ?? null,
    description: text(dto.description),
    deviationReason: text(dto.deviationReason),
  };
}

const EMPTY: Omit<StoredEvaluationItem, 'indicatorId'> = {
  actual: null,
  actualUnit: null,
  grade: null,
  score: null,
  weight: null,
  achieved: null,
  description: null,
  deviationReason: null,
};

export interface ScoredEvaluation {
  result: EvaluationResult;
  items: EvaluationItem[];
}

/**
 * Score an evaluation with the domain's rules (README §8): the rows are the indicators of the approved
 * annual table, in their order; `stored` gives what was entered for each (by indicator id).
 * The same function scores a save, a read and the demo data, so what is stored is what the domain computes.
 */
export function scoreStoredEvaluation(
  frameworkCode: string,
  indicators: readonly Indicator[],
  stored: readonly StoredEvaluationItem[],
  budget: { annualBudget: string | null; executed: string | null },
): ScoredEvaluation {
  const framework = getFramework(frameworkCode);
  if (!framework) throw new Error(`unknown framework ${frameworkCode}`);
  const byId = new Map(stored.map((s) => [s.indicatorId, s]));
  const inputs = indicators.map((ind) => ({ ...EMPTY, ...byId.get(ind.id), indicatorId: ind.id }));
  const result = scoreEvaluation({
    framework,
    budget: { annualBudget: budget.annualBudget ?? '', executed: budget.executed ?? '' },
    rows: indicators.map((ind, i) => ({
      level1: ind.level1,
      level2: ind.level2,
      name: ind.name,
      target: ind.target,
      weight: inputs[i].weight,
      actual: inputs[i].actual,
      actualUnit: inputs[i].actualUnit,
      grade: inputs[i].grade,
      score: inputs[i].score,
      achieved: inputs[i].achieved,
      description: inputs[i].description,
    })),
  });
  const items: EvaluationItem[] = indicators.map((ind, i) => {
    const r = result.items[i];
    const { indicatorId, ...input } = inputs[i];
    return {
      indicatorId,
      level1: ind.level1,
      level2: ind.level2,
      name: ind.name,
      target: ind.target,
      input,
      weight: r.weight,
      score: r.score,
      achieved: r.achieved,
      flags: r.flags,
    };
  });
  return { result, items };
}

/**
 * The error problems of a scoring as the 422's details, each naming the request field:
 * a row's problem names `items[k].<field>` where k is the position of that indicator in the request
 * (or `indicators[i]` when the request did not send the row), the budget's `budget.<field>`.
 */
export function errorDetails(
  result: EvaluationResult,
  indicators: readonly Indicator[],
  requestItems: readonly { indicatorId: string }[],
): ApiErrorDetail[] {
  const position = new Map(requestItems.map((it, k) => [it.indicatorId, k]));
  return result.problems
    .filter((p) => p.severity === 'error')
    .map((p) => {
      let field = p.field;
      if (p.index !== null) {
        const k = position.get(indicators[p.index]?.id ?? '');
        field = k === undefined ? `indicators[${p.index}].${p.field}` : `items[${k}].${p.field}`;
      } else if (p.field === 'weight' && p.group) {
        field = `items.weight（${p.group}）`;
      }
      return { field, code: p.code, message: p.message };
    });
}
