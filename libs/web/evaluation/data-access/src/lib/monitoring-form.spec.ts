import { parseTargetValue } from '@pt/domain';
import type { Monitoring, MonitoringItem } from '@pt/shared/api-types';
import {
  defaultMonitoringMonth,
  lightExplanation,
  monitoringBody,
  monitoringFieldLabel,
  monitoringFormFrom,
  monitoringLights,
  validateMonitoringForm,
} from './monitoring-form';
import type { MonitoringForm, MonitoringFormRow } from './monitoring-form';

function item(i: number, name: string, target: string): MonitoringItem {
  return {
    indicatorId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    level1: '产出指标',
    level2: '数量指标',
    name,
    target: parseTargetValue(target),
    current: null,
    expected: null,
    likelihood: null,
    reasons: [],
    measures: null,
    light: 'none',
    progress: null,
  };
}

const REPORT: Pick<Monitoring, 'budget' | 'items'> = {
  budget: { annualBudget: null, executed: null, expectedExecuted: null },
  items: [
    item(1, '培训人次', '≥160人次'),
    item(2, '培训计划完成率', '≥90%'),
    item(3, '办结时限', '≤5(天)'),
    item(4, '业务能力', '明显提升'),
  ],
};

function setRow(form: MonitoringForm, i: number, patch: Partial<MonitoringFormRow>): MonitoringForm {
  return { ...form, rows: form.rows.map((r, k) => (k === i ? { ...r, ...patch } : r)) };
}

describe('monitoring lights, live', () => {
  it('are 未评 before anything is typed', () => {
    const f = monitoringFormFrom(REPORT, 6, { annualBudget: '500000.00' });
    const l = monitoringLights(f);
    expect(l.rows.map((r) => r.light)).toEqual(['none', 'none', 'none', 'none']);
    expect(l.budget.light).toBe('none');
    expect(l.project).toBe('none');
    expect(lightExplanation(l.rows[0])).toBe('未填当前完成值');
  });

  it('follow the domain rules for cumulative, rate, reverse and qualitative rows and the budget', () => {
    let f = monitoringFormFrom(REPORT, 6, { annualBudget: '500000.00' });
    f = { ...f, budget: { ...f.budget, executed: '150,000' } }; // 30 % of the budget by June: 30 / 50 = 60.00 % → yellow
    f = setRow(f, 0, { current: '60' }); // due 160 × 6 / 12 = 80 → 75.00 % → yellow
    f = setRow(f, 1, { current: '85' }); // a rate: 85 / 90 = 94.44 % → green
    f = setRow(f, 2, { current: '4' }); // reverse, 4 ≤ 5 → green
    f = setRow(f, 3, { likelihood: '确定能' }); // qualitative: by likelihood → green
    let l = monitoringLights(f);
    expect(l.rows.map((r) => [r.light, r.progress])).toEqual([
      ['yellow', '75.00'],
      ['green', '94.44'],
      ['green', '80.00'],
      ['green', null],
    ]);
    expect([l.budget.light, l.budget.progress, l.budget.executionRate]).toEqual(['yellow', '60.00', '30.00']);
    expect(l.project).toBe('yellow');
    expect(lightExplanation(l.rows[0])).toBe('进度 75.00%');

    f = setRow(f, 0, { current: '100' }); // 125.00 % → blue
    f = setRow(f, 2, { current: '6' }); // reverse above target → red
    l = monitoringLights(f);
    expect(l.rows[0].light).toBe('blue');
    expect(l.rows[2].light).toBe('red');
    expect(l.project).toBe('red');

    // the same values in July: 160 × 7 / 12 = 93.33…, 100 / 93.33 = 107.14 % → green; budget 30 / 58.33 = 51.43 % → red
    l = monitoringLights({ ...f, month: 7 });
    expect([l.rows[0].light, l.rows[0].progress]).toEqual(['green', '107.14']);
    expect([l.budget.light, l.budget.progress]).toEqual(['red', '51.43']);
  });
});

describe('monitoring body and checks', () => {
  it('sends cleaned numbers and null for empty fields', () => {
    let f = monitoringFormFrom(REPORT, 7);
    f = { ...f, budget: { annualBudget: '500,000', executed: '', expectedExecuted: ' 480000.5 ' } };
    f = setRow(f, 0, { current: '９０', expected: ' 全年可完成 ', likelihood: '有可能', reasons: ['人员保障'], measures: '增加培训班次' });
    const b = monitoringBody(f);
    expect(b.month).toBe(7);
    expect(b.budget).toEqual({ annualBudget: '500000', executed: null, expectedExecuted: '480000.5' });
    expect(b.items[0]).toEqual({
      indicatorId: REPORT.items[0].indicatorId,
      current: '90',
      expected: '全年可完成',
      likelihood: '有可能',
      reasons: ['人员保障'],
      measures: '增加培训班次',
    });
    expect(b.items[1]).toMatchObject({ current: null, expected: null, likelihood: null, reasons: [], measures: null });
  });

  it('requires reasons and measures when the likelihood is not 确定能', () => {
    let f = monitoringFormFrom(REPORT, 7);
    f = setRow(f, 0, { likelihood: '确定能' });
    f = setRow(f, 1, { likelihood: '有可能' });
    f = setRow(f, 2, { likelihood: '完全不可能', reasons: ['经费保障'], measures: ' ' });
    f = setRow(f, 0, { current: '约九十人次' });
    f = setRow(f, 3, { current: '已开展两期培训' }); // qualitative: a text is its current value
    f = { ...f, budget: { ...f.budget, executed: '-1' } };
    expect(validateMonitoringForm(f).map((d) => d.field)).toEqual([
      'budget.executed',
      'items[0].current',
      'items[1].reasons',
      'items[1].measures',
      'items[2].measures',
    ]);
    expect(validateMonitoringForm(f)[1].message).toMatch(/^当前完成值须为数字/);
    expect(monitoringFieldLabel('items[1].reasons', f.rows)).toBe('第2行「培训计划完成率」偏差原因');
    expect(monitoringFieldLabel('budget.expectedExecuted')).toBe('全年预计执行数');
  });

  it('keeps the text of a qualitative row as written (spaces and commas inside), cleans the numbers of the others', () => {
    let f = monitoringFormFrom(REPORT, 7);
    f = setRow(f, 0, { current: ' 1,200 ' });
    f = setRow(f, 3, { current: ' 已开展两期培训，覆盖 3 个县 ' });
    const b = monitoringBody(f);
    expect(b.items.map((i) => i.current)).toEqual(['1200', null, null, '已开展两期培训，覆盖 3 个县']);
    expect(validateMonitoringForm(f)).toEqual([]);
    f = setRow(f, 3, { current: '长'.repeat(201) });
    expect(validateMonitoringForm(f)).toEqual([{ field: 'items[3].current', message: '当前完成值最多 200 个字符' }]);
  });

  it('opens the month loaded, else last month of the current year, else July', () => {
    const nov = new Date(2026, 10, 29);
    expect(defaultMonitoringMonth(3, 2026, nov)).toBe(3);
    expect(defaultMonitoringMonth(null, 2026, nov)).toBe(10);
    expect(defaultMonitoringMonth(null, 2026, new Date(2026, 0, 5))).toBe(1);
    expect(defaultMonitoringMonth(null, 2024, nov)).toBe(7);
  });
});
