import fc from 'fast-check';
import { Dec } from './decimal';
import { farAboveDeductionFraction, missesTarget, submissionProblems } from './scoring-deviation';
import { scoreEvaluation, type EvaluationRowInput, type ScoringSettings } from './scoring';
import { comparison, EMPTY_TARGET, qualitative, quantity } from '../testing/target-values';
import type { Framework, TargetOperator } from './types';

const q = (op: TargetOperator, value: string, unit = '%') => quantity(op, value, unit);
const qual = qualitative;
const cmp = comparison;
const EMPTY = EMPTY_TARGET;

const ONE_GROUP: Framework = { code: 'test-one', name: '测试', groups: [{ name: '产出指标', weight: 90, role: 'output', children: ['数量指标'] }] };
const BUDGET = { annualBudget: '100.00', executed: '100.00' };

function score(rows: Partial<EvaluationRowInput>[], settings: Partial<ScoringSettings> = {}) {
  const input = rows.map((r, i) => ({ level1: '产出指标', level2: '数量指标', name: `指标${i + 1}`, target: q('≥', '90'), ...r }));
  return { rows: input, result: scoreEvaluation({ framework: ONE_GROUP, rows: input, budget: BUDGET, settings }) };
}

/** One row of 分值 10. */
function one(row: Partial<EvaluationRowInput>, settings: Partial<ScoringSettings> = {}) {
  const { rows, result } = score([row], { indicatorPoints: '10', ...settings });
  return { item: result.items[0], result, problems: submissionProblems(rows, result) };
}

describe('偏差原因 before 提交 (submissionProblems)', () => {
  it('a quantitative row below its target needs the reason, naming the row; with it, nothing', () => {
    const { item, problems } = one({ name: '预算执行率', actual: '81' }); // 10 × 81 / 90 = 9.00
    expect(item.score).toBe('9.00');
    expect(problems).toEqual([
      {
        index: 0,
        field: 'deviationReason',
        code: 'MISSING_DEVIATION_REASON',
        message: '第1行「预算执行率」未达到年度指标值，提交前须填写偏差原因分析及改进措施',
        severity: 'error',
      },
    ]);
    expect(one({ actual: '81', deviationReason: '资金年底到位' }).problems).toEqual([]);
    // blank text is no reason
    expect(one({ actual: '81', deviationReason: '  ' }).problems.map((p) => p.severity)).toEqual(['error']);
  });

  it('a met target needs none; a missing actual (scored 0) does', () => {
    expect(one({ actual: '90' }).problems).toEqual([]);
    expect(one({ name: '满意度', actual: null }).problems).toEqual([
      expect.objectContaining({ code: 'MISSING_DEVIATION_REASON', severity: 'error', message: expect.stringContaining('第1行「满意度」未填写完成情况，按未达到年度指标值计') }),
    ]);
  });

  it('reverse rows: above the target misses it', () => {
    expect(one({ target: q('≤', '5'), actual: '5' }).problems).toEqual([]);
    expect(one({ target: q('≤', '5'), actual: '6' }).problems.map((p) => p.severity)).toEqual(['error']);
  });

  it('qualitative rows: only 达成 counts as met (a 达成 row with a lower score in its band too)', () => {
    const g = (grade: EvaluationRowInput['grade'], s?: string) => one({ target: qual('有效提升'), grade, score: s, description: '说明' }).problems;
    expect(g('达成')).toEqual([]);
    expect(g('达成', '8.50')).toEqual([]);
    expect(g('部分达成').map((p) => p.code)).toEqual(['MISSING_DEVIATION_REASON']);
    expect(g('未达成').map((p) => p.code)).toEqual(['MISSING_DEVIATION_REASON']);
    expect(g(null).map((p) => p.code)).toEqual(['MISSING_DEVIATION_REASON']);
  });

  it('compare rows: not achieved misses it', () => {
    expect(one({ target: cmp('比年初规划低不少于2万元'), achieved: true }).problems).toEqual([]);
    expect(one({ target: cmp('比年初规划低不少于2万元'), achieved: false }).problems.map((p) => p.severity)).toEqual(['error']);
  });

  it('empty placeholder rows carry no points and need nothing', () => {
    const { rows, result } = score([{ name: '', target: EMPTY }, { actual: '95' }]);
    expect(result.items[0].flags).toContain('PLACEHOLDER');
    expect(submissionProblems(rows, result)).toEqual([]);
  });

  it('a far-exceeded row without a reason is a warning, not a refusal', () => {
    const { item, problems } = one({ name: '满意度', actual: '120' });
    expect(item.flags).toContain('FAR_ABOVE_TARGET');
    expect(problems).toEqual([expect.objectContaining({ code: 'MISSING_DEVIATION_REASON', severity: 'warning', message: expect.stringContaining('第1行「满意度」实际完成值远超年度指标值') })]);
  });

  it('the scoring itself (a save) never asks for the reason', () => {
    const { result } = one({ actual: '10' });
    expect(result.problems.filter((p) => p.code === 'MISSING_DEVIATION_REASON')).toEqual([]);
  });

  it('property: an error exactly for the rows that carry points, are not achieved and have no reason', () => {
    const rowArb = fc.record({
      actual: fc.option(fc.integer({ min: -10, max: 200 }).map(String), { nil: null }),
      reason: fc.constantFrom(null, '', '原因'),
      op: fc.constantFrom<TargetOperator>('≥', '≤', '='),
    });
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 8 }), (spec) => {
        const { rows, result } = score(spec.map((s) => ({ target: q(s.op, '90'), actual: s.actual, deviationReason: s.reason })));
        const errors = submissionProblems(rows, result).filter((p) => p.severity === 'error').map((p) => p.index);
        const expected = result.items.filter((it, i) => it.achieved !== true && !spec[i].reason).map((it) => it.index);
        expect(errors).toEqual(expected);
        // "achieved" means the full 分值 (before any deduction)
        result.items.forEach((it) => expect(missesTarget(it)).toBe(it.score !== it.weight || it.achieved !== true));
      }),
    );
  });
});

describe("the reviewer's deduction for a far-exceeded target (10号)", () => {
  it('keeps max(0, 1 − (deviation − 20 %)) of the 分值: 150 of ≥100 → 7.00 of 10', () => {
    // deviation (150 − 100) / 100 = 0.50; 1 − (0.50 − 0.20) = 0.70
    const { item } = one({ target: q('≥', '100', '个'), actual: '150', deduction: true });
    expect(item).toMatchObject({ score: '7.00', achieved: true });
    expect(item.flags).toEqual(['FAR_ABOVE_TARGET', 'DEVIATION_DEDUCTED']);
    // without the reviewer's decision: flagged, not cut
    expect(one({ target: q('≥', '100', '个'), actual: '150' }).item.score).toBe('10.00');
  });

  it('is counted in the total and the grade', () => {
    const rows: Partial<EvaluationRowInput>[] = [
      { target: q('≥', '100', '个'), actual: '200' }, // deviation 1.00 → keeps 0.20 of 45 = 9.00
      { actual: '95' },
    ];
    const plain = score(rows).result;
    const cut = score([{ ...rows[0], deduction: true }, rows[1]]).result;
    expect([plain.indicatorScore, plain.totalScore, plain.grade]).toEqual(['90.00', '100.00', '优']);
    expect(cut.items[0].score).toBe('9.00');
    expect([cut.indicatorScore, cut.totalScore, cut.grade]).toEqual(['54.00', '64.00', '中']);
    expect(cut.groups[0].score).toBe('54.00');
  });

  it('follows the threshold setting, wherever it comes from', () => {
    // threshold 0.50: 200 of ≥100 → deviation 1.00 → keeps 1 − 0.50 = 0.50
    expect(one({ target: q('≥', '100', '个'), actual: '200', deduction: true }, { farAboveThreshold: '0.50' }).item.score).toBe('5.00');
  });

  it('is not applied to a row that is not far above its target (a warning says so)', () => {
    for (const row of [
      { target: q('≥', '100', '个'), actual: '110' },
      { target: q('≤', '5'), actual: '1' },
      { target: qual('提升'), grade: '达成' as const, description: '好' },
    ]) {
      const { item, result } = one({ ...row, deduction: true });
      expect(item.score).toBe('10.00');
      expect(item.flags).toContain('DEDUCTION_NOT_APPLICABLE');
      expect(result.problems).toContainEqual(expect.objectContaining({ index: 0, field: 'deduction', code: 'DEDUCTION_NOT_APPLICABLE', severity: 'warning' }));
    }
  });

  it('property: the fraction is in [0, 1], 1 at the threshold, falls as the actual grows, 0 from 1 + threshold above', () => {
    const h = Dec.of('0.20');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 1000 }), (t, extra, more) => {
        const target = Dec.fromInt(t);
        const a = target.mul(Dec.of('1.2')).add(Dec.fromInt(extra));
        const f = farAboveDeductionFraction(a, target, h);
        expect(f.gte(Dec.ZERO) && f.lte(Dec.ONE)).toBe(true);
        expect(farAboveDeductionFraction(a.add(Dec.fromInt(more)), target, h).lte(f)).toBe(true);
      }),
    );
    expect(farAboveDeductionFraction(Dec.of('120'), Dec.of('100'), h).toString()).toBe('1');
    expect(farAboveDeductionFraction(Dec.of('220'), Dec.of('100'), h).toString()).toBe('0');
    expect(farAboveDeductionFraction(Dec.of('1000'), Dec.of('100'), h).toString()).toBe('0');
  });
});
