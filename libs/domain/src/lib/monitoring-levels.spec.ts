import fc from 'fast-check';
import { Dec } from './decimal';
import { indicatorLight, isCumulativeUnit } from './monitoring';
import { parseTargetValue } from './target-value';

/** Issue 12: non-cumulative units (levels) and ranges in the monitoring light (domain §7, §11). */

describe('isCumulativeUnit: running totals are pro-rated, levels are not', () => {
  test.each([
    ['个', true],
    ['人次', true],
    ['万元', true],
    ['家', true],
    ['天', true],
    ['期', true],
    ['名', true], // 招录20名: people
    ['位', true],
    ['度', true], // kWh
    ['次/年', true],
    ['（期/年）', true],
    [null, true],
    ['', true],
    ['%', false],
    ['％', false],
    ['(%)', false],
    ['‰', false],
    ['分', false],
    ['（分）', false],
    ['级', false],
    ['星', false],
    ['星级', false],
    ['倍', false],
    ['个百分点', false],
    ['元/人', false],
    ['次/场', false],
    ['分/次', false],
  ])('%j → %s', (unit, cumulative) => {
    expect(isCumulativeUnit(unit)).toBe(cumulative);
  });
});

describe('indicatorLight: a 分 (score) indicator is judged as a level', () => {
  test('the issue: an assessment score ≥90(分) at 97.5 in July is 108.33 % green, not 185.71 % blue', () => {
    // cumulative would be 97.5 / (90 × 7 / 12 = 52.5) = 185.71 % → blue
    expect(indicatorLight({ target: parseTargetValue('≥90分'), current: '97.5', month: 7 })).toEqual({ light: 'green', progress: '108.33' });
    expect(indicatorLight({ target: parseTargetValue('不低于90分'), current: '88', month: 7 })).toEqual({ light: 'green', progress: '97.78' });
  });

  test.each(['分', '级', '星', '%', '元/人'])('property: for unit %s the month does not change the light', (unit) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), (target, current, m1, m2) => {
        const t = parseTargetValue(`≥${target}${unit}`);
        expect(indicatorLight({ target: t, current: String(current), month: m1 })).toEqual(
          indicatorLight({ target: t, current: String(current), month: m2 }),
        );
      }),
      { numRuns: 200 },
    );
  });

  test('an explicit cumulative flag still wins', () => {
    expect(indicatorLight({ target: parseTargetValue('≥90分'), current: '52.5', month: 7, cumulative: true })).toEqual({ light: 'green', progress: '100.00' });
  });
});

describe('indicatorLight: ranges (between) against the nearer bound', () => {
  const R = parseTargetValue('90%-95%');
  test.each([
    ['53.99', 'red', '59.99', undefined], // 53.99 / 90
    ['54', 'yellow', '60.00', undefined],
    ['72', 'green', '80.00', undefined], // 80 % of the lower bound: green, as for an equal value
    ['90', 'green', '100.00', undefined],
    ['95', 'green', '105.56', undefined], // inside: green, never blue
    ['95.01', 'red', '100.01', 'ABOVE_RANGE'], // above the upper bound: like a reverse target against 95
    ['120', 'red', '126.32', 'ABOVE_RANGE'],
  ])('90%%-95%%, current %s → %s', (current, light, progress, reason) => {
    const expected = reason ? { light, progress, reason } : { light, progress };
    expect(indicatorLight({ target: R, current, month: 7 })).toEqual(expected);
    expect(indicatorLight({ target: R, current, month: 2 })).toEqual(expected); // a rate: the month does not matter
  });

  test('a cumulative range pro-rates its lower bound only: 3-5个 in July', () => {
    const T = parseTargetValue('3-5个');
    // due by July: 3 × 7 / 12 = 1.75; 1 / 1.75 = 57.14 % red; 2 / 1.75 = 114.29 % green
    expect(indicatorLight({ target: T, current: '1', month: 7 })).toEqual({ light: 'red', progress: '57.14' });
    expect(indicatorLight({ target: T, current: '2', month: 7 })).toEqual({ light: 'green', progress: '114.29' });
    // 4 is ahead of the pro-rated share but within the year's upper bound: green, not red
    expect(indicatorLight({ target: T, current: '4', month: 7 }).light).toBe('green');
    expect(indicatorLight({ target: T, current: '6', month: 7 })).toEqual({ light: 'red', progress: '120.00', reason: 'ABOVE_RANGE' });
  });

  test('a range from 0: green inside, red above', () => {
    const T = parseTargetValue('0-5%');
    expect(indicatorLight({ target: T, current: '3', month: 7 })).toEqual({ light: 'green', progress: null, reason: 'TARGET_ZERO' });
    expect(indicatorLight({ target: T, current: '6', month: 7 })).toEqual({ light: 'red', progress: '120.00', reason: 'ABOVE_RANGE' });
  });

  test('property: inside the range is always green, above it always red, never blue', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 30_000 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom('%', '个', '分'),
        (lo, width, current, month, unit) => {
          const hi = lo + width;
          const l = indicatorLight({ target: parseTargetValue(`${lo}${unit}-${hi}${unit}`), current: String(current), month });
          expect(l.light).not.toBe('blue');
          if (current >= lo && current <= hi) expect(l.light).toBe('green');
          if (current > hi) expect(l).toMatchObject({ light: 'red', reason: 'ABOVE_RANGE' });
          if (current < lo && unit !== '个') {
            // a level below the lower bound: exactly the light of the equal value =lower
            const eq = indicatorLight({ target: parseTargetValue(`=${lo}${unit}`), current: String(current), month });
            expect(l).toEqual(eq);
            expect(Dec.of(l.progress ?? '0').lt(Dec.fromInt(100))).toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
