import { SHANGHAI_2020, XINING_2020_YEWU, type Framework, type ScoringSettings } from '@pt/domain';
import { evaluationFormFrom, scoreEvaluationForm } from './evaluation-form';
import { evaluationItem as item } from './evaluation.fixtures';

/** The evaluation's `basis` (the project's framework and settings versions) scores the form as the server does. */
describe('the live score with the project basis', () => {
  const form = evaluationFormFrom({ budget: { annualBudget: null, executed: null }, goalAchievement: null, items: XINING_2020_YEWU.rows.map((r, i) => item(i, r)) }, { annualBudget: '500000.00' });
  const weighted: Framework = { ...SHANGHAI_2020, groups: SHANGHAI_2020.groups.map((g, i) => ({ ...g, weight: [10, 40, 30, 10][i] })) };

  it('a framework version with official weights: its 分值, not the shipped equal split', () => {
    expect(scoreEvaluationForm(form, 'shanghai-2020')?.items.map((i) => i.weight).slice(0, 4)).toEqual(['7.50', '7.50', '7.50', '7.50']);
    expect(scoreEvaluationForm(form, weighted)?.items.map((i) => i.weight).slice(0, 4)).toEqual(['3.34', '3.33', '3.33', '13.34']);
  });

  it('settings with other grade bands grade the same total differently', () => {
    // 预算资金到位率 ≥90% met: its 3.34 is the whole total
    const met = { ...form, rows: form.rows.map((r, k) => (k === 0 ? { ...r, actual: '95' } : r)) };
    const bands: ScoringSettings['gradeBands'] = [{ grade: '优', min: '3' }, { grade: '良', min: '2' }, { grade: '中', min: '1' }, { grade: '差', min: '0' }];
    expect(scoreEvaluationForm(met, weighted)).toMatchObject({ indicatorScore: '3.34', grade: '差' });
    expect(scoreEvaluationForm(met, weighted, { gradeBands: bands })).toMatchObject({ indicatorScore: '3.34', grade: '优' });
  });
});
