import type { Evaluation, EvaluationItem } from '@pt/shared/api-types';
import { evaluationBody, evaluationFieldLabel, evaluationFormFrom, problemPlace, scoreEvaluationForm, validateEvaluationForm } from './evaluation-form';
import type { EvaluationForm } from './evaluation-form';
import { fundsFieldLabel, fundsFormFrom, wanText, yuanOf } from './evaluation-funds-form';
import { executedIsCarried, formSubmissionProblems, submissionView, withFundsValue } from './evaluation-submission';
import { evaluationItem } from './evaluation.fixtures';

const item = (i: number, level1: string, name: string, target: string, input: Partial<EvaluationItem['input']> = {}, deduction: EvaluationItem['deduction'] = null): EvaluationItem => ({
  ...evaluationItem(i, { level1, level2: '', name, target }, input),
  deduction,
});

const FUNDS: Evaluation['funds'] = {
  total: { initialBudget: '1000000.00', annualBudget: '1000000.00', executed: '600000.00' },
  fiscal: { initialBudget: '800000.00', annualBudget: '800000.00', executed: null },
  carryover: { initialBudget: '150000.00', annualBudget: '150000.00', executed: null },
  other: { initialBudget: '50000.00', annualBudget: '123456.78', executed: null },
};

/** mof-2021 with four rows: 产出 25 + 25, 效益 30, 满意度 10. */
const E = {
  budget: { annualBudget: '1000000.00', executed: '600000.00' },
  goalAchievement: null,
  funds: FUNDS,
  executedCarried: { source: 'monitoring' as const, month: 7 },
  items: [
    item(1, '产出指标', '接待团组数量', '≥60个', { actual: '90' }, { reason: '目标偏低', userName: '合作交流办审核人', at: '2027-01-10T00:00:00.000Z', points: '7.50' }),
    item(2, '产出指标', '公务用车保障率', '>=90%', { actual: '81' }),
    item(3, '效益指标', '合作交流工作支撑作用', '支撑作用明显', { grade: '达成', description: '明显' }),
    item(4, '满意度指标', '服务对象满意度', '≥90%', { actual: '95' }),
  ],
};

describe('the funds block in 万元', () => {
  it('reads yuan as 万元 and sends 万元 back as yuan, exactly', () => {
    expect(wanText('123456.78')).toBe('12.345678');
    expect(wanText(null)).toBe('');
    expect(yuanOf('1,247.86')).toBe('12478600.00');
    expect(yuanOf('')).toBe('');
    expect(yuanOf('abc')).toBe('abc');
    const f = fundsFormFrom(FUNDS);
    expect(f).toEqual({
      initialBudget: '100.00',
      fiscal: { initialBudget: '80.00', annualBudget: '80.00', executed: '' },
      carryover: { initialBudget: '15.00', annualBudget: '15.00', executed: '' },
      other: { initialBudget: '5.00', annualBudget: '12.345678', executed: '' },
    });
    const form = evaluationFormFrom(E);
    const b = evaluationBody(form);
    expect(b.budget).toEqual({ annualBudget: '1000000.00', executed: '600000.00' });
    expect(b.funds).toEqual({
      initialBudget: '1000000.00',
      fiscal: { initialBudget: '800000.00', annualBudget: '800000.00', executed: null },
      carryover: { initialBudget: '150000.00', annualBudget: '150000.00', executed: null },
      other: { initialBudget: '50000.00', annualBudget: '123456.78', executed: null },
    });
  });

  it('refuses amounts that are not whole fen, naming the row and column', () => {
    const form = evaluationFormFrom(E);
    const bad: EvaluationForm = { ...form, funds: { ...form.funds, fiscal: { ...form.funds.fiscal, executed: '1.0000001' }, other: { ...form.funds.other, executed: '-1' } } };
    expect(validateEvaluationForm(bad)).toEqual([
      { field: 'funds.fiscal.executed', message: '当年财政拨款全年执行数须为不超过六位小数的非负金额（万元），如 50 或 12.5' },
      { field: 'funds.other.executed', message: '其他资金全年执行数须为不超过六位小数的非负金额（万元），如 50 或 12.5' },
    ]);
    expect(fundsFieldLabel('funds.initialBudget')).toBe('年度资金总额年初预算数');
    expect(evaluationFieldLabel('funds.executed')).toBe('项目资金全年执行数');
    expect(evaluationFieldLabel('funds.carryover.annualBudget')).toBe('上年结转资金全年预算数');
  });
});

describe('全年执行数 carried from monitoring', () => {
  it('is marked while it is the carried figure, not once typed over', () => {
    const form = evaluationFormFrom(E);
    expect(form.carried).toEqual({ month: 7, executed: '60.00' });
    expect(executedIsCarried(form)).toBe(true);
    expect(executedIsCarried({ ...form, budget: { ...form.budget, executed: '61' } })).toBe(false);
    expect(executedIsCarried(evaluationFormFrom({ ...E, executedCarried: null }))).toBe(false);
  });
});

describe('typing into the funds block', () => {
  it('sets a source figure, the total 年初预算数, or the total 全年预算数 / 全年执行数 (the budget)', () => {
    const form = evaluationFormFrom(E);
    expect(withFundsValue(form, 'carryover', 'executed', '15').funds.carryover.executed).toBe('15');
    expect(withFundsValue(form, 'total', 'initialBudget', '99').funds.initialBudget).toBe('99');
    expect(withFundsValue(form, 'total', 'executed', '90').budget).toEqual({ annualBudget: '100.00', executed: '90' });
  });
});

describe('what 提交 needs, live', () => {
  it('names a missed row without 偏差原因 and the funds columns that do not add up', () => {
    const form = evaluationFormFrom(E);
    const r = scoreEvaluationForm(form, 'mof-2021');
    // row 0 carries the reviewer's deduction: (90 − 60) / 60 = 0.5 above → keeps 0.7 of 25
    expect(r?.items.map((i) => i.score)).toEqual(['17.50', '22.50', '30.00', '10.00']);
    const problems = formSubmissionProblems(form, r);
    expect(problems.filter((p) => p.severity === 'error').map((p) => [p.field, p.index, p.message])).toEqual([
      ['deviationReason', 1, '第2行「公务用车保障率」未达到年度指标值，提交前须填写偏差原因分析及改进措施'],
      ['funds.annualBudget', null, '全年预算数：当年财政拨款、上年结转资金、其他资金合计 107.35 万元，与年度资金总额 100.00 万元不一致'],
    ]);
    const p = problems.find((x) => x.field === 'funds.annualBudget');
    if (!p) throw new Error('no funds problem');
    expect(problemPlace(p)).toBe('项目资金');
    const fixed: EvaluationForm = {
      ...form,
      funds: { ...form.funds, other: { ...form.funds.other, annualBudget: '5' } },
      rows: form.rows.map((row, i) => (i === 1 ? { ...row, deviationReason: '车辆报废' } : row)),
    };
    expect(formSubmissionProblems(fixed, scoreEvaluationForm(fixed, 'mof-2021')).filter((x) => x.severity === 'error')).toEqual([]);
    expect(formSubmissionProblems(form, null)).toEqual([]);
    const view = submissionView(form, r);
    expect([view.errors, [...view.reasonRequired]]).toEqual([2, [1]]);
    expect(view.problems.map((x) => x.place)).toEqual(['', '', '项目资金']); // a row's message names it already
    expect(submissionView(null, r)).toEqual({ problems: [], errors: 0, reasonRequired: new Set() });
    // a row still empty needs a reason at 提交 too, but is not marked at its 偏差原因 (it carries 未填实际值)
    const empty: EvaluationForm = { ...form, rows: form.rows.map((row, i) => (i === 1 ? { ...row, actual: '' } : row)) };
    const emptyView = submissionView(empty, scoreEvaluationForm(empty, 'mof-2021'));
    expect(emptyView.problems.filter((x) => x.severity === 'error').map((x) => x.index)).toEqual([1, null]);
    expect([...emptyView.reasonRequired]).toEqual([]);
  });
});
