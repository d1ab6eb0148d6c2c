import { Dec } from '../decimal';
import type { IndicatorHistory } from '../fields/indicator-meta';
import { normaliseLevelName } from '../frameworks';
import { parseTargetValue, unitsEqual } from '../target-value';
import type { Finding } from '../types';
import { finding, rowLabel } from './check-rules';

/** What makes two rows of two years "the same indicator": 一级, 二级 (spacing ignored) and the 三级 name. */
export function indicatorKey(row: { level1: string; level2: string; name: string }): string {
  return `${normaliseLevelName(row.level1)}\u0000${normaliseLevelName(row.level2)}\u0000${row.name.trim()}`;
}

/**
 * BELOW_LAST_YEAR_ACTUAL (domain §11): a target of the "higher is better" kind (≥, >, =) set below what the same
 * indicator actually reached last year, in the same unit — a target set too low to be a target. Rows whose value or
 * last year's actual is not a number (or in another unit) are not compared.
 */
export function checkAgainstLastYear(rows: readonly { name: string; target: string; history?: IndicatorHistory | null }[]): Finding[] {
  const out: Finding[] = [];
  rows.forEach((row, index) => {
    const h = row.history;
    if (!h || h.actual === null) return;
    const t = parseTargetValue(row.target);
    if (t.kind !== 'quantitative' || t.malformed || t.direction !== 'positive' && t.direction !== 'equal') return;
    if (t.operator !== '≥' && t.operator !== '>' && t.operator !== '=') return;
    const a = parseTargetValue(h.actual);
    if (a.kind !== 'quantitative' || a.malformed || a.operator !== '=') return;
    if (a.unit !== null && !unitsEqual(t.unit, a.unit)) return;
    const target = Dec.parse(t.value);
    const actual = Dec.parse(a.value);
    if (!target || !actual || !target.lt(actual)) return;
    out.push(
      finding(
        'BELOW_LAST_YEAR_ACTUAL',
        `${rowLabel({ index, name: row.name.trim() })}的指标值「${row.target.trim()}」低于该指标上年（${h.year}年）的实际完成值「${h.actual}」，请核实目标是否设定过低或说明设定依据。`,
        index,
      ),
    );
  });
  return out;
}
