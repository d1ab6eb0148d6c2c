import { budgetLight, hasNumericProgress, indicatorLight, monitoringCurrentProblem, monitoringRowProblems, projectLight } from './monitoring';
import { EMPTY_TARGET, qualitative, quantity } from '../testing/target-values';
import type { TargetValue } from './types';

const q = quantity;
const QUAL = qualitative('有效');
const EMPTY = EMPTY_TARGET;

describe('indicatorLight: cumulative positive indicator, month 7', () => {
  // ≥1200(个), due by July = 1200 × 7 / 12 = 700
  const T = q('≥', '1200', '个');
  it.each([
    ['419', '59.86', 'red'], // 419 / 700 = 0.598571 → 59.86 %
    ['420', '60.00', 'yellow'], // 420 / 700 = 60 % exactly
    ['559', '79.86', 'yellow'], // 559 / 700 = 0.798571
    ['560', '80.00', 'green'], // 80 % exactly
    ['700', '100.00', 'green'],
    ['839', '119.86', 'green'], // 839 / 700 = 1.198571
    ['840', '120.00', 'blue'], // 120 % exactly
    ['0', '0.00', 'red'],
  ])('current %s → %s %% %s', (current, progress, light) => {
    expect(indicatorLight({ target: T, current, month: 7 })).toEqual({ light, progress });
  });

  it('judges the colour on the progress shown: 419.97 / 700 = 59.9957 % shows 60.00 → yellow', () => {
    expect(indicatorLight({ target: T, current: '419.97', month: 7 })).toEqual({ light: 'yellow', progress: '60.00' });
  });

  it('month 12 compares with the whole target; month 1 with 1/12', () => {
    // 1200 / 1200 = 100 %; 100 / (1200 / 12 = 100) = 100 %
    expect(indicatorLight({ target: T, current: '1200', month: 12 }).progress).toBe('100.00');
    expect(indicatorLight({ target: T, current: '100', month: 1 }).progress).toBe('100.00');
  });

  it('non-cumulative count indicator: current / target', () => {
    // ≥4(家) level indicator: 3 / 4 = 75 % → yellow (cumulative would be 3 / (4 × 7/12) = 128.57 % blue)
    expect(indicatorLight({ target: q('≥', '4', '家'), current: '3', month: 7, cumulative: false })).toEqual({
      light: 'yellow',
      progress: '75.00',
    });
    expect(indicatorLight({ target: q('≥', '4', '家'), current: '3', month: 7 })).toEqual({ light: 'blue', progress: '128.57' });
  });
});

describe('indicatorLight: rate (%) indicator', () => {
  const T = q('≥', '90', '%');
  it.each([
    ['53.99', '59.99', 'red'], // 53.99 / 90 = 0.599888…
    ['54', '60.00', 'yellow'], // 54 / 90 = 0.6
    ['72', '80.00', 'green'], // 72 / 90 = 0.8
    ['107.99', '119.99', 'green'],
    ['108', '120.00', 'blue'], // 108 / 90 = 1.2
  ])('current %s → %s %% %s (month does not matter)', (current, progress, light) => {
    expect(indicatorLight({ target: T, current, month: 7 })).toEqual({ light, progress });
    expect(indicatorLight({ target: T, current, month: 3 })).toEqual({ light, progress });
  });

  it('an explicitly cumulative % indicator is pro-rated: ≥100% current 35 in July → 35 / 58.33 = 60 %', () => {
    // 100 × 7 / 12 = 58.333…; 35 / 58.333… = 0.6
    expect(indicatorLight({ target: q('≥', '100', '%'), current: '35', month: 7, cumulative: true })).toEqual({
      light: 'yellow',
      progress: '60.00',
    });
  });

  it('equal =100% behaves as positive', () => {
    expect(indicatorLight({ target: q('=', '100', '%'), current: '100', month: 7 })).toEqual({ light: 'green', progress: '100.00' });
    expect(indicatorLight({ target: q('=', '100', '（％）'), current: '79.99', month: 7 })).toEqual({
      light: 'yellow',
      progress: '79.99',
    });
  });
});

describe('indicatorLight: reverse and target 0', () => {
  it('reverse: green while current ≤ target, else red (never blue or yellow)', () => {
    expect(indicatorLight({ target: q('≤', '5', '秒'), current: '5', month: 7 })).toMatchObject({ light: 'green', progress: '100.00' });
    expect(indicatorLight({ target: q('<', '5', '秒'), current: '1', month: 7 })).toMatchObject({ light: 'green', progress: '20.00' });
    expect(indicatorLight({ target: q('≤', '5', '秒'), current: '5.01', month: 7 })).toMatchObject({ light: 'red', progress: '100.20' });
  });

  it('target 0: =0(起) and ≤0 green while current ≤ 0; ≥0 green while current ≥ 0; no progress', () => {
    expect(indicatorLight({ target: q('=', '0', '起'), current: '0', month: 7 })).toEqual({ light: 'green', progress: null, reason: 'TARGET_ZERO' });
    expect(indicatorLight({ target: q('=', '0', '起'), current: '1', month: 7 })).toEqual({ light: 'red', progress: null, reason: 'TARGET_ZERO' });
    expect(indicatorLight({ target: q('≤', '0', '起'), current: '0', month: 7 }).light).toBe('green');
    expect(indicatorLight({ target: q('≤', '0', '起'), current: '2', month: 7 }).light).toBe('red');
    expect(indicatorLight({ target: q('≥', '0', '个'), current: '0', month: 7 }).light).toBe('green');
    expect(indicatorLight({ target: q('≥', '0', '个'), current: '-1', month: 7 }).light).toBe('red');
  });
});

describe('indicatorLight: no numeric progress', () => {
  it('missing or invalid current → none', () => {
    const T = q('≥', '90', '%');
    expect(indicatorLight({ target: T, current: null, month: 7 })).toEqual({ light: 'none', progress: null, reason: 'MISSING_CURRENT' });
    expect(indicatorLight({ target: T, current: ' ', month: 7 })).toEqual({ light: 'none', progress: null, reason: 'MISSING_CURRENT' });
    expect(indicatorLight({ target: T, current: '90%', month: 7 })).toEqual({ light: 'none', progress: null, reason: 'INVALID_CURRENT' });
  });

  it('qualitative / empty → none, or the likelihood when given', () => {
    expect(indicatorLight({ target: QUAL, current: null, month: 7 })).toEqual({ light: 'none', progress: null, reason: 'NOT_QUANTITATIVE' });
    expect(indicatorLight({ target: EMPTY, current: '5', month: 7 }).light).toBe('none');
    expect(indicatorLight({ target: QUAL, current: null, month: 7, likelihood: '确定能' }).light).toBe('green');
    expect(indicatorLight({ target: QUAL, current: null, month: 7, likelihood: '有可能' }).light).toBe('yellow');
    expect(indicatorLight({ target: QUAL, current: null, month: 7, likelihood: '完全不可能' })).toEqual({
      light: 'red',
      progress: null,
      reason: 'LIKELIHOOD',
    });
  });

  it('month outside 1..12 throws', () => {
    for (const month of [0, 13, 7.5]) {
      expect(() => indicatorLight({ target: q('≥', '1'), current: '1', month })).toThrow(RangeError);
    }
  });
});

describe('budgetLight', () => {
  // 年初预算 1200000, July: expected share 7/12
  it.each([
    ['419000', '59.86', 'red', '34.92'], // 419000 / 1200000 = 0.349166…; × 12 / 7 = 0.598571
    ['420000', '60.00', 'yellow', '35.00'], // 0.35 × 12 / 7 = 0.6
    ['559000', '79.86', 'yellow', '46.58'],
    ['560000', '80.00', 'green', '46.67'], // 0.46666… × 12 / 7 = 0.8
    ['840000', '120.00', 'green', '70.00'], // no blue for the budget
    ['1300000', '185.71', 'green', '108.33'],
  ])('executed %s → %s %% %s (rate %s %%)', (executed, progress, light, executionRate) => {
    expect(budgetLight({ annualBudget: '1200000.00', executed, month: 7 })).toEqual({ light, progress, executionRate });
  });

  it('zero, negative, missing or invalid numbers → none with a reason', () => {
    expect(budgetLight({ annualBudget: '0', executed: '0', month: 7 })).toMatchObject({ light: 'none', reason: 'BUDGET_ZERO' });
    expect(budgetLight({ annualBudget: '-1', executed: '0', month: 7 })).toMatchObject({ light: 'none', reason: 'INVALID_BUDGET' });
    expect(budgetLight({ annualBudget: '100', executed: null, month: 7 })).toMatchObject({ light: 'none', reason: 'MISSING_CURRENT' });
    expect(budgetLight({ annualBudget: '', executed: '1', month: 7 })).toMatchObject({ light: 'none', reason: 'MISSING_BUDGET' });
    expect(budgetLight({ annualBudget: '100', executed: 'abc', month: 7 })).toMatchObject({ light: 'none', reason: 'INVALID_CURRENT' });
  });
});

describe('projectLight', () => {
  it.each([
    [['green', 'red', 'blue'], 'red'],
    [['yellow', 'green', 'blue'], 'yellow'],
    [['blue', 'green'], 'green'],
    [['none', 'blue'], 'blue'],
    [['none'], 'none'],
    [[], 'none'],
  ] as const)('%j → %s', (lights, expected) => {
    expect(projectLight(lights)).toBe(expected);
  });
});

describe('monitoringRowProblems', () => {
  const codes = (r: Parameters<typeof monitoringRowProblems>[0]) => monitoringRowProblems(r).map((p) => `${p.field}:${p.code}`);

  it('确定能 needs nothing', () => {
    expect(codes({ likelihood: '确定能', reasons: [], measures: '' })).toEqual([]);
  });

  it('有可能 / 完全不可能 need a reason and measures', () => {
    expect(codes({ likelihood: '有可能', reasons: [], measures: '' })).toEqual(['reasons:REASON_REQUIRED', 'measures:MEASURES_REQUIRED']);
    expect(codes({ likelihood: '完全不可能', reasons: ['经费保障'], measures: '  ' })).toEqual(['measures:MEASURES_REQUIRED']);
    expect(codes({ likelihood: '有可能', reasons: ['人员保障', '其他'], measures: '增加人手' })).toEqual([]);
  });

  it('unknown reasons are invalid and do not count', () => {
    expect(codes({ likelihood: '有可能', reasons: ['天气原因'], measures: '调整计划' })).toEqual([
      'reasons:REASON_INVALID',
      'reasons:REASON_REQUIRED',
    ]);
    expect(codes({ likelihood: '确定能', reasons: ['天气原因'], measures: '' })).toEqual(['reasons:REASON_INVALID']);
  });

  it('a missing likelihood is a problem and requires reasons and measures', () => {
    expect(codes({ likelihood: '', reasons: [], measures: '' })).toEqual([
      'likelihood:LIKELIHOOD_INVALID',
      'reasons:REASON_REQUIRED',
      'measures:MEASURES_REQUIRED',
    ]);
  });

  it('messages are in Chinese', () => {
    expect(monitoringRowProblems({ likelihood: '有可能', reasons: [], measures: '' })[0].message).toMatch(/偏差原因/);
  });
});

describe('hasNumericProgress', () => {
  it('is true exactly where indicatorLight wants a number (a missing current then has no light)', () => {
    const targets: TargetValue[] = [q('≥', '1200', '个'), q('≤', '5', '%'), q('=', '100', '%'), QUAL, EMPTY, { ...q('≥', '90', '%'), malformed: true }];
    for (const t of targets) {
      const wantsNumber = indicatorLight({ target: t, current: null, month: 7 }).reason === 'MISSING_CURRENT';
      expect([t.raw, hasNumericProgress(t)]).toEqual([t.raw, wantsNumber]);
    }
    expect(hasNumericProgress(QUAL)).toBe(false);
    expect(hasNumericProgress(q('≥', '90', '%'))).toBe(true);
  });
});

describe('monitoringCurrentProblem', () => {
  it('asks a number of a quantitative row, takes a text on the others', () => {
    expect(monitoringCurrentProblem(q('≥', '90', '%'), '85.5')).toBeNull();
    expect(monitoringCurrentProblem(q('≥', '90', '%'), ' ')).toBeNull();
    expect(monitoringCurrentProblem(q('≥', '90', '%'), '约八成')).toMatch(/^当前完成值须为数字/);
    expect(monitoringCurrentProblem(q('≥', '90', '%'), '1.23456')).toMatch(/最多四位小数/);
    expect(monitoringCurrentProblem(QUAL, '已完成中期评审')).toBeNull();
  });
});
