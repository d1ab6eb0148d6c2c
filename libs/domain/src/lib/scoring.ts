/**
 * Self-evaluation scoring (绩效自评, domain README §8; 财预〔2020〕10号 defaults). Pure functions, exact
 * decimals (`Dec`), no floats.
 *
 * Decisions (also listed in the hand-over notes):
 *
 * 1. Points: total = budgetPoints (10) for 预算执行率 + indicatorPoints (90) for the indicators.
 *    Framework group weights are points out of 90 and are scaled by indicatorPoints / 90 when the
 *    setting differs.
 * 2. Weight pools: every framework group with a weight is a pool; a `cost` group without a weight
 *    joins the pool of the framework's first `output` group (mof-2021: 成本 + 产出 rows share 50).
 *    Groups without a weight (all of shanghai-2020) share what the weighted groups leave of the
 *    indicator points (shanghai-2020: all 90) equally, counting only groups that have rows.
 * 3. A weighted pool without any rows (e.g. no 满意度 indicator): its weight is REDISTRIBUTED to the
 *    pools that have rows, proportionally to their weights (mof-2021 without 满意度: 产出 56.25, 效益
 *    33.75), and a warning `GROUP_WEIGHT_REDISTRIBUTED` names the group. Why: the 自评表 is always
 *    read out of 100 and the grade bands (优 ≥ 90) assume it; a table approved without 满意度 (a
 *    warning, not an error, in the checks) must not be capped at 90, and shanghai-2020 already
 *    splits the points among the groups that have rows — the same principle.
 * 4. Pool and row weights are whole cents that add up exactly: a pool's weight is split equally
 *    among its rows, the cents left over go one each to the first rows in table order
 *    (50 / 3 → 16.67, 16.67, 16.66). Pool weights are placed the same way (largest remainder).
 *    So the 分值 column always adds up to exactly 90.00 and a row's score never exceeds its 分值.
 * 5. Explicit 分值: all rows of a pool must carry one, each a decimal ≥ 0 with at most 2 decimals,
 *    adding up to the pool weight. Otherwise a problem (`WEIGHTS_INCOMPLETE`, `INVALID_DECIMAL`,
 *    `WEIGHTS_NOT_ADDING_UP`, field `weight`, naming the group) and that pool falls back to the
 *    default split so the result stays consistent.
 * 6. Unit mismatch (actualUnit given and different from the target unit after normalising brackets
 *    and full-width %): score 0, flag `UNIT_MISMATCH` and an error problem — no unit conversion is
 *    attempted, because a silently wrong score (0.95 vs 95 %) is worse than asking to restate it.
 * 7. executionRate is executed / annualBudget as a percentage with 2 decimals, NOT capped
 *    ("105.00" shows over-execution; a warning `EXECUTION_ABOVE_BUDGET` is added); the score uses
 *    min(rate, 1). With an invalid, negative or zero budget the rate and score are "0.00" and an
 *    error problem names the field.
 * 8. Problems that break a rule have severity 'error' (the API answers 422 with them); the rest
 *    are 'warning'. Whatever the problems, a complete, self-consistent result is returned: an
 *    explicit score outside its band / range is ignored and the default for the grade is used.
 * 9. Rows whose 指标值 is malformed or empty (but which have a name) and qualitative rows are
 *    scored by the evaluator's grade (flags `MALFORMED_TARGET` / `MISSING_TARGET` mark the first two).
 * 10. A compare row (比…) accepts an explicit score in [0, 分值] for achieved true or false (README §8);
 *    default full when achieved, 0 when not.
 * 11. `achieved` on an item: quantitative — the target is met (full score before rounding);
 *    qualitative — grade 达成; compare — as given; null when missing or for placeholders.
 */
import { Dec, isDecimalString } from './decimal';
import { gradeFor, type EvaluationInput, type EvaluationItemResult, type EvaluationProblem, type EvaluationResult } from './scoring-model';
import { blank, scoreBudget, scoreRow } from './scoring-rows';
import { centsToString, planWeights, resolveSettings, toCents } from './scoring-weights';

// The model (types, flags, codes, grade bands, default settings), the default 分值, and the deviations and
// funds block of the 自评表: one public module, as before the split.
export * from './scoring-model';
export { defaultWeights } from './scoring-weights';
export * from './scoring-deviation';
export * from './scoring-funds';

// ---------------------------------------------------------------------------------------------
// Main entry

/** Score a self-evaluation (README §8). Never throws for bad row/budget input (see `problems`); throws DecimalError for invalid settings. */
export function scoreEvaluation(input: EvaluationInput): EvaluationResult {
  const settings = resolveSettings(input.settings);
  const rows = input.rows ?? [];
  const plan = planWeights(input.framework, rows, settings);
  const problems: EvaluationProblem[] = [];

  const budget = scoreBudget(input.budget, settings, problems);
  problems.push(...plan.problems);

  // Weights: default split unless a pool's rows all carry valid explicit 分值 adding up to the pool weight.
  const weightCents = [...plan.defaultCents];
  for (const pool of plan.pools) {
    if (pool.rows.length === 0) continue;
    const given = pool.rows.filter((r) => !blank(rows[r].weight));
    if (given.length === 0) continue;
    if (given.length < pool.rows.length) {
      problems.push({
        index: null,
        field: 'weight',
        code: 'WEIGHTS_INCOMPLETE',
        message: `“${pool.label}”只有部分三级指标填写了分值：要么全部填写，要么全部留空按平均分配`,
        severity: 'error',
        group: pool.label,
      });
      continue;
    }
    let valid = true;
    const explicit: bigint[] = [];
    for (const r of pool.rows) {
      const w = rows[r].weight!.trim();
      if (!isDecimalString(w, 2)) {
        valid = false;
        problems.push({
          index: r,
          field: 'weight',
          code: 'INVALID_DECIMAL',
          message: `分值“${rows[r].weight}”不是最多两位小数的数字`,
          severity: 'error',
        });
        continue;
      }
      const d = Dec.of(w);
      if (d.isNegative()) {
        valid = false;
        problems.push({ index: r, field: 'weight', code: 'NEGATIVE_VALUE', message: '分值不能为负数', severity: 'error' });
        continue;
      }
      explicit.push(toCents(d));
    }
    if (!valid) continue;
    const sum = explicit.reduce((a, b) => a + b, 0n);
    if (sum !== pool.cents) {
      problems.push({
        index: null,
        field: 'weight',
        code: 'WEIGHTS_NOT_ADDING_UP',
        message: `“${pool.label}”各三级指标分值合计 ${centsToString(sum)}，应为 ${centsToString(pool.cents)}`,
        severity: 'error',
        group: pool.label,
      });
      continue;
    }
    pool.rows.forEach((r, j) => (weightCents[r] = explicit[j]));
  }

  const items: EvaluationItemResult[] = [];
  const poolScores = plan.pools.map(() => 0n);
  let indicatorCents = 0n;
  rows.forEach((row, i) => {
    const p = plan.poolOf[i];
    if (p === -1) {
      items.push({ index: i, group: null, weight: '0.00', score: '0.00', achieved: null, flags: ['PLACEHOLDER'] });
      return;
    }
    const weight = Dec.fraction(weightCents[i], 100n);
    const out = scoreRow(row, i, weight, settings);
    problems.push(...out.problems);
    const raw = out.explicit ?? weight.mul(out.fraction ?? Dec.ZERO);
    // Clamp defensively into [0, 分值] (all rules already keep it there).
    const scoreCents = toCents(Dec.min(Dec.max(raw, Dec.ZERO), weight).roundHalfUp(2));
    indicatorCents += scoreCents;
    if (p >= 0) poolScores[p] += scoreCents;
    const flags = p === -2 ? ['UNKNOWN_GROUP', ...out.flags] : out.flags;
    items.push({
      index: i,
      group: plan.groupOf[i],
      weight: centsToString(weightCents[i]),
      score: centsToString(scoreCents),
      achieved: out.achieved,
      flags,
    });
  });

  const totalCents = toCents(budget.score) + indicatorCents;
  const totalScore = centsToString(totalCents);
  return {
    executionRate: budget.rate,
    executionScore: budget.score.toFixed(2),
    items,
    indicatorScore: centsToString(indicatorCents),
    totalScore,
    grade: gradeFor(totalScore, settings.gradeBands),
    problems,
    groups: plan.pools
      .filter((p) => p.rows.length > 0)
      .map((p) => ({
        name: p.name,
        members: p.members.map((m) => m.name),
        weight: centsToString(p.rows.reduce((a, r) => a + weightCents[r], 0n)),
        score: centsToString(poolScores[plan.pools.indexOf(p)]),
        rowCount: p.rows.length,
      })),
  };
}
