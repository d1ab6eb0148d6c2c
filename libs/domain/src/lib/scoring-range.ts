import { Dec } from './decimal';

/**
 * Score fraction of a range target (operator `between`, `90%-95%`; domain README §11: "inside it scores
 * full, outside it scores as an equal value against the nearer bound").
 *
 * - lower ≤ actual ≤ upper: full (1), achieved.
 * - below the lower bound: the §8 equal rule against the lower bound — actual / lower (a negative actual
 *   counts as 0); a lower bound ≤ 0 that is missed scores 0 (as "=0" does above its target).
 * - above the upper bound: the §8 equal rule alone would give full (an equal target counts only a
 *   shortfall), which would make the upper bound meaningless; so the excess is deducted as §8 deducts it
 *   for a reverse target against the upper bound — linear 1 − (actual − upper) / upper, 0 from twice the
 *   upper bound on, or upper / actual with the region's `ratio` setting; an upper bound ≤ 0 exceeded: 0.
 * Not achieved outside the range. No FAR_ABOVE_TARGET flag: the upper bound already says what is too much.
 */
export function rangeFraction(
  actual: Dec,
  lower: Dec,
  upper: Dec,
  reverseRule: 'linear' | 'ratio',
): { fraction: Dec; achieved: boolean } {
  if (actual.gte(lower) && actual.lte(upper)) return { fraction: Dec.ONE, achieved: true };
  if (actual.lt(lower)) {
    const fraction = lower.isPositive() ? Dec.max(actual, Dec.ZERO).div(lower) : Dec.ZERO;
    return { fraction, achieved: false };
  }
  if (!upper.isPositive()) return { fraction: Dec.ZERO, achieved: false };
  const fraction = reverseRule === 'ratio' ? upper.div(actual) : Dec.max(Dec.ONE.sub(actual.sub(upper).div(upper)), Dec.ZERO);
  return { fraction, achieved: false };
}
