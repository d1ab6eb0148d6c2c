import { KIND_FORM_LABELS, parseTargetValue, XINING_2020_YEWU } from '@pt/domain';
import {
  evaluationBody,
  evaluationFieldLabel,
  evaluationFormFrom,
  evaluationRowKind,
  evaluationSignature,
  gradeBandText,
  levelSpans,
  problemPlace,
  scoreEvaluationForm,
  validateEvaluationForm,
} from './evaluation-form';
import type { EvaluationForm } from './evaluation-form';
import { cleanNumber, formatAmount } from './numbers';
import { evaluationItem, evaluationOf, withRow } from './evaluation.fixtures';

const item = (i: number, level1: string, level2: string, name: string, target: string) => evaluationItem(i, { level1, level2, name, target });
const setRow = withRow;

/** The approved demo table of 上海市人民政府驻西宁办事处 (shanghai-2020: 4 groups × 3 rows). */
const XINING = evaluationOf(XINING_2020_YEWU.rows.map((r, i) => item(i, r.level1, r.level2, r.name, r.target)));

describe('evaluationRowKind', () => {
  it('scores ≥ / = / ≤ values with a number by formula, 比… by achieved, everything else by grade', () => {
    expect(evaluationRowKind(parseTargetValue('>=90%'))).toBe('quantitative');
    expect(evaluationRowKind(parseTargetValue('=100%'))).toBe('quantitative');
    expect(evaluationRowKind(parseTargetValue('≤5(天)'))).toBe('quantitative');
    expect(evaluationRowKind(parseTargetValue('比年初规划低不少于2万元'))).toBe('compare');
    expect(evaluationRowKind(parseTargetValue('支撑作用明显'))).toBe('qualitative');
    expect(evaluationRowKind(parseTargetValue('100%'))).toBe('quantitative'); // a bare number with a unit reads as = (§11)
    expect(evaluationRowKind(parseTargetValue(''))).toBe('qualitative');
  });
});

describe('the live score of the 西宁办 2020 table (shanghai-2020: 90 points in 4 groups of 22.50, 7.50 per row)', () => {
  const form0 = evaluationFormFrom(XINING, { annualBudget: '500000.00' });

  it('starts from the project budget (in 万元) and scores nothing yet', () => {
    expect(form0.budget).toEqual({ annualBudget: '50.00', executed: '' });
    expect(form0.rows.map((r) => r.kind)).toEqual([
      'quantitative',
      'qualitative',
      'qualitative',
      'quantitative',
      'qualitative',
      'qualitative',
      'quantitative',
      'qualitative',
      'quantitative',
      'qualitative',
      'qualitative',
      'qualitative',
    ]);
    const r = scoreEvaluationForm(form0, 'shanghai-2020');
    expect(r?.items.map((i) => i.weight)).toEqual(Array(12).fill('7.50'));
    expect(r?.totalScore).toBe('0.00');
    expect(r?.grade).toBe('差');
    expect(r?.items[0].flags).toEqual(['MISSING_ACTUAL']);
    // 全年执行数 missing: an error the server would refuse
    expect(r?.problems.some((p) => p.field === 'budget.executed' && p.severity === 'error')).toBe(true);
  });

  it('adds up budget, formula rows and graded rows as typed', () => {
    let f: EvaluationForm = { ...form0, budget: { annualBudget: '500,000', executed: '４５００００' } };
    let r = scoreEvaluationForm(f, 'shanghai-2020');
    // 450000 / 500000 = 90.00 % → 10 × 0.9 = 9.00
    expect([r?.executionRate, r?.executionScore, r?.totalScore, r?.grade]).toEqual(['90.00', '9.00', '9.00', '差']);

    f = setRow(f, 0, { actual: '95' }); // ≥90 %: full 7.50
    f = setRow(f, 3, { actual: '85' }); // 7.50 × 85 / 90 = 7.0833… → 7.08
    f = setRow(f, 6, { actual: '80' }); // =100 %: 7.50 × 0.8 = 6.00
    f = setRow(f, 8, { actual: '120' }); // ≥90 %: full, 120 > 108 → flagged
    r = scoreEvaluationForm(f, 'shanghai-2020');
    expect([0, 3, 6, 8].map((i) => r?.items[i].score)).toEqual(['7.50', '7.08', '6.00', '7.50']);
    expect(r?.items[8].flags).toContain('FAR_ABOVE_TARGET');
    expect(r?.indicatorScore).toBe('28.08');
    expect(r?.totalScore).toBe('37.08');

    for (const i of [1, 2, 4, 7, 9, 10, 11]) f = setRow(f, i, { grade: '达成', description: '已完成' }); // 7 × 7.50 = 52.50
    f = setRow(f, 5, { grade: '部分达成', description: '基本及时' }); // 7.50 × 0.70 = 5.25
    r = scoreEvaluationForm(f, 'shanghai-2020');
    expect(r?.indicatorScore).toBe('85.83'); // 28.08 + 52.50 + 5.25
    expect(r?.totalScore).toBe('94.83');
    expect(r?.grade).toBe('优');
    expect(r?.groups.map((g) => [g.name, g.weight, g.score])).toEqual([
      ['投入与管理', '22.50', '22.50'],
      ['产出目标', '22.50', '19.83'],
      ['效果目标', '22.50', '21.00'],
      ['影响力目标', '22.50', '22.50'],
    ]);

    // an explicit score inside the band is used; outside it is an error and the default is kept
    f = setRow(f, 7, { score: '6.5' });
    expect(scoreEvaluationForm(f, 'shanghai-2020')?.totalScore).toBe('93.83');
    f = setRow(f, 7, { score: '5' });
    r = scoreEvaluationForm(f, 'shanghai-2020');
    expect(r?.totalScore).toBe('94.83');
    expect(r?.items[7].flags).toContain('SCORE_OUTSIDE_BAND');
    const p = r?.problems.find((x) => x.code === 'SCORE_OUTSIDE_BAND');
    expect(p?.severity).toBe('error');
    if (!p) throw new Error('no SCORE_OUTSIDE_BAND problem');
    expect(problemPlace(p, f.rows)).toBe('第8行「合作交流工作支撑作用」');
  });

  it('is null for an unknown framework', () => {
    expect(scoreEvaluationForm(form0, 'no-such-framework')).toBeNull();
  });
});

describe('the live score on the MoF 2021 framework (产出 50, 效益 30, 满意度 10)', () => {
  const e = evaluationOf([
    item(1, '产出指标', '数量指标', '培训人次', '≥100人次'),
    item(2, '产出指标', '时效指标', '办结时限', '≤5(天)'),
    item(3, '效益指标', '社会效益指标', '业务能力', '明显提升'),
    item(4, '效益指标', '经济效益指标', '节约经费', '比年初规划低不少于2万元'),
    item(5, '满意度指标', '服务对象满意度指标', '参训人员满意度', '≥90%'),
  ]);

  it('scores reverse, graded, compare and rate rows by the domain rules', () => {
    let f = evaluationFormFrom(e);
    f = { ...f, budget: { annualBudget: '1000000', executed: '950000.00' } }; // 95 % → 9.50
    f = setRow(f, 0, { actual: '80' }); // 25 × 80 / 100 = 20.00
    f = setRow(f, 1, { actual: '6' }); // 25 × (1 − (6 − 5) / 5) = 20.00
    f = setRow(f, 2, { grade: '部分达成', score: '10', description: '有所提升' }); // band [9.00, 12.00) of 15 → 10.00
    f = setRow(f, 3, { achieved: true }); // full 15.00
    f = setRow(f, 4, { actual: '95' }); // full 10.00
    const r = scoreEvaluationForm(f, 'mof-2021');
    expect(r?.items.map((i) => i.weight)).toEqual(['25.00', '25.00', '15.00', '15.00', '10.00']);
    expect(r?.items.map((i) => i.score)).toEqual(['20.00', '20.00', '10.00', '15.00', '10.00']);
    expect([r?.executionScore, r?.indicatorScore, r?.totalScore, r?.grade]).toEqual(['9.50', '75.00', '84.50', '良']);

    const notAchieved = scoreEvaluationForm(setRow(f, 3, { achieved: false }), 'mof-2021');
    expect(notAchieved?.totalScore).toBe('69.50'); // 84.50 − 15.00
    expect(notAchieved?.grade).toBe('中');
  });

  it('sends only the fields of each row kind, numbers cleaned, amounts typed in 万元 sent in yuan', () => {
    let f = evaluationFormFrom(e);
    f = { ...f, budget: { annualBudget: '1,000', executed: ' 95.123456 ' }, goalAchievement: '  ' };
    f = setRow(f, 0, { actual: '８０', score: '3', grade: '达成' });
    f = setRow(f, 2, { grade: '达成', actual: '1', description: ' 明显 ' });
    f = setRow(f, 3, { achieved: false, score: '2' });
    const b = evaluationBody(f);
    expect(b.budget).toEqual({ annualBudget: '10000000.00', executed: '951234.56' });
    expect(b.goalAchievement).toBeNull();
    expect(b.items[0]).toMatchObject({ actual: '80', score: null, grade: null, achieved: null });
    expect(b.items[2]).toMatchObject({ actual: null, grade: '达成', description: '明显' });
    expect(b.items[3]).toMatchObject({ achieved: false, score: '2', grade: null });
    expect(b.items[1].indicatorId).toBe(e.items[1].indicatorId);
    expect(evaluationSignature(f)).toBe(evaluationSignature(JSON.parse(JSON.stringify(f))));
  });

  it('checks the formats of the DTO with the server field names', () => {
    let f = evaluationFormFrom(e);
    f = { ...f, budget: { annualBudget: '12.3456789', executed: '' } }; // finer than a fen
    f = setRow(f, 0, { actual: '九十' });
    f = setRow(f, 2, { score: '-1' });
    expect(validateEvaluationForm(f).map((d) => d.field)).toEqual([
      'budget.annualBudget',
      'budget.executed',
      'items[0].actual',
      'items[2].score',
    ]);
    expect(evaluationFieldLabel('items[2].score', f.rows)).toBe('第3行「业务能力」得分');
    expect(evaluationFieldLabel('budget.executed')).toBe('全年执行数');
    expect(evaluationFieldLabel('items.weight（效益指标）')).toBe('分值（效益指标）');
    expect(evaluationFieldLabel('other')).toBe('other');
  });
});

describe('helpers', () => {
  it('merges 一级 and 二级 cells of consecutive rows', () => {
    const rows = [
      { level1: 'A', level2: 'a' },
      { level1: 'A', level2: 'a' },
      { level1: 'A', level2: 'b' },
      { level1: 'B', level2: 'a' },
      { level1: 'A', level2: 'a' },
    ];
    expect(levelSpans(rows)).toEqual([
      { level1: 3, level2: 2 },
      { level1: 0, level2: 0 },
      { level1: 0, level2: 1 },
      { level1: 1, level2: 1 },
      { level1: 1, level2: 1 },
    ]);
  });

  it('shows grade bands of a 分值', () => {
    expect(gradeBandText('达成', '7.50')).toBe('[6.00, 7.50]');
    expect(gradeBandText('部分达成', '15.00')).toBe('[9.00, 12.00)');
    expect(gradeBandText(null, '7.50')).toBe('');
  });

  it('cleans numbers as typed', () => {
    expect(cleanNumber(' 5,925,000.00 ')).toBe('5925000.00');
    expect(cleanNumber('９５．５')).toBe('95.5');
    expect(cleanNumber('－3')).toBe('-3');
  });

  it('formats amounts, a text that is none as it is', () => {
    expect(formatAmount('5925000')).toBe('5,925,000.00');
    expect(formatAmount('abc')).toBe('abc');
  });
});

describe('the funds block named by the target kind', () => {
  it('places a budget or funds problem in the funds block of the target form, not 项目资金 for every kind', () => {
    const p = { index: null, field: 'funds.executed', code: 'FUNDS_NOT_ADDING_UP', message: '…', severity: 'error' as const };
    expect(problemPlace(p)).toBe('项目资金');
    expect(problemPlace(p, [], KIND_FORM_LABELS.department.funds)).toBe('部门（单位）预算资金');
    expect(problemPlace({ ...p, field: 'budget.executed' }, [], KIND_FORM_LABELS.policy.funds)).toBe('政策资金');
    expect(evaluationFieldLabel('funds.executed', [], KIND_FORM_LABELS.policy.funds)).toBe('政策资金全年执行数');
    expect(evaluationFieldLabel('funds.fiscal.executed', [], KIND_FORM_LABELS.policy.funds)).toBe('当年财政拨款全年执行数');
  });
});

