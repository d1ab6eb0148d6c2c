import type { Project } from '@pt/web/projects/data-access';
import { emptyRow } from '@pt/web/projects/ui';
import { appendPickedRows, dateToIso, fieldLabel, headerBody, headerFromProject, headerSignature, indicatorInputs, isoToDate, rowsSignature } from './project-form';
import { reviewBody } from './review';

const project = {
  id: 'p1',
  year: 2027,
  name: '对口支援项目经费',
  nature: '经常性专项业务费',
  category: null,
  startDate: '2027-01-01',
  endDate: null,
  governmentPurchase: false,
  performanceType: null,
  funds: { total: '500000.00', fiscal: '500000.00', other: null, annualTotal: null, annualFiscal: null, carryover: null, annualOther: null },
  lastYearBudget: null,
  lastYearExecuted: null,
  overview: '概况',
  basis: null,
  necessity: null,
  measures: null,
  plan: null,
  totalGoal: null,
  annualGoal: null,
} as unknown as Project;

describe('header form', () => {
  it('round-trips a project through the form unchanged', () => {
    const v = headerFromProject(project);
    expect(v.governmentPurchase).toBe('no');
    expect(v.funds.other).toBe('');
    const { body, errors } = headerBody(v);
    expect(errors).toEqual([]);
    expect(body).toMatchObject({
      name: '对口支援项目经费',
      category: null,
      startDate: '2027-01-01',
      governmentPurchase: false,
      funds: { total: '500000.00', fiscal: '500000.00', other: null },
    });
    expect(headerSignature(v)).toBe(headerSignature(headerFromProject(project)));
  });

  it('normalises amounts as typed and names what cannot be sent', () => {
    const v = headerFromProject(project);
    const typed = { ...v, name: '  ', endDate: '2026-12-31', funds: { ...v.funds, total: '5,925,000', other: '1.005' } };
    const { body, errors } = headerBody(typed);
    expect(body.funds?.total).toBe('5925000.00');
    expect(errors.map((e) => e.field)).toEqual(['name', 'endDate', 'funds.other']);
    expect(errors[2].message).toContain('其他资金');
  });

  it('converts picker dates to calendar days and back', () => {
    expect(dateToIso(new Date(2027, 0, 5))).toBe('2027-01-05');
    expect(dateToIso(null)).toBe('');
    expect(dateToIso(isoToDate('2027-12-31'))).toBe('2027-12-31');
    expect(isoToDate('2027-02-30')).toBeNull();
  });

  it('labels API fields in Chinese', () => {
    expect(fieldLabel('funds.total')).toBe('项目资金总额');
    expect(fieldLabel('indicators[2].target')).toBe('第3行指标值');
    expect(fieldLabel('indicators.0.name')).toBe('第1行三级指标');
  });
});

describe('indicator rows to save', () => {
  it('drops blank rows, keeps ids and sends 分值 as null when empty', () => {
    const rows = [
      emptyRow({ id: 'a', level1: '产出指标', level2: '数量指标', name: ' 培训次数 ', target: '≥2次' }),
      emptyRow({ level1: '产出指标', level2: '数量指标' }),
      emptyRow({ name: '新指标', target: '良好', weight: '10', core: true }),
    ];
    expect(indicatorInputs(rows)).toEqual([
      { id: 'a', level1: '产出指标', level2: '数量指标', name: '培训次数', target: '≥2次', core: false, weight: null },
      { level1: '', level2: '', name: '新指标', target: '良好', core: true, weight: '10' },
    ]);
    expect(rowsSignature(rows)).toBe(rowsSignature(rows.map((r) => ({ ...r, key: 'other' }))));
  });
});

describe('reviewBody', () => {
  const rows = [emptyRow({ id: 'r1', name: 'a' }), emptyRow({ id: 'r2', name: 'b' }), emptyRow({ name: 'unsaved' })];

  it('needs an overall comment to return', () => {
    expect(reviewBody('return', '  ', {}, rows)).toBeNull();
    expect(reviewBody('approve', '', {}, rows)).toEqual({ action: 'approve' });
  });

  it('sends the non-empty row comments of rows in the table, in order', () => {
    expect(reviewBody('return', ' 请补充单位 ', { r2: ' 缺少单位 ', r1: ' ', gone: '旧行' }, rows)).toEqual({
      action: 'return',
      comment: '请补充单位',
      rowComments: [{ indicatorId: 'r2', comment: '缺少单位' }],
    });
  });
});

describe('appendPickedRows', () => {
  const picked = [{ level1: '产出指标', level2: '数量指标', name: '培训人次', target: '≥160人次' }];

  it('appends picked rows after the filled ones, replacing empty rows at the end', () => {
    const rows = [emptyRow({ level1: '产出指标', level2: '数量指标', name: '培训班次', target: '≥4次' }), emptyRow({ level1: '产出指标' }), emptyRow()];
    const out = appendPickedRows(rows, picked);
    expect(out.map((r) => r.name)).toEqual(['培训班次', '培训人次']);
    expect(out[0]).toBe(rows[0]);
    expect(out[1]).toMatchObject({ ...picked[0], core: false, weight: '' });
    expect(new Set(out.map((r) => r.key)).size).toBe(2);
  });

  it('keeps a saved row even when it was emptied (the user may still be typing it)', () => {
    const rows = [{ ...emptyRow(), id: 'saved-1' }];
    expect(appendPickedRows(rows, picked).map((r) => r.id ?? r.name)).toEqual(['saved-1', '培训人次']);
  });
});
