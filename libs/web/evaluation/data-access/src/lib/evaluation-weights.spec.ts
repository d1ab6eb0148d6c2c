import { YANGPU_2024_JIAOLIUBAN } from '@pt/domain';
import { evaluationBody, evaluationFormFrom, evaluationSignature, scoreEvaluationForm } from './evaluation-form';
import type { EvaluationForm } from './evaluation-form';
import { isWeightProblem, weightTotals, withCustomWeights } from './evaluation-weights';
import { evaluationItem, evaluationOf, withRow } from './evaluation.fixtures';

const item = (i: number, level1: string, level2: string, name: string, target: string, weight: string | null = null) =>
  evaluationItem(i, { level1, level2, name, target }, { weight });
const setRow = withRow;

function setWeights(form: EvaluationForm, weights: Record<number, string>): EvaluationForm {
  return { ...form, rows: form.rows.map((r, k) => (k in weights ? { ...r, weight: weights[k] } : r)) };
}

/**
 * The approved 2024 table 交流办对口支援项目经费 (mof-2021: 产出 50, 效益 30, 满意度 10), 11 rows:
 *   0–2 成本 (empty)  3 实际完成数 =4 家  4 完成效果 =100 %  5 时效 (empty)
 *   6 产业发展水平 提高 (定性)  7 教育、卫生水平 提高 (定性)  8–9 (empty)  10 满意度 =100 %
 * Equal split: 产出 50 / 2 = 25.00 each, 效益 30 / 2 = 15.00 each, 满意度 10.00.
 */
const JIAOLIUBAN = evaluationOf(YANGPU_2024_JIAOLIUBAN.rows.map((r, i) => item(i, r.level1, r.level2, r.name, r.target)));
const CODE = 'mof-2021';

/** The demo's figures: actuals at 92 % of the targets (except 完成效果 60 %), both 效益 rows 达成, 96 % executed. */
function filled(): EvaluationForm {
  let f = evaluationFormFrom(JIAOLIUBAN);
  f = { ...f, budget: { annualBudget: '70100000.00', executed: '67296000.00' } }; // 96 % → 9.60
  f = setRow(f, 3, { actual: '3.68' }); // 3.68 / 4 = 0.92
  f = setRow(f, 4, { actual: '60' }); // 60 / 100 = 0.60
  f = setRow(f, 6, { grade: '达成', description: '已按计划完成' });
  f = setRow(f, 7, { grade: '达成', description: '已按计划完成' });
  f = setRow(f, 10, { actual: '92' }); // 0.92
  return f;
}

describe('自定义分值 on the 交流办对口支援项目经费 table', () => {
  it('is off for an evaluation without saved 分值: every weight is sent as null (the equal split)', () => {
    const f = filled();
    expect(f.customWeights).toBe(false);
    expect(evaluationBody(f).items.map((i) => i.weight)).toEqual(Array(11).fill(null));
    const r = scoreEvaluationForm(f, CODE);
    expect(r?.items.map((i) => i.weight)).toEqual(['0.00', '0.00', '0.00', '25.00', '25.00', '0.00', '15.00', '15.00', '0.00', '0.00', '10.00']);
    // 25 × 0.92 = 23.00, 25 × 0.60 = 15.00, 15 + 15, 10 × 0.92 = 9.20 → 77.20; + 9.60 = 86.80
    expect(r?.items.map((i) => i.score)).toEqual(['0.00', '0.00', '0.00', '23.00', '15.00', '0.00', '15.00', '15.00', '0.00', '0.00', '9.20']);
    expect([r?.executionScore, r?.indicatorScore, r?.totalScore, r?.grade]).toEqual(['9.60', '77.20', '86.80', '良']);
  });

  it('switched on, prefills each row with its current 分值 and keeps the score; the groups add up', () => {
    const f = withCustomWeights(filled(), true, CODE);
    expect(f.customWeights).toBe(true);
    expect(f.rows.map((r) => r.weight)).toEqual(['', '', '', '25.00', '25.00', '', '15.00', '15.00', '', '', '10.00']);
    expect(evaluationBody(f).items.map((i) => i.weight)).toEqual([null, null, null, '25.00', '25.00', null, '15.00', '15.00', null, null, '10.00']);
    expect(scoreEvaluationForm(f, CODE)?.totalScore).toBe('86.80');
    const t = weightTotals(f, CODE);
    expect(t?.groups.map((g) => [g.label, g.rows, g.entered, g.expected, g.ok])).toEqual([
      ['产出指标', [3, 4], '50.00', '50.00', true],
      ['效益指标', [6, 7], '30.00', '30.00', true],
      ['满意度指标', [10], '10.00', '10.00', true],
    ]);
    expect(t?.groupOfRow).toEqual([null, null, null, 0, 0, null, 1, 1, null, null, 2]);
    expect([t?.entered, t?.expected, t?.ok]).toEqual(['90.00', '90.00', true]);
    expect(scoreEvaluationForm(f, CODE)?.problems.filter(isWeightProblem)).toEqual([]);
    // switching on again changes nothing; the signature differs from the saved (null) weights
    expect(withCustomWeights(f, true, CODE)).toBe(f);
    expect(evaluationSignature(f)).not.toBe(evaluationSignature(filled()));
  });

  it('shows 分值 that do not add up (the domain keeps the equal split), then scores with them once they do', () => {
    let f = withCustomWeights(filled(), true, CODE);
    f = setWeights(f, { 3: '45', 4: '3' });
    let t = weightTotals(f, CODE);
    expect(t?.groups[0]).toMatchObject({ label: '产出指标', entered: '48.00', expected: '50.00', complete: true, ok: false });
    expect([t?.entered, t?.ok]).toEqual(['88.00', false]);
    let r = scoreEvaluationForm(f, CODE);
    expect(r?.problems.filter(isWeightProblem)).toEqual([
      {
        index: null,
        field: 'weight',
        code: 'WEIGHTS_NOT_ADDING_UP',
        message: '“产出指标”各三级指标分值合计 48.00，应为 50.00',
        severity: 'error',
        group: '产出指标',
      },
    ]);
    expect(r?.items.map((i) => i.weight).slice(3, 5)).toEqual(['25.00', '25.00']);
    expect([r?.totalScore, r?.grade]).toEqual(['86.80', '良']);

    // 45 + 5 = 50: 45 × 0.92 = 41.40, 5 × 0.60 = 3.00 → 产出 44.40; 44.40 + 30 + 9.20 = 83.60; + 9.60 = 93.20
    f = setWeights(f, { 4: '5' });
    t = weightTotals(f, CODE);
    expect(t?.groups.map((g) => g.entered)).toEqual(['50.00', '30.00', '10.00']);
    expect(t?.ok).toBe(true);
    r = scoreEvaluationForm(f, CODE);
    expect(r?.problems.filter(isWeightProblem)).toEqual([]);
    expect(r?.items.map((i) => [i.weight, i.score]).slice(3, 5)).toEqual([
      ['45.00', '41.40'],
      ['5.00', '3.00'],
    ]);
    expect(r?.groups.map((g) => [g.name, g.weight, g.score])).toEqual([
      ['产出指标', '50.00', '44.40'],
      ['效益指标', '30.00', '30.00'],
      ['满意度指标', '10.00', '9.20'],
    ]);
    expect([r?.indicatorScore, r?.totalScore, r?.grade]).toEqual(['83.60', '93.20', '优']);
    expect(evaluationBody(f).items.map((i) => i.weight)).toEqual([null, null, null, '45', '5', null, '15.00', '15.00', null, null, '10.00']);
  });

  it('reports a group with a missing or unreadable 分值 as incomplete', () => {
    let f = withCustomWeights(filled(), true, CODE);
    f = setWeights(f, { 7: '', 10: '十' });
    const t = weightTotals(f, CODE);
    expect(t?.groups.map((g) => [g.entered, g.complete, g.ok])).toEqual([
      ['50.00', true, true],
      ['15.00', false, false],
      ['0.00', false, false],
    ]);
    expect(t?.entered).toBe('65.00');
    const r = scoreEvaluationForm(f, CODE);
    expect(r?.problems.filter(isWeightProblem).map((p) => [p.code, p.group ?? p.index])).toEqual([
      ['WEIGHTS_INCOMPLETE', '效益指标'],
      ['INVALID_DECIMAL', 10],
    ]);
    expect(r?.totalScore).toBe('86.80');
  });

  it('opens with 自定义分值 on when 分值 were saved; switched off, they are cleared and sent as null', () => {
    const saved = evaluationOf(
      YANGPU_2024_JIAOLIUBAN.rows.map((r, i) =>
        item(i, r.level1, r.level2, r.name, r.target, ({ 3: '45', 4: '5', 6: '15.00', 7: '15.00', 10: '10.00' } as Record<number, string>)[i] ?? null),
      ),
    );
    const f = evaluationFormFrom(saved);
    expect(f.customWeights).toBe(true);
    expect(f.rows.map((r) => r.weight)).toEqual(['', '', '', '45', '5', '', '15.00', '15.00', '', '', '10.00']);
    expect(weightTotals(f, CODE)?.ok).toBe(true);
    const off = withCustomWeights(f, false, CODE);
    expect(off.customWeights).toBe(false);
    expect(off.rows.every((r) => r.weight === '')).toBe(true);
    expect(evaluationBody(off).items.every((i) => i.weight === null)).toBe(true);
    expect(scoreEvaluationForm(off, CODE)?.items[3].weight).toBe('25.00');
  });

  it('does nothing for an unknown framework', () => {
    const f = filled();
    expect(withCustomWeights(f, true, 'no-such-framework')).toBe(f);
    expect(weightTotals(f, 'no-such-framework')).toBeNull();
  });
});

describe('自定义分值 with a 成本 row sharing the 产出 weight', () => {
  // 成本 + 产出 share 50: 25.00 each; 效益 30; 满意度 10
  const e = evaluationOf([
    item(1, '成本指标', '经济成本指标', '人均培训成本', '≤500元/人'),
    item(2, '产出指标', '数量指标', '培训人次', '≥100人次'),
    item(3, '效益指标', '社会效益指标', '业务能力', '明显提升'),
    item(4, '满意度指标', '服务对象满意度指标', '参训人员满意度', '≥90%'),
  ]);

  it('names the shared group as the domain does and requires 50 across both rows', () => {
    let f = withCustomWeights(evaluationFormFrom(e), true, CODE);
    expect(f.rows.map((r) => r.weight)).toEqual(['25.00', '25.00', '30.00', '10.00']);
    f = setWeights(f, { 0: '10', 1: '30.5' });
    const t = weightTotals(f, CODE);
    expect(t?.groups.map((g) => [g.label, g.rows, g.entered, g.expected, g.ok])).toEqual([
      ['产出指标（含成本指标）', [0, 1], '40.50', '50.00', false],
      ['效益指标', [2], '30.00', '30.00', true],
      ['满意度指标', [3], '10.00', '10.00', true],
    ]);
    const p = scoreEvaluationForm(f, CODE)?.problems.filter(isWeightProblem);
    expect(p?.map((x) => [x.group, x.message])).toEqual([['产出指标（含成本指标）', '“产出指标（含成本指标）”各三级指标分值合计 40.50，应为 50.00']]);
  });
});
