import fc from 'fast-check';
import { Dec } from './decimal';
import { MOF_2021, SHANGHAI_2020 } from './frameworks';
import {
  defaultWeights,
  EvaluationInput,
  EvaluationRowInput,
  GRADE_BANDS,
  gradeFor,
  scoreEvaluation,
  ScoringSettings,
  TOTAL_GRADE_BANDS,
} from './scoring';
import { comparison, EMPTY_TARGET, qualitative, quantity } from '../testing/target-values';
import type { Framework, TargetOperator, TargetValue } from './types';

// ----- hand-built targets (the parser lives elsewhere) -----
const q = quantity;
const qual = qualitative;
const cmp = comparison;
const EMPTY = EMPTY_TARGET;

function row(level1: string, level2: string, name: string, target: TargetValue, extra: Partial<EvaluationRowInput> = {}): EvaluationRowInput {
  return { level1, level2, name, target, ...extra };
}

/** A framework with one group of 90; `indicatorPoints` scales it to the weight W we want for a single row. */
const ONE_GROUP: Framework = {
  code: 'test-one',
  name: '测试',
  groups: [{ name: '产出指标', weight: 90, role: 'output', children: ['数量指标'] }],
};
const BUDGET_FULL = { annualBudget: '100.00', executed: '100.00' };

/** Score a single row whose 分值 is W (default 10). */
function one(target: TargetValue, extra: Partial<EvaluationRowInput> = {}, W = '10', settings: Partial<ScoringSettings> = {}) {
  const res = scoreEvaluation({
    framework: ONE_GROUP,
    rows: [row('产出指标', '数量指标', '测试指标', target, extra)],
    budget: BUDGET_FULL,
    settings: { indicatorPoints: W, ...settings },
  });
  expect(res.items[0].weight).toBe(Dec.of(W).toFixed(2));
  return { item: res.items[0], res };
}

describe('positive direction (≥ >)', () => {
  it('1. ≥90(%) actual 95 → full 10.00, achieved', () => {
    // 95 ≥ 90 → 10
    const { item } = one(q('≥', '90', '%'), { actual: '95' });
    expect(item.score).toBe('10.00');
    expect(item.achieved).toBe(true);
    expect(item.flags).toEqual([]);
  });

  // the cases that check one score: [case, target, actual, 分值, score], the arithmetic after each
  it.each<[string, TargetValue, string, string, string]>([
    ['2. ≥90 actual exactly 90 → full', q('≥', '90', '%'), '90', '10', '10.00'], // 90 ≥ 90 → 10
    ['4. ≥1500(个) actual 1000 → 6.67', q('≥', '1500', '个'), '1000', '10', '6.67'], // 10 × 1000 / 1500 = 6.6666… → 6.67
    ['5. >99(%) actual 99 counts as met (actual ≥ target → full)', q('>', '99', '%'), '99', '10', '10.00'], // 99 ≥ 99 → 10
    ['8. half-up: ≥8 actual 7.3 with 分值 10 → 9.13 (9.125 rounds up)', q('≥', '8', '个'), '7.3', '10', '9.13'], // 10 × 7.3 / 8 = 9.125
    ['9. half-up: ≥40 actual 1.1 with 分值 10 → 0.28 (0.275 rounds up)', q('≥', '40', '个'), '1.1', '10', '0.28'], // 10 × 1.1 / 40 = 0.275
    ['10. half-up on an odd 分值: 16.67 × 2/3 = 11.1133… → 11.11', q('≥', '3', '次'), '2', '16.67', '11.11'], // 16.67 × 2 / 3 = 11.11333
  ])('%s', (_case, target, actual, W, score) => {
    expect(one(target, { actual }, W).item.score).toBe(score);
  });

  it('3. ≥90 actual 81 → 9.00', () => {
    // 10 × 81 / 90 = 9
    const { item } = one(q('≥', '90', '%'), { actual: '81' });
    expect(item.score).toBe('9.00');
    expect(item.achieved).toBe(false);
  });

  it('6. negative actual counts as 0', () => {
    // max(−5, 0) = 0 → 10 × 0 / 90 = 0
    const { item } = one(q('≥', '90', '%'), { actual: '-5' });
    expect(item.score).toBe('0.00');
    expect(item.flags).toContain('NEGATIVE_ACTUAL');
  });

  it('7. ≥0 target: actual 0 → full, actual −1 → 0', () => {
    // 0 ≥ 0 → 10; −1 < 0 and target 0 → 0
    expect(one(q('≥', '0', '个'), { actual: '0' }).item.score).toBe('10.00');
    expect(one(q('≥', '0', '个'), { actual: '-1' }).item.score).toBe('0.00');
  });
});

describe('equal direction (=)', () => {
  it('11. =100(%) actual 100 → full; 95 → 9.50', () => {
    // 100 ≥ 100 → 10; 10 × 95 / 100 = 9.5
    expect(one(q('=', '100', '%'), { actual: '100' }).item.score).toBe('10.00');
    expect(one(q('=', '100', '%'), { actual: '95' }).item.score).toBe('9.50');
  });

  it('12. =0(起) actual 0 → full, 1 → 0', () => {
    // target 0: actual ≤ 0 → full, otherwise 0
    const ok = one(q('=', '0', '起'), { actual: '0' }).item;
    expect(ok.score).toBe('10.00');
    expect(ok.achieved).toBe(true);
    const bad = one(q('=', '0', '起'), { actual: '1' }).item;
    expect(bad.score).toBe('0.00');
    expect(bad.achieved).toBe(false);
  });
});

describe('reverse direction (≤ <)', () => {
  it('13. ≤0.10(%) actual 0.10 and 0.05 → full', () => {
    // 0.10 ≤ 0.10, 0.05 ≤ 0.10 → 10
    expect(one(q('≤', '0.10', '%'), { actual: '0.10' }).item.score).toBe('10.00');
    expect(one(q('≤', '0.10', '%'), { actual: '0.05' }).item.score).toBe('10.00');
  });

  it('14. <5(秒) actual 6 → 8.00', () => {
    // 10 × (1 − (6 − 5) / 5) = 10 × 0.8 = 8
    const { item } = one(q('<', '5', '秒'), { actual: '6' });
    expect(item.score).toBe('8.00');
    expect(item.achieved).toBe(false);
  });

  // [case, target, actual, score], the arithmetic after each
  it.each<[string, TargetValue, string, string]>([
    ['15. ≤5 actual exactly 2× (10) → 0', q('≤', '5', '秒'), '10', '0.00'], // 10 ≥ 2 × 5 → 0
    ['16. ≤5 actual beyond 2× (12) → 0', q('≤', '5', '秒'), '12', '0.00'], // 12 ≥ 10 → 0
    ['17. ≤5 actual just below 2× (9.99) → 0.02', q('≤', '5', '秒'), '9.99', '0.02'], // 10 × (1 − 4.99 / 5) = 10 × 0.002 = 0.02
  ])('%s', (_case, target, actual, score) => {
    expect(one(target, { actual }).item.score).toBe(score);
  });

  it('18. ≤0 target: actual 0 → full, 0.01 → 0', () => {
    expect(one(q('≤', '0', '起'), { actual: '0' }).item.score).toBe('10.00');
    expect(one(q('≤', '0', '起'), { actual: '0.01' }).item.score).toBe('0.00');
  });

  it('19. setting reverseRule ratio: ≤5 actual 8 → 6.25; actual 10 → 5.00; ≤3 actual 7 → 4.29', () => {
    // 10 × 5 / 8 = 6.25; 10 × 5 / 10 = 5; 10 × 3 / 7 = 4.2857 → 4.29
    const s = { reverseRule: 'ratio' as const };
    expect(one(q('≤', '5', '秒'), { actual: '8' }, '10', s).item.score).toBe('6.25');
    expect(one(q('≤', '5', '秒'), { actual: '10' }, '10', s).item.score).toBe('5.00');
    expect(one(q('≤', '3', '秒'), { actual: '7' }, '10', s).item.score).toBe('4.29');
    // the default linear rule on the same input gives 10 × (1 − 3/5) = 4
    expect(one(q('≤', '5', '秒'), { actual: '8' }).item.score).toBe('4.00');
  });
});

describe('far above target', () => {
  it('20. ≥100 actual 121 → FAR_ABOVE_TARGET, not cut; 120 exactly → no flag', () => {
    // 121 > 100 × 1.20 = 120 → flag; score stays full
    const far = one(q('≥', '100', '个'), { actual: '121' }).item;
    expect(far.flags).toContain('FAR_ABOVE_TARGET');
    expect(far.score).toBe('10.00');
    expect(one(q('≥', '100', '个'), { actual: '120' }).item.flags).not.toContain('FAR_ABOVE_TARGET');
  });

  it('21. threshold setting 0.50: 121 is not flagged, 151 is', () => {
    // 100 × 1.5 = 150
    expect(one(q('≥', '100', '个'), { actual: '121' }, '10', { farAboveThreshold: '0.50' }).item.flags).not.toContain(
      'FAR_ABOVE_TARGET',
    );
    expect(one(q('≥', '100', '个'), { actual: '151' }, '10', { farAboveThreshold: '0.50' }).item.flags).toContain(
      'FAR_ABOVE_TARGET',
    );
  });
});

describe('qualitative rows', () => {
  const T = qual('有效保障');
  const desc = { description: '已按计划完成' };

  it('22. defaults: 达成 100% → 10.00, 部分达成 70% → 7.00, 未达成 0% → 0.00', () => {
    expect(one(T, { grade: '达成', ...desc }).item.score).toBe('10.00');
    expect(one(T, { grade: '部分达成', ...desc }).item.score).toBe('7.00');
    expect(one(T, { grade: '未达成', ...desc }).item.score).toBe('0.00');
    expect(one(T, { grade: '达成', ...desc }).item.achieved).toBe(true);
    expect(one(T, { grade: '部分达成', ...desc }).item.achieved).toBe(false);
  });

  it('23. 达成 band [8, 10]: exactly 80% (8.00) and 100% (10.00) accepted', () => {
    // 10 × 0.8 = 8 (inclusive), 10 × 1 = 10 (inclusive)
    const a = one(T, { grade: '达成', score: '8.00', ...desc });
    expect(a.item.score).toBe('8.00');
    expect(a.res.problems).toEqual([]);
    expect(one(T, { grade: '达成', score: '10', ...desc }).item.score).toBe('10.00');
  });

  it('24. 达成 with 7.99 (just below 80%) → SCORE_OUTSIDE_BAND, default 10.00 used', () => {
    const { item, res } = one(T, { grade: '达成', score: '7.99', ...desc });
    expect(res.problems.map((p) => p.code)).toEqual(['SCORE_OUTSIDE_BAND']);
    expect(res.problems[0]).toMatchObject({ index: 0, field: 'score', severity: 'error' });
    expect(item.flags).toContain('SCORE_OUTSIDE_BAND');
    expect(item.score).toBe('10.00');
  });

  it('25. 部分达成 band [6, 8): 7.99 and 6.00 accepted, 8.00 and 5.99 rejected', () => {
    // 10 × 0.6 = 6 (inclusive), 10 × 0.8 = 8 (exclusive)
    expect(one(T, { grade: '部分达成', score: '7.99', ...desc }).item.score).toBe('7.99');
    expect(one(T, { grade: '部分达成', score: '6.00', ...desc }).item.score).toBe('6.00');
    const at80 = one(T, { grade: '部分达成', score: '8.00', ...desc });
    expect(at80.res.problems.map((p) => p.code)).toEqual(['SCORE_OUTSIDE_BAND']);
    expect(at80.item.score).toBe('7.00');
    expect(one(T, { grade: '部分达成', score: '5.99', ...desc }).res.problems.map((p) => p.code)).toEqual([
      'SCORE_OUTSIDE_BAND',
    ]);
  });

  it('26. 未达成 band [0, 6): 0 and 5.99 accepted, 6.00 rejected; 达成 10.01 rejected', () => {
    expect(one(T, { grade: '未达成', score: '0', ...desc }).item.score).toBe('0.00');
    expect(one(T, { grade: '未达成', score: '5.99', ...desc }).item.score).toBe('5.99');
    expect(one(T, { grade: '未达成', score: '6.00', ...desc }).res.problems[0].code).toBe('SCORE_OUTSIDE_BAND');
    expect(one(T, { grade: '达成', score: '10.01', ...desc }).res.problems[0].code).toBe('SCORE_OUTSIDE_BAND');
  });

  it('27. bands on an odd 分值 16.67: 80% = 13.336, so 13.34 is 达成 and 13.33 is 部分达成', () => {
    expect(one(T, { grade: '达成', score: '13.34', ...desc }, '16.67').res.problems).toEqual([]);
    expect(one(T, { grade: '达成', score: '13.33', ...desc }, '16.67').res.problems[0].code).toBe('SCORE_OUTSIDE_BAND');
    expect(one(T, { grade: '部分达成', score: '13.33', ...desc }, '16.67').res.problems).toEqual([]);
    // default 部分达成: 16.67 × 0.7 = 11.669 → 11.67
    expect(one(T, { grade: '部分达成', ...desc }, '16.67').item.score).toBe('11.67');
  });

  it('28. missing description → MISSING_DESCRIPTION; missing grade → 0 and MISSING_ACTUAL', () => {
    const noDesc = one(T, { grade: '达成' });
    expect(noDesc.item.flags).toContain('MISSING_DESCRIPTION');
    expect(noDesc.item.score).toBe('10.00');
    const noGrade = one(T, { description: 'x' });
    expect(noGrade.item.score).toBe('0.00');
    expect(noGrade.item.flags).toEqual(['MISSING_ACTUAL']);
    expect(noGrade.item.achieved).toBeNull();
  });

  it('29. a score with three decimals is invalid and ignored', () => {
    const r = one(T, { grade: '达成', score: '8.005', ...desc });
    expect(r.res.problems.map((p) => p.code)).toEqual(['INVALID_DECIMAL']);
    expect(r.item.score).toBe('10.00');
  });

  it('30. a row with a name but an empty target is scored by grade and flagged MISSING_TARGET', () => {
    const r = one(EMPTY, { grade: '部分达成', ...desc });
    expect(r.item.flags).toContain('MISSING_TARGET');
    expect(r.item.score).toBe('7.00');
  });
});

describe('compare rows (比…)', () => {
  const T = cmp('比年初规划低不少于2万元');
  it('31. achieved → full, not achieved → 0, explicit 4.5 → 4.50', () => {
    expect(one(T, { achieved: true }).item.score).toBe('10.00');
    expect(one(T, { achieved: false }).item.score).toBe('0.00');
    expect(one(T, { achieved: true, score: '4.5' }).item.score).toBe('4.50');
    expect(one(T, { achieved: true, score: '0' }).item.score).toBe('0.00');
  });

  it('32. explicit score above 分值 → SCORE_OUT_OF_RANGE, default used; missing achieved → MISSING_ACTUAL', () => {
    const r = one(T, { achieved: true, score: '10.01' });
    expect(r.res.problems.map((p) => p.code)).toEqual(['SCORE_OUT_OF_RANGE']);
    expect(r.item.score).toBe('10.00');
    const m = one(T, {});
    expect(m.item.flags).toEqual(['MISSING_ACTUAL']);
    expect(m.item.score).toBe('0.00');
  });
});

describe('missing / invalid actuals and units', () => {
  it('33. missing actual → 0, flag and a warning naming the field', () => {
    for (const actual of [undefined, null, '', '  ']) {
      const { item, res } = one(q('≥', '90', '%'), { actual });
      expect(item.score).toBe('0.00');
      expect(item.flags).toEqual(['MISSING_ACTUAL']);
      expect(res.problems).toEqual([expect.objectContaining({ index: 0, field: 'actual', code: 'MISSING_ACTUAL', severity: 'warning' })]);
    }
  });

  it('34. non-decimal actual ("95%", "1e2") → INVALID_DECIMAL error, 0', () => {
    for (const actual of ['95%', '1e2', 'NaN']) {
      const { item, res } = one(q('≥', '90', '%'), { actual });
      expect(item.score).toBe('0.00');
      expect(item.flags).toEqual(['INVALID_ACTUAL']);
      expect(res.problems[0]).toMatchObject({ field: 'actual', code: 'INVALID_DECIMAL', severity: 'error' });
    }
  });

  it('35. unit mismatch → 0 and UNIT_MISMATCH; same unit written with brackets is fine', () => {
    const bad = one(q('≥', '90', '%'), { actual: '95', actualUnit: '个' });
    expect(bad.item.score).toBe('0.00');
    expect(bad.item.flags).toEqual(['UNIT_MISMATCH']);
    expect(bad.res.problems[0]).toMatchObject({ field: 'actualUnit', code: 'UNIT_MISMATCH', severity: 'error' });
    expect(one(q('≥', '90', '%'), { actual: '95', actualUnit: '（％）' }).item.score).toBe('10.00');
  });
});

describe('weights', () => {
  let n = 0;
  const r = (level1: string, target: TargetValue = q('≥', '1', '个'), extra: Partial<EvaluationRowInput> = {}) =>
    row(level1, '', `指标${++n}`, target, extra);

  it('36. mof-2021: cost rows share the 产出 50 → 1/3 split 16.67, 16.67, 16.66', () => {
    // (1 成本 + 2 产出) share 50: 5000 cents / 3 = 1666 rest 2 → first two rows get a cent
    const w = defaultWeights(MOF_2021, [r('成本指标'), r('产出指标'), r('产出指标'), r('效益指标'), r('满意度指标')]);
    expect(w).toEqual(['16.67', '16.67', '16.66', '30.00', '10.00']);
  });

  it('37. mof-2021: two 效益 rows 15 each, placeholders get 0 and do not take a share', () => {
    const rows = [
      row('成本指标', '社会成本指标', '', EMPTY), // placeholder
      r('产出指标'),
      r('效益指标'),
      r('效益指标'),
      r('满意度指标'),
    ];
    // 产出 50 / 1; 效益 30 / 2 = 15; 满意度 10
    expect(defaultWeights(MOF_2021, rows)).toEqual(['0.00', '50.00', '15.00', '15.00', '10.00']);
    const res = scoreEvaluation({ framework: MOF_2021, rows, budget: BUDGET_FULL });
    expect(res.items[0]).toEqual({ index: 0, group: null, weight: '0.00', score: '0.00', achieved: null, flags: ['PLACEHOLDER'] });
  });

  it('38. shanghai-2020: 90 split equally among the groups that have rows (3 → 30, 4 → 22.50)', () => {
    // 3 groups: 90 / 3 = 30; 产出 has 2 rows → 15 each
    expect(defaultWeights(SHANGHAI_2020, [r('产出目标'), r('产出目标'), r('效果目标'), r('影响力目标')])).toEqual([
      '15.00',
      '15.00',
      '30.00',
      '30.00',
    ]);
    // 4 groups: 90 / 4 = 22.5; 投入与管理 3 rows: 2250 / 3 = 750 → 7.50 each
    expect(
      defaultWeights(SHANGHAI_2020, [r('投入与管理'), r('投入与管理'), r('投入与管理'), r('产出目标'), r('效果目标'), r('影响力目标')]),
    ).toEqual(['7.50', '7.50', '7.50', '22.50', '22.50', '22.50']);
  });

  it('39. an empty weighted group (no 满意度) is redistributed proportionally with a warning', () => {
    // 产出 50 × 90/80 = 56.25 → 2 rows: 5625 / 2 = 2812 rest 1 → 28.13, 28.12; 效益 30 × 90/80 = 33.75
    const rows = [r('产出指标'), r('产出指标'), r('效益指标')];
    expect(defaultWeights(MOF_2021, rows)).toEqual(['28.13', '28.12', '33.75']);
    const res = scoreEvaluation({ framework: MOF_2021, rows, budget: BUDGET_FULL });
    // (the rows carry no actuals: MISSING_ACTUAL warnings are not the point here)
    expect(res.problems.filter((p) => p.code !== 'MISSING_ACTUAL')).toEqual([
      expect.objectContaining({ code: 'GROUP_WEIGHT_REDISTRIBUTED', group: '满意度指标', severity: 'warning', index: null }),
    ]);
  });

  it('40. explicit 分值 adding up are used', () => {
    // 产出 pool: 20 + 20 + 10 = 50; 效益 30; 满意度 10
    const rows = [
      r('成本指标', q('≥', '1', '个'), { weight: '20', actual: '1' }),
      r('产出指标', q('≥', '1', '个'), { weight: '20.00', actual: '1' }),
      r('产出指标', q('≥', '2', '个'), { weight: '10', actual: '1' }),
      r('效益指标', q('≥', '1', '个'), { weight: '30', actual: '1' }),
      r('满意度指标', q('≥', '1', '个'), { weight: '10', actual: '1' }),
    ];
    const res = scoreEvaluation({ framework: MOF_2021, rows, budget: BUDGET_FULL });
    expect(res.problems).toEqual([]);
    expect(res.items.map((i) => i.weight)).toEqual(['20.00', '20.00', '10.00', '30.00', '10.00']);
    // row 2: 10 × 1/2 = 5 → indicator 20 + 20 + 5 + 30 + 10 = 85
    expect(res.indicatorScore).toBe('85.00');
  });

  it('41. explicit 分值 not adding up → WEIGHTS_NOT_ADDING_UP naming the group, default split used', () => {
    // 20 + 20 + 20 = 60 ≠ 50
    const rows = [
      r('成本指标', q('≥', '1', '个'), { weight: '20', actual: '1' }),
      r('产出指标', q('≥', '1', '个'), { weight: '20', actual: '1' }),
      r('产出指标', q('≥', '1', '个'), { weight: '20', actual: '1' }),
      r('效益指标', q('≥', '1', '个'), { actual: '1' }),
      r('满意度指标', q('≥', '1', '个'), { actual: '1' }),
    ];
    const res = scoreEvaluation({ framework: MOF_2021, rows, budget: BUDGET_FULL });
    expect(res.problems).toEqual([
      expect.objectContaining({ code: 'WEIGHTS_NOT_ADDING_UP', field: 'weight', group: '产出指标（含成本指标）', severity: 'error' }),
    ]);
    expect(res.problems[0].message).toContain('60.00');
    expect(res.problems[0].message).toContain('50.00');
    expect(res.items.map((i) => i.weight)).toEqual(['16.67', '16.67', '16.66', '30.00', '10.00']);
  });

  it('42. explicit 分值 on some rows of a group only → WEIGHTS_INCOMPLETE', () => {
    const rows = [r('产出指标', q('≥', '1'), { weight: '30' }), r('产出指标'), r('效益指标'), r('满意度指标')];
    // the group falls back to the default split 50 / 2 = 25
    const res = scoreEvaluation({ framework: MOF_2021, rows, budget: BUDGET_FULL });
    expect(res.problems.filter((p) => p.code === 'WEIGHTS_INCOMPLETE')).toEqual([
      expect.objectContaining({ group: '产出指标', field: 'weight', index: null }),
    ]);
    expect(res.items.map((i) => i.weight)).toEqual(['25.00', '25.00', '30.00', '10.00']);
  });

  it('43. invalid and negative explicit 分值 are reported per row', () => {
    const rows = [r('产出指标', q('≥', '1'), { weight: 'abc' }), r('产出指标', q('≥', '1'), { weight: '-5' }), r('效益指标'), r('满意度指标')];
    const codes = scoreEvaluation({ framework: MOF_2021, rows, budget: BUDGET_FULL }).problems.map((p) => [p.index, p.code]);
    expect(codes).toContainEqual([0, 'INVALID_DECIMAL']);
    expect(codes).toContainEqual([1, 'NEGATIVE_VALUE']);
  });

  it('44. a 一级 outside the framework gets 0 and a warning; level names match leniently', () => {
    const rows = [r('产出'), r('效 益 指标'), r('满意度指标'), r('其他指标')];
    const res = scoreEvaluation({ framework: MOF_2021, rows, budget: BUDGET_FULL });
    expect(res.items.map((i) => i.weight)).toEqual(['50.00', '30.00', '10.00', '0.00']);
    expect(res.items[3].flags[0]).toBe('UNKNOWN_GROUP');
    expect(res.problems.some((p) => p.code === 'UNKNOWN_GROUP' && p.index === 3)).toBe(true);
  });

  it('45. no scorable rows → NO_INDICATORS', () => {
    const res = scoreEvaluation({ framework: MOF_2021, rows: [], budget: BUDGET_FULL });
    expect(res.problems.map((p) => p.code)).toEqual(['NO_INDICATORS']);
    expect(res.indicatorScore).toBe('0.00');
    expect(res.totalScore).toBe('10.00');
  });

  it('46. defaultWeights accepts raw target text', () => {
    expect(
      defaultWeights(MOF_2021, [
        { level1: '产出指标', name: '', target: '' }, // placeholder
        { level1: '产出指标', name: 'a', target: '≥1个' },
        { level1: '效益指标', name: 'b', target: '有效' },
        { level1: '满意度指标', name: 'c', target: '≥90%' },
      ]),
    ).toEqual(['0.00', '50.00', '30.00', '10.00']);
  });
});

describe('budget execution', () => {
  const ev = (annualBudget: string, executed: string) =>
    scoreEvaluation({ framework: ONE_GROUP, rows: [row('产出指标', '数量指标', 'x', q('≥', '1'), { actual: '1' })], budget: { annualBudget, executed } });

  it('47. 950000 of 1000000 → 95.00 %, 9.50 points', () => {
    // 10 × 0.95 = 9.5
    const r = ev('1000000.00', '950000.00');
    expect([r.executionRate, r.executionScore]).toEqual(['95.00', '9.50']);
    expect(r.problems).toEqual([]);
  });

  it('48. over-execution: rate shown uncapped (105.00), score capped at 10.00, warning', () => {
    const r = ev('1000000', '1050000');
    expect([r.executionRate, r.executionScore]).toEqual(['105.00', '10.00']);
    expect(r.problems.map((p) => p.code)).toEqual(['EXECUTION_ABOVE_BUDGET']);
  });

  it('49. 1/3 executed → 33.33 %, 3.33 points', () => {
    // 100/3 = 33.333… → 33.33; 10/3 = 3.333… → 3.33
    const r = ev('3', '1');
    expect([r.executionRate, r.executionScore]).toEqual(['33.33', '3.33']);
  });

  it('50. budget 0, negative or invalid numbers are problems on the named field', () => {
    const zero = ev('0', '0');
    expect(zero.problems).toEqual([expect.objectContaining({ field: 'budget.annualBudget', code: 'BUDGET_ZERO', severity: 'error' })]);
    expect([zero.executionRate, zero.executionScore]).toEqual(['0.00', '0.00']);
    expect(ev('100', '-1').problems).toEqual([expect.objectContaining({ field: 'budget.executed', code: 'NEGATIVE_VALUE' })]);
    expect(ev('-100', '1').problems).toEqual([expect.objectContaining({ field: 'budget.annualBudget', code: 'NEGATIVE_VALUE' })]);
    expect(ev('1e6', '1').problems).toEqual([expect.objectContaining({ field: 'budget.annualBudget', code: 'INVALID_DECIMAL' })]);
    expect(ev('100', '').problems).toEqual([expect.objectContaining({ field: 'budget.executed', code: 'MISSING_VALUE' })]);
  });
});

describe('grades', () => {
  it.each([
    ['100.00', '优'],
    ['90.00', '优'],
    ['89.99', '良'],
    ['80', '良'],
    ['79.99', '中'],
    ['60.00', '中'],
    ['59.99', '差'],
    ['0.00', '差'],
  ])('51. gradeFor(%s) = %s', (total, grade) => {
    expect(gradeFor(total)).toBe(grade);
  });

  it('exports the bands', () => {
    expect(TOTAL_GRADE_BANDS.map((b) => b.grade)).toEqual(['优', '良', '中', '差']);
    expect(GRADE_BANDS['部分达成']).toMatchObject({ min: '0.60', max: '0.80', maxInclusive: false, default: '0.70' });
  });
});

describe('52. a full small project end to end (mof-2021)', () => {
  it('computes weights, scores, total and grade', () => {
    const rows: EvaluationRowInput[] = [
      // 成本 shares 产出's 50 with 2 产出 rows: 16.67 / 16.67 / 16.66
      // reverse: 16.67 × (1 − 20000 / 500000) = 16.67 × 0.96 = 16.0032 → 16.00
      row('成本指标', '经济成本指标', '项目成本控制', q('≤', '500000', '元'), { actual: '520000' }),
      // 16.67 × 1200 / 1500 = 13.336 → 13.34
      row('产出指标', '数量指标', '开展培训人次', q('≥', '1500', '人次'), { actual: '1200' }),
      // 100 ≥ 100 → 16.66
      row('产出指标', '时效指标', '资金支付及时率', q('=', '100', '%'), { actual: '100' }),
      // 效益 30 / 2 = 15; 部分达成 70% → 10.50
      row('效益指标', '社会效益指标', '对口支援工作', qual('有效保障'), { grade: '部分达成', description: '完成大部分对接任务' }),
      // 3 ≥ 3 → 15.00
      row('效益指标', '可持续影响指标', '机制持续年限', q('≥', '3', '年'), { actual: '3' }),
      // 10 × 85 / 90 = 9.444 → 9.44
      row('满意度指标', '服务对象满意度指标', '服务对象满意度', q('≥', '90', '%'), { actual: '85' }),
      // printed empty 二级 row: ignored
      row('成本指标', '社会成本指标', '', EMPTY),
    ];
    const input: EvaluationInput = { framework: MOF_2021, rows, budget: { annualBudget: '1000000.00', executed: '930000.00' } };
    const res = scoreEvaluation(input);
    expect(res.items.map((i) => i.weight)).toEqual(['16.67', '16.67', '16.66', '15.00', '15.00', '10.00', '0.00']);
    expect(res.items.map((i) => i.score)).toEqual(['16.00', '13.34', '16.66', '10.50', '15.00', '9.44', '0.00']);
    expect(res.items.map((i) => i.achieved)).toEqual([false, false, true, false, true, false, null]);
    // 16.00 + 13.34 + 16.66 + 10.50 + 15.00 + 9.44 = 80.94
    expect(res.indicatorScore).toBe('80.94');
    // 930000 / 1000000 = 93.00 % → 10 × 0.93 = 9.30
    expect(res.executionRate).toBe('93.00');
    expect(res.executionScore).toBe('9.30');
    // 9.30 + 80.94 = 90.24 → 优
    expect(res.totalScore).toBe('90.24');
    expect(res.grade).toBe('优');
    expect(res.problems).toEqual([]);
    expect(res.groups).toEqual([
      { name: '产出指标', members: ['产出指标', '成本指标'], weight: '50.00', score: '46.00', rowCount: 3 },
      { name: '效益指标', members: ['效益指标'], weight: '30.00', score: '25.50', rowCount: 2 },
      { name: '满意度指标', members: ['满意度指标'], weight: '10.00', score: '9.44', rowCount: 1 },
    ]);
  });

  it('53. the same project with weaker results lands in 良 and 中', () => {
    const base = (sat: string, executed: string) =>
      scoreEvaluation({
        framework: MOF_2021,
        rows: [
          row('产出指标', '数量指标', 'a', q('≥', '100', '个'), { actual: '80' }), // 50 × 0.8 = 40
          row('效益指标', '社会效益指标', 'b', qual('明显'), { grade: '达成', description: 'ok' }), // 30
          row('满意度指标', '服务对象满意度指标', 'c', q('≥', '90', '%'), { actual: sat }),
        ],
        budget: { annualBudget: '100', executed },
      });
    // 40 + 30 + 10 × 81/90 (= 9) + 10 × 0.5 (= 5) = 84 → 良
    const a = base('81', '50');
    expect([a.totalScore, a.grade]).toEqual(['84.00', '良']);
    // 40 + 30 + 0 + 0 = 70 → 中
    const b = base('0', '0');
    expect([b.totalScore, b.grade]).toEqual(['70.00', '中']);
  });
});

describe('properties', () => {
  const cents = (min: bigint, max: bigint) => fc.bigInt({ min, max }).map((c) => Dec.fraction(c, 100n).toFixed(2));
  const targetArb: fc.Arbitrary<TargetValue> = fc.oneof(
    fc
      .tuple(fc.constantFrom<TargetOperator>('≥', '>', '=', '≤', '<'), cents(0n, 100000n), fc.constantFrom<string | null>('%', '个', null))
      .map(([op, v, u]) => q(op, v, u)),
    fc.constant(qual('有效保障')),
    fc.constant(cmp('比年初规划低不少于2万元')),
    fc.constant(EMPTY),
  );
  const rowArb = (fw: Framework) =>
    fc.record({
      level1: fc.constantFrom(...fw.groups.map((g) => g.name)),
      level2: fc.constant(''),
      name: fc.constantFrom('', '指标'),
      target: targetArb,
      actual: fc.option(cents(-10000n, 200000n), { nil: undefined }),
      grade: fc.option(fc.constantFrom<'达成' | '部分达成' | '未达成'>('达成', '部分达成', '未达成'), { nil: undefined }),
      score: fc.option(cents(0n, 10000n), { nil: undefined }),
      achieved: fc.option(fc.boolean(), { nil: undefined }),
      description: fc.option(fc.constant('说明'), { nil: undefined }),
      // mostly default weights; sometimes an explicit 分值 (usually not adding up → fallback must keep the invariants)
      weight: fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary: cents(0n, 9000n), weight: 1 }),
    });
  const inputArb = fc.constantFrom(MOF_2021, SHANGHAI_2020).chain((fw) =>
    fc.record({
      framework: fc.constant(fw),
      rows: fc.array(rowArb(fw), { maxLength: 12 }),
      budget: fc.record({ annualBudget: cents(0n, 10n ** 9n), executed: cents(0n, 2n * 10n ** 9n) }),
      settings: fc.record({ reverseRule: fc.constantFrom<'linear' | 'ratio'>('linear', 'ratio') }),
    }),
  );

  it('0 ≤ row score ≤ 分值, 分值 add up to 90, total ≤ 100 and total = sum of parts', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const res = scoreEvaluation(input);
        let scoreSum = Dec.ZERO;
        let weightSum = Dec.ZERO;
        for (const item of res.items) {
          const s = Dec.of(item.score);
          const w = Dec.of(item.weight);
          expect(s.isNegative()).toBe(false);
          expect(s.lte(w)).toBe(true);
          scoreSum = scoreSum.add(s);
          weightSum = weightSum.add(w);
        }
        const scorable = res.items.some((i) => !i.flags.includes('PLACEHOLDER'));
        expect(weightSum.toFixed(2)).toBe(scorable ? '90.00' : '0.00');
        expect(res.indicatorScore).toBe(scoreSum.toFixed(2));
        expect(Dec.of(res.executionScore).lte(Dec.of('10'))).toBe(true);
        expect(res.totalScore).toBe(Dec.of(res.executionScore).add(scoreSum).toFixed(2));
        expect(Dec.of(res.totalScore).lte(Dec.of('100'))).toBe(true);
        expect(res.grade).toBe(gradeFor(res.totalScore));
        expect(res.items).toHaveLength(input.rows.length);
      }),
      { numRuns: 200 },
    );
  });
});
