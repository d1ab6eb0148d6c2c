import { Dec, type EvaluationProblem, type EvaluationResult, type EvaluationRowInput, type Framework, getFramework, type QualitativeGrade, scoreEvaluation, type ScoringSettings, textOrNull } from '@pt/domain';
import type { ApiErrorDetail, EvaluationItem, EvaluationItemDto, Indicator } from '@pt/shared/contracts';

/** The reviewer's deduction of a row for a far-exceeded target (10号), kept with the row's inputs. */
export interface StoredDeduction {
  reason: string;
  userId: string;
  userName: string;
  at: string;
}

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
  /** Set by the reviewer only (PATCH), carried over the filler's saves; absent on rows stored before it existed. */
  deduction?: StoredDeduction | null;
}

export function toStoredItem(dto: EvaluationItemDto): StoredEvaluationItem {
  return {
    indicatorId: dto.indicatorId,
    actual: textOrNull(dto.actual),
    actualUnit: textOrNull(dto.actualUnit),
    grade: dto.grade ?? null,
    score: textOrNull(dto.score),
    weight: textOrNull(dto.weight),
    achieved: dto.achieved ?? null,
    description: textOrNull(dto.description),
    deviationReason: textOrNull(dto.deviationReason),
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
  /** The domain's rows as scored (for `submissionProblems`). */
  rows: EvaluationRowInput[];
}

/**
 * Score an evaluation with the domain's rules (README §8): the rows are the indicators of the approved
 * annual table, in their order; `stored` gives what was entered for each (by indicator id).
 * The same function scores a save, a read and the demo data, so what is stored is what the domain computes.
 */
export function scoreStoredEvaluation(
  frameworkOrCode: Framework | string,
  indicators: readonly Indicator[],
  stored: readonly StoredEvaluationItem[],
  budget: { annualBudget: string | null; executed: string | null },
  settings?: Partial<ScoringSettings>,
): ScoredEvaluation {
  // the project's stored version (the shipped one by code: the demo data)
  const framework = typeof frameworkOrCode === 'string' ? getFramework(frameworkOrCode) : frameworkOrCode;
  if (!framework) throw new Error(`unknown framework ${String(frameworkOrCode)}`);
  const byId = new Map(stored.map((s) => [s.indicatorId, s]));
  const inputs = indicators.map((ind) => ({ ...EMPTY, ...byId.get(ind.id), indicatorId: ind.id }));
  const rows: EvaluationRowInput[] = indicators.map((ind, i) => ({
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
    deviationReason: inputs[i].deviationReason,
    deduction: !!inputs[i].deduction,
  }));
  const result = scoreEvaluation({ framework, budget: { annualBudget: budget.annualBudget ?? '', executed: budget.executed ?? '' }, rows, settings });
  const items: EvaluationItem[] = indicators.map((ind, i) => {
    const r = result.items[i];
    const { indicatorId, deduction, ...input } = inputs[i];
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
      deduction: deduction
        ? { reason: deduction.reason, userName: deduction.userName, at: deduction.at, points: Dec.of(r.weight).sub(Dec.of(r.score)).toFixed(2) }
        : null,
    };
  });
  return { result, items, rows };
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
  return problemDetails(result.problems, indicators, requestItems);
}

/** `errorDetails` of any list of problems (e.g. the domain's `submissionProblems`), errors only. */
export function problemDetails(
  problems: readonly EvaluationProblem[],
  indicators: readonly Indicator[],
  requestItems: readonly { indicatorId: string }[],
): ApiErrorDetail[] {
  const position = new Map(requestItems.map((it, k) => [it.indicatorId, k]));
  return problems
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
