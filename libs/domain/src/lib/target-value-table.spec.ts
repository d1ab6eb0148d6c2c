import * as written from '../fixtures/target-values-as-written.json';
import { parseTargetValue } from './target-value';
import type { TargetOperator } from './types';

/**
 * Table-driven: 指标值 as people write them in published tables (§4 reference forms, §11 words, ranges,
 * bare numbers, grade words and sentences; fixtures/target-values-as-written.json), with the parse each must give.
 * One row per value:
 *   [raw, operator, value, unit, valueMax?]  quantitative; operator '=?' means `=` with impliedOperator
 *   [raw, 'compare', value, unit]            比… values
 *   [raw, 'qual'] / [raw, 'malformed'] / [raw, 'empty']
 */
type Row =
  | [string, TargetOperator | '=?', string, string | null]
  | [string, 'between', string, string | null, string]
  | [string, 'compare', string, string | null]
  | [string, 'qual' | 'malformed' | 'empty'];

/** The values, in groups (§4 reference forms, ≥/≤ words, ranges, bare numbers, malformed, 比…, grade words). */
const TABLE = written.groups.flatMap((g) => g.rows) as unknown as Row[];

function expected(r: Row) {
  const [raw, kind] = r;
  if (kind === 'qual' || kind === 'malformed') {
    return { raw, kind: 'qualitative', operator: null, value: null, valueMax: null, unit: null, malformed: kind === 'malformed', implied: false };
  }
  if (kind === 'empty') return { raw, kind: 'empty', operator: null, value: null, valueMax: null, unit: null, malformed: false, implied: false };
  const [, , value, unit, valueMax] = r as [string, string, string, string | null, string?];
  if (kind === 'compare') return { raw, kind: 'compare', operator: null, value, valueMax: null, unit, malformed: false, implied: false };
  const operator = kind === '=?' ? '=' : kind;
  return { raw, kind: 'quantitative', operator, value, valueMax: valueMax ?? null, unit, malformed: false, implied: kind === '=?' };
}

describe(`指标值 as written: ${TABLE.length} values`, () => {
  test('the table holds at least 150 distinct values', () => {
    expect(new Set(TABLE.map((r) => r[0])).size).toBe(TABLE.length);
    expect(TABLE.length).toBeGreaterThanOrEqual(150);
  });

  test.each(TABLE.map((r) => [r[0], r] as const))('%j', (raw, r) => {
    const t = parseTargetValue(raw);
    expect({
      raw,
      kind: t.kind,
      operator: t.operator,
      value: t.value,
      valueMax: t.valueMax ?? null,
      unit: t.unit,
      malformed: t.malformed === true,
      implied: t.impliedOperator === true,
    }).toEqual(expected(r));
  });
});
