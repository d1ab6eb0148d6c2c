import { parseTargetValue } from '@pt/domain';
import type { Project } from '@pt/shared/contracts';
import { DECLARATION_FUND_LABELS, declarationModel } from './declaration-model';
import type { BlockCell } from './sheet-model';

const row = (level1: string, level2: string, name: string, target: string) => ({ id: name, level1, level2, name, core: false, weight: null, target: parseTargetValue(target) });

// only what the 申报表 reads; the rest of a Project does not matter here
const project = {
  id: 'p1',
  year: 2024,
  name: '交流办对口支援项目经费',
  orgName: '上海市杨浦区人民政府合作交流办公室',
  departmentName: '上海市杨浦区人民政府办公室',
  frameworkCode: 'mof-2021',
  nature: '经常性专项业务费',
  category: '特定目标类',
  startDate: '2024-01-01',
  endDate: '2024-12-31',
  governmentPurchase: false,
  performanceType: '其他类',
  funds: { total: '1200000.00', fiscal: '1000000.00', other: '200000.00', annualTotal: '1200000.00', annualFiscal: '900000.00', carryover: '100000.00', annualOther: '200000.00' },
  lastYearBudget: '1100000.00',
  lastYearExecuted: null,
  overview: '概况',
  basis: '依据',
  necessity: '必要性',
  measures: '措施',
  plan: '计划',
  totalGoal: '总目标',
  annualGoal: '年度目标',
  indicators: [
    row('满意度指标', '服务对象满意度指标', '服务对象满意度', '≥90%'),
    row('产出指标', '数量指标', '完成年度计划', '=100%'),
    row('效益指标', '社会效益指标', '加强人员交流', '加强'),
    row('产出指标', '质量指标', '完成任务', '=100%'),
  ],
} as Project;

/** label → the cell right after it, over the whole header block */
function pairs(lines: BlockCell[][]): Map<string, BlockCell> {
  const out = new Map<string, BlockCell>();
  for (const line of lines) line.forEach((c, i) => c.label && line[i + 1] && out.set(c.text, line[i + 1]));
  return out;
}

describe('declarationModel (申报表)', () => {
  const m = declarationModel(project, undefined, { filler: '张三', fillDate: '2023-10-08', reviewers: null, reviewDate: null });

  it('has the published title and every header field of §2 as a label followed by its value', () => {
    expect(m.title).toBe('财政项目支出绩效目标申报表');
    const h = pairs(m.header);
    for (const labelText of ['项目名称', '项目性质', '项目类别', '主管部门', '实施单位', '计划开始日期', '计划完成日期', '是否含有政府购买服务', '绩效类型', '项目概况', '立项依据', '项目设立的必要性', '保证项目实施的制度、措施', '项目实施计划', '项目总目标', '年度总体目标'])
      expect([labelText, h.has(labelText), h.get(labelText)?.label]).toEqual([labelText, true, undefined]);
    expect(h.get('是否含有政府购买服务')?.text).toBe('否');
    expect(h.get('绩效类型')?.text).toBe('其他类');
    expect(h.get('项目性质')?.text).toBe('经常性专项业务费');
    // no value cell holds a label's text (the old 其他资金 cell)
    for (const line of m.header) for (const c of line) if (!c.label) expect(c.text).not.toMatch(/其他资金/);
  });

  it('writes every amount as an amount cell: the plain decimal for .xlsx, separators for print', () => {
    const h = pairs(m.header);
    const L = DECLARATION_FUND_LABELS;
    expect(h.get(L.other)).toEqual({ text: '200,000.00', amount: '200000.00' });
    expect(h.get(L.total)).toEqual({ text: '1,200,000.00', amount: '1200000.00' });
    expect(h.get(L.carryover)).toMatchObject({ text: '100,000.00', amount: '100000.00' });
    expect(h.get(L.annualOther)).toMatchObject({ amount: '200000.00' });
    expect(h.get('同名项目上年预算额（元）')).toMatchObject({ amount: '1100000.00' });
    // nothing entered: an empty cell, not 0
    expect(h.get('同名项目上年预算执行数（元）')).toEqual({ text: '' });
    // each header line fills the five columns exactly
    for (const line of m.header) expect(line.reduce((a, c) => a + (c.span ?? 1), 0)).toBe(5);
  });

  it('groups the rows by 一级 in framework order (the entered order is kept by the editor only) and merges them', () => {
    expect(m.rows.map((r) => r[2])).toEqual(['完成年度计划', '完成任务', '加强人员交流', '服务对象满意度']);
    expect(m.merges).toEqual([{ row: 0, col: 0, rowSpan: 2 }]);
    expect(project.indicators[0].name).toBe('服务对象满意度');
  });

  it('ends with the signature footer: the data where there is one, blank lines to sign otherwise', () => {
    expect(m.footer.map((line) => line.map((c) => c.text))).toEqual([
      ['填报人', '张三', '审核人', ''],
      ['填报日期', '2023-10-08', '审核日期', ''],
    ]);
    for (const line of m.footer) expect(line.reduce((a, c) => a + (c.span ?? 1), 0)).toBe(5);
  });
});
