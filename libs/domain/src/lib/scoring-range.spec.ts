import fc from 'fast-check';
import { Dec } from './decimal';
import { scoreEvaluation, type ScoringSettings } from './scoring';
import { parseTargetValue } from './target-value';
import type { Framework } from './types';

/** Scoring of a range target (between, §11) through scoreEvaluation: one row whose 分值 is 10. */
const ONE_GROUP: Framework = { code: 'test-one', name: '测试', groups: [{ name: '产出指标', weight: 90, role: 'output', children: ['质量指标'] }] };

function score(target: string, actual: string, settings: Partial<ScoringSettings> = {}) {
  const res = scoreEvaluation({
    framework: ONE_GROUP,
    rows: [{ level1: '产出指标', level2: '质量指标', name: '合格率', target: parseTargetValue(target), actual }],
    budget: { annualBudget: '100', executed: '100' },
    settings: { indicatorPoints: '10', ...settings },
  });
  return res.items[0];
}

describe('between: full inside, the nearer bound outside', () => {
  test.each([
    ['90', '10.00', true], // the lower bound
    ['92.5', '10.00', true],
    ['95', '10.00', true], // the upper bound
    ['81', '9.00', false], // below: 10 × 81 / 90
    ['45', '5.00', false],
    ['0', '0.00', false],
    ['-3', '0.00', false], // a negative actual counts as 0
    ['95.95', '9.90', false], // above: 10 × (1 − 0.95 / 95) = 9.90 (linear, the reverse rule against 95)
    ['114', '8.00', false], // 10 × (1 − 19 / 95)
    ['190', '0.00', false], // twice the upper bound and more: 0
  ])('90%%-95%%, actual %s → %s', (actual, expected, achieved) => {
    const item = score('90%-95%', actual);
    expect(item.score).toBe(expected);
    expect(item.achieved).toBe(achieved);
    expect(item.flags).not.toContain('FAR_ABOVE_TARGET');
  });

  test('above the upper bound with the region setting reverseRule "ratio": 分值 × upper / actual', () => {
    // 10 × 95 / 114 = 8.333… → 8.33
    expect(score('90%-95%', '114', { reverseRule: 'ratio' }).score).toBe('8.33');
  });

  test('a range from 0: anything up to the upper bound is full; a negative actual below 0 scores 0', () => {
    expect(score('0-5%', '0').score).toBe('10.00');
    expect(score('0-5%', '-1').score).toBe('0.00');
    expect(score('0-5%', '7.5').score).toBe('5.00'); // 10 × (1 − 2.5 / 5)
  });

  test('words and ranges score like their symbol forms', () => {
    expect(score('不低于95%', '90').score).toBe(score('≥95%', '90').score);
    expect(score('控制在5%以内', '6').score).toBe(score('≤5%', '6').score);
    expect(score('100%', '80').score).toBe(score('=100%', '80').score);
  });

  test('property: inside is full; below equals the = rule against the lower bound; above never beats inside', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 4000 }), (lo, width, actual) => {
        const hi = lo + width;
        const item = score(`${lo}-${hi}个`, String(actual));
        if (actual >= lo && actual <= hi) expect(item.score).toBe('10.00');
        if (actual < lo) expect(item.score).toBe(score(`=${lo}个`, String(actual)).score);
        if (actual > hi) {
          expect(Dec.of(item.score).lt(Dec.fromInt(10))).toBe(true);
          expect(item.score).toBe(score(`≤${hi}个`, String(actual)).score);
        }
      }),
      { numRuns: 300 },
    );
  });
});
