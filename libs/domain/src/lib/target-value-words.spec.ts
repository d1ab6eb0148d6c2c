import fc from 'fast-check';
import { formatTargetValue, parseTargetValue } from './target-value';
import { TARGET_WORD_OPERATORS } from './target-value-words';
import { EXPECTED_DIRECTION } from '../testing/target-values';
import type { TargetValue } from './types';

/** Property tests, one per rule of §11 (domain README): words, ranges, bare numbers, thousands separators. */

const DIRECTION = EXPECTED_DIRECTION;
const UNITS = ['%', '个', '次', '人', '家', '期', '件', '天', '篇', '人次', '万元', '次/年', '元/人', '分', '星', '个工作日'];

/** A non-negative decimal as written, and its canonical form (computed here, not by the parser). */
const decimal = fc.record({ int: fc.nat({ max: 100_000 }), frac: fc.string({ unit: fc.constantFrom('0', '3', '5', '9'), maxLength: 3 }) }).map(({ int, frac }) => ({
  written: frac ? `${int}.${frac}` : String(int),
  canonical: `${int}.${frac.length < 2 ? frac.padEnd(2, '0') : frac}`,
  n: Number(`${int}.${frac || '0'}`),
}));
const unitOrNone = fc.option(fc.constantFrom(...UNITS), { nil: null });
const space = fc.constantFrom('', ' ', '\u3000');

function parts(t: TargetValue) {
  return { kind: t.kind, operator: t.operator, value: t.value, valueMax: t.valueMax ?? null, unit: t.unit, direction: t.direction, malformed: t.malformed === true };
}

describe('rule: a comparison word before the number is its operator', () => {
  const before = TARGET_WORD_OPERATORS.filter((w) => w.position === 'before');
  test('every word the §11 list names is read', () => {
    const named = ['不低于', '不少于', '至少', '大于等于', '不高于', '不超过', '最多', '小于等于', '高于', '大于', '超过', '低于', '小于', '不足', '不满'];
    expect(named.filter((w) => !before.some((b) => b.word === w))).toEqual([]);
  });

  test('property: Word Num Unit? → that operator, the canonical number and the unit', () => {
    fc.assert(
      fc.property(fc.constantFrom(...before), space, decimal, space, unitOrNone, (w, s1, d, s2, unit) => {
        const t = parseTargetValue(`${w.word}${s1}${d.written}${s2}${unit ?? ''}`);
        expect(parts(t)).toEqual({ kind: 'quantitative', operator: w.operator, value: d.canonical, valueMax: null, unit, direction: DIRECTION[w.operator], malformed: false });
        expect(t.text).toBe(`${w.operator}${d.canonical}${unit ? `(${unit})` : ''}`);
      }),
      { numRuns: 500 },
    );
  });
});

describe('rule: a comparison word after the number (以上, 以内 …) is its operator, (含) allowed', () => {
  const after = TARGET_WORD_OPERATORS.filter((w) => w.position === 'after');
  test('property: Num Unit? (含)? Word → that operator', () => {
    fc.assert(
      fc.property(decimal, unitOrNone, fc.constantFrom('', '(含)', '（含）'), fc.constantFrom(...after), (d, unit, incl, w) => {
        const t = parseTargetValue(`${d.written}${unit ?? ''}${incl}${w.word}`);
        expect(parts(t)).toEqual({ kind: 'quantitative', operator: w.operator, value: d.canonical, valueMax: null, unit, direction: DIRECTION[w.operator], malformed: false });
      }),
      { numRuns: 300 },
    );
  });

  test('property: 控制在 Num Unit? 以内|以下|之内 → ≤; 控制在 without them, or a word on both sides, is not a quantity', () => {
    fc.assert(
      fc.property(decimal, unitOrNone, fc.constantFrom('以内', '以下', '之内'), (d, unit, end) => {
        expect(parts(parseTargetValue(`控制在${d.written}${unit ?? ''}${end}`))).toMatchObject({ operator: '≤', value: d.canonical, unit });
        expect(parseTargetValue(`控制在${d.written}${unit ?? ''}`).kind).toBe('qualitative');
        expect(parseTargetValue(`不低于${d.written}${unit ?? ''}${end}`).kind).toBe('qualitative');
      }),
      { numRuns: 200 },
    );
  });

  test('a word inside a sentence does not make a quantity', () => {
    for (const s of ['90%以上的群众满意', '不低于上年水平', '确保不低于95%的覆盖率', '3个工作日内完成']) {
      expect(parseTargetValue(s)).toMatchObject({ kind: 'qualitative', operator: null });
    }
  });
});

describe('rule: a range is between, value the lower and valueMax the upper bound', () => {
  const separators = ['-', '－', '~', '～', '〜', '—', '–', '至', '到'];
  const range = fc.tuple(decimal, decimal).map(([a, b]) => (a.n <= b.n ? [a, b] : [b, a]));

  test('property: Num Unit? Sep Num Unit? (unit once at the end or on both sides) → between', () => {
    fc.assert(
      fc.property(range, fc.constantFrom(...separators), unitOrNone, fc.boolean(), space, ([lo, hi], sep, unit, both, s) => {
        const raw = `${lo.written}${both && unit ? unit : ''}${s}${sep}${s}${hi.written}${unit ?? ''}`;
        const t = parseTargetValue(raw);
        expect({ raw, ...parts(t) }).toEqual({ raw, kind: 'quantitative', operator: 'between', value: lo.canonical, valueMax: hi.canonical, unit, direction: 'equal', malformed: false });
        expect(t.text).toBe(`${lo.canonical}-${hi.canonical}${unit ? `(${unit})` : ''}`);
      }),
      { numRuns: 500 },
    );
  });

  test('property: the canonical display reads back as the same range, negative bounds included', () => {
    fc.assert(
      fc.property(range, fc.boolean(), fc.boolean(), unitOrNone, ([lo, hi], negLo, negHi, unit) => {
        const l = negLo && lo.n > 0 ? `-${lo.canonical}` : lo.canonical;
        const h = negHi && !negLo && hi.n > 0 ? `-${hi.canonical}` : hi.canonical;
        if (negHi && !negLo && hi.n > 0) return; // would put the upper bound below the lower one
        const x: TargetValue = { raw: '', text: '', kind: 'quantitative', operator: 'between', value: l, valueMax: h, unit, direction: 'equal' };
        const y = parseTargetValue(formatTargetValue(x));
        expect(parts(y)).toEqual({ kind: 'quantitative', operator: 'between', value: l, valueMax: h, unit, direction: 'equal', malformed: false });
      }),
      { numRuns: 400 },
    );
  });

  test('property: a range written high-low is malformed (never silently swapped), and different units are not a range', () => {
    fc.assert(
      fc.property(range, fc.constantFrom('%', '个'), ([lo, hi], unit) => {
        if (lo.n === hi.n) return;
        expect(parts(parseTargetValue(`${hi.written}${unit}-${lo.written}${unit}`))).toMatchObject({ kind: 'qualitative', malformed: true, operator: null });
        expect(parseTargetValue(`${lo.written}个-${hi.written}人`).operator).toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});

describe('rule: a bare number with a unit is = (impliedOperator); without a unit it is malformed', () => {
  test('property: Num Unit → =, impliedOperator; Num alone → malformed', () => {
    fc.assert(
      fc.property(decimal, fc.constantFrom(...UNITS), fc.constantFrom('bare', '()', '（）'), (d, unit, form) => {
        const u = form === 'bare' ? unit : form === '()' ? `(${unit})` : `（${unit}）`;
        const t = parseTargetValue(`${d.written}${u}`);
        expect(parts(t)).toEqual({ kind: 'quantitative', operator: '=', value: d.canonical, valueMax: null, unit, direction: 'equal', malformed: false });
        expect(t.impliedOperator).toBe(true);
        // the canonical display writes the operator: it is no longer implied
        expect(parseTargetValue(t.text).impliedOperator).toBeUndefined();
        expect(parts(parseTargetValue(d.written))).toMatchObject({ kind: 'qualitative', malformed: true });
      }),
      { numRuns: 300 },
    );
  });
});

describe('rule: thousands separators are fine in every form', () => {
  test('property: 1,234,567 in Quant, Words, Range and Bare forms', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 99_999_999 }), fc.constantFrom(',', '，'), (n, comma) => {
        const grouped = n.toLocaleString('en-US').replace(/,/g, comma);
        const canonical = `${n}.00`;
        expect(parseTargetValue(`≥${grouped}个`)).toMatchObject({ operator: '≥', value: canonical });
        expect(parseTargetValue(`不少于${grouped}人次`)).toMatchObject({ operator: '≥', value: canonical, unit: '人次' });
        expect(parseTargetValue(`${grouped}个`)).toMatchObject({ operator: '=', value: canonical, impliedOperator: true });
        expect(parseTargetValue(`1,000-${grouped}个`)).toMatchObject({ operator: 'between', value: '1000.00', valueMax: canonical });
      }),
      { numRuns: 200 },
    );
  });
});
