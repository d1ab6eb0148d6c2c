import { parseTargetValue } from '@pt/domain';
import type { Evaluation, Target } from '@pt/shared/contracts';
import { DEPARTMENT_DECLARATION_TITLE, departmentDeclarationModel } from './department-model';
import { evaluationModel } from './evaluation-model';
import { periodText, POLICY_DECLARATION_TITLE, policyDeclarationModel, policyRows } from './policy-model';
import { annualAmount, declarationOf, kindOfForm, monitoringOf, namedForm, resolveForm } from './kind-forms';
import { type BlockCell, NO_SIGNATURES } from './sheet-model';

const row = (level1: string, level2: string, name: string, target: string, weight: string | null = null) => ({ id: name, level1, level2, name, core: false, weight, target: parseTargetValue(target) });

// only what the forms read; the rest of a Target does not matter here
const base = {
  id: 't1',
  year: 2024,
  orgName: '上海市杨浦区人民政府合作交流办公室',
  departmentName: '上海市杨浦区人民政府办公室',
  frameworkCode: 'mof-2021',
  totalGoal: null,
  annualGoal: '保障机关运行，完成对口支援任务',
  goals: [],
  indicators: [row('产出指标', '数量指标', '对口支援项目数', '≥12个', '20'), row('满意度指标', '服务对象满意度指标', '受援地满意度', '≥90%', '10')],
  policy: null,
  department: null,
} as unknown as Target;

const department: Target = {
  ...base,
  kind: 'department',
  name: '上海市杨浦区人民政府合作交流办公室',
  department: {
    budget: { total: '12478600.00', fiscal: '12000000.00', other: '478600.00', basic: '8000000.00', project: '4478600.00' },
    tasks: [
      { name: '对口支援', content: '云南、新疆等地的对口支援项目', amount: '3000000.00', fiscal: '3000000.00', other: null },
      { name: '机关运行', content: '人员和日常公用经费', amount: '8000000.00', fiscal: '7521400.00', other: '478600.00' },
    ],
  },
};

/** Every cell text of a header block, row by row. */
const texts = (lines: BlockCell[][]) => lines.map((l) => l.map((c) => c.text));
/** The row of the header that starts with this label. */
const rowOf = (lines: BlockCell[][], first: string) => lines.find((l) => l[0]?.text === first);
/** Cells a row covers (spans counted). */
const width = (l: BlockCell[]) => l.reduce((a, c) => a + (c.span ?? 1), 0);

describe('departmentDeclarationModel (部门（单位）整体支出绩效目标申报表)', () => {
  const m = departmentDeclarationModel(department, undefined, { filler: '张三', fillDate: '2023-10-08', reviewers: null, reviewDate: null });

  it('has the published title, the name and year, and every header row fits the five-column grid', () => {
    expect(m.title).toBe(DEPARTMENT_DECLARATION_TITLE);
    expect(m.subtitle).toBe('（2024年度）');
    expect(m.columns.map((c) => c.header)).toEqual(['一级指标', '二级指标', '三级指标', '年度(/项目)指标值', '分值']);
    expect(texts(m.header)[0]).toEqual(['部门（单位）名称', '上海市杨浦区人民政府合作交流办公室', '年度', '2024']);
    for (const l of [...m.header, ...m.footer]) expect(width(l)).toBe(5);
  });

  it('prints the 年度预算申请 by source and by nature, amounts with separators and as numbers for Excel', () => {
    expect(rowOf(m.header, '年度预算申请（元）')?.[2]).toEqual({ text: '12,478,600.00', amount: '12478600.00', span: 3 });
    expect(texts([rowOf(m.header, '按收入性质分') ?? []])[0]).toEqual(['按收入性质分', '其中：财政拨款', '12,000,000.00', '其他资金', '478,600.00']);
    expect(texts([rowOf(m.header, '按支出性质分') ?? []])[0]).toEqual(['按支出性质分', '其中：基本支出', '8,000,000.00', '项目支出', '4,478,600.00']);
  });

  it('lists the 年度主要任务 with their amounts and a 合计 row, then the 年度总体目标', () => {
    const t = texts(m.header);
    const heading = t.findIndex((l) => l[0] === '任务名称');
    expect(t[heading - 1]).toEqual(['年度主要任务', '预算金额（元）']);
    expect(t[heading]).toEqual(['任务名称', '主要内容', '总额', '财政拨款', '其他资金']);
    expect(t[heading + 1]).toEqual(['对口支援', '云南、新疆等地的对口支援项目', '3,000,000.00', '3,000,000.00', '']);
    expect(t[heading + 2]).toEqual(['机关运行', '人员和日常公用经费', '8,000,000.00', '7,521,400.00', '478,600.00']);
    expect(t[heading + 3]).toEqual(['合计', '11,000,000.00', '10,521,400.00', '478,600.00']);
    expect(t[heading + 4]).toEqual(['年度总体目标', '保障机关运行，完成对口支援任务']);
  });

  it('prints the three-level table grouped as the framework orders it, and the signatures', () => {
    expect(m.rows).toEqual([
      ['产出指标', '数量指标', '对口支援项目数', '≥12个', '20'],
      ['满意度指标', '服务对象满意度指标', '受援地满意度', '≥90%', '10'],
    ]);
    expect(texts(m.footer)[0]).toEqual(['填报人', '张三', '审核人', '']);
  });

  it('prints an empty task table (no rows, a blank 合计) for a target without tasks or budget', () => {
    const empty = departmentDeclarationModel({ ...department, department: null });
    const t = texts(empty.header);
    expect(t[t.findIndex((l) => l[0] === '任务名称') + 1]).toEqual(['合计', '', '', '']);
    expect(rowOf(empty.header, '年度预算申请（元）')?.[2].text).toBe('');
  });
});

describe('policyDeclarationModel (政策绩效目标申报表)', () => {
  const policy: Target = {
    ...base,
    kind: 'policy',
    name: '对口地区产业帮扶政策',
    totalGoal: '三年内帮扶产业项目30个',
    annualGoal: '本年帮扶产业项目10个',
    policy: { basis: '沪府办〔2023〕12号', startYear: 2024, endYear: 2026, totalFunds: '30000000.00', annualFunds: '10000000.00' },
    goals: [
      { id: 'g1', kind: 'overall', year: null, text: '三年内帮扶产业项目30个', indicators: [row('产出指标', '数量指标', '帮扶产业项目数', '≥30个'), row('效益指标', '经济效益指标', '带动就业人数', '≥3000人')] },
    ],
    indicators: [row('产出指标', '数量指标', '帮扶产业项目数', '≥10个'), row('满意度指标', '服务对象满意度指标', '受援企业满意度', '≥90%')],
  };
  const m = policyDeclarationModel(policy);

  it('has the title and every policy field of §11, each label followed by its value', () => {
    expect(m.title).toBe(POLICY_DECLARATION_TITLE);
    expect(texts(m.header)).toEqual([
      ['政策名称', '对口地区产业帮扶政策'],
      ['主管部门', '上海市杨浦区人民政府办公室', '实施期', '2024年—2026年'],
      ['政策依据', '沪府办〔2023〕12号'],
      ['资金规模总额（元）', '30,000,000.00', '年度资金规模（元）', '10,000,000.00'],
      ['中期目标', '三年内帮扶产业项目30个'],
      ['年度目标', '本年帮扶产业项目10个'],
    ]);
    for (const l of [...m.header, ...m.footer]) expect(width(l)).toBe(5);
  });

  it('prints the 中期 and the 年度 value of each indicator side by side, rows of only one table with the other blank', () => {
    expect(m.columns.map((c) => c.header)).toEqual(['一级指标', '二级指标', '三级指标', '中期指标值', '年度指标值']);
    expect(m.rows).toEqual([
      ['产出指标', '数量指标', '帮扶产业项目数', '≥30个', '≥10个'],
      ['效益指标', '经济效益指标', '带动就业人数', '≥3000人', ''],
      ['满意度指标', '服务对象满意度指标', '受援企业满意度', '', '≥90%'],
    ]);
  });

  it('keeps two rows of the same name in one table as two rows', () => {
    const twice = policyRows({ goals: [], indicators: [row('产出指标', '数量指标', 'A', '1个'), row('产出指标', '数量指标', 'A', '2个')] });
    expect(twice.map((r) => r.annual)).toEqual(['1个', '2个']);
  });

  it('prints the 实施期 from what is known', () => {
    expect([periodText(2024, 2026), periodText(2024, 2024), periodText(2024, null), periodText(null, 2026), periodText(null, null)]).toEqual(['2024年—2026年', '2024年', '2024年起', '至2026年', '']);
  });
});

describe('evaluationModel of each kind', () => {
  const e = {
    funds: {
      total: { initialBudget: '12478600.00', annualBudget: '12478600.00', executed: '11000000.00' },
      fiscal: { initialBudget: null, annualBudget: null, executed: null },
      carryover: { initialBudget: null, annualBudget: null, executed: null },
      other: { initialBudget: null, annualBudget: null, executed: null },
    },
    executionRate: '88.15',
    executionScore: '8.82',
    goalAchievement: '完成',
    items: [],
    totalScore: '90.00',
    grade: '优',
    basis: null,
  } as unknown as Evaluation;

  it('titles and labels the 部门整体 and 政策 自评表 by their kind, with the unit budget execution block', () => {
    const d = evaluationModel(department, e);
    expect(d.title).toBe('部门（单位）整体支出绩效自评表');
    expect(d.header[0][0].text).toBe('部门（单位）名称');
    expect(d.header[2][0].text).toBe('部门（单位）预算资金（万元）');
    expect(d.header[3].map((c) => c.text).slice(0, 4)).toEqual(['年度资金总额', '1,247.86', '1,247.86', '1,100.00']);
    const p = evaluationModel({ ...department, kind: 'policy', name: '产业帮扶政策' }, e);
    expect([p.title, p.header[0][0].text]).toEqual(['政策绩效自评表', '政策名称']);
    expect(evaluationModel({ ...department, kind: 'project' }, e).title).toBe('项目支出绩效自评表');
  });
});

describe('the form of a target follows its kind', () => {
  it('gives each kind its own 申报表 and 自评表, and refuses a kind’s form on another kind', () => {
    expect(resolveForm('declaration', 'department')).toEqual({ form: 'declaration' });
    expect(resolveForm('department-declaration', 'department')).toEqual({ form: 'declaration' });
    expect(resolveForm('policy-evaluation', 'policy')).toEqual({ form: 'evaluation' });
    expect(resolveForm('department-declaration', 'project')).toEqual({ error: '表单 department-declaration 只适用于部门（单位）整体绩效目标，该目标是项目绩效目标' });
    expect([namedForm('declaration', 'department'), namedForm('evaluation', 'policy'), namedForm('declaration', 'project'), namedForm('monitoring', 'department')]).toEqual([
      'department-declaration',
      'policy-evaluation',
      'declaration',
      'monitoring',
    ]);
    expect(kindOfForm('policy-declaration')).toBe('policy');
    expect(kindOfForm('declaration')).toBeNull();
  });

  it('draws the 申报表 of the kind and lists the year’s money of each kind', () => {
    expect(declarationOf(department, undefined, NO_SIGNATURES, undefined).title).toBe(DEPARTMENT_DECLARATION_TITLE);
    expect(annualAmount({ ...department, funds: { annualTotal: null } } as unknown as Target)).toBe('12478600.00');
    expect(annualAmount({ ...base, kind: 'policy', policy: { annualFunds: '5.00' }, funds: {} } as unknown as Target)).toBe('5.00');
    expect(annualAmount({ ...base, kind: 'project', funds: { annualTotal: '7.00' } } as unknown as Target)).toBe('7.00');
  });
});

describe('the 运行监控表 of each kind', () => {
  const mon = { month: 7, budget: { annualBudget: '100.00', executed: '50.00', expectedExecuted: '100.00' }, budgetLight: { light: 'green', executionRate: '50.00' }, light: 'green', items: [] } as unknown as Parameters<typeof monitoringOf>[1];
  it('titles and labels it by the kind; a project keeps its form', () => {
    const d = monitoringOf(department, mon, undefined, undefined);
    expect([d.title, d.header[0][0].text, d.header[0][1].text]).toEqual(['部门（单位）整体支出绩效运行监控表', '部门（单位）名称', department.name]);
    expect(monitoringOf({ ...department, kind: 'policy' }, mon, undefined, undefined).title).toBe('政策绩效运行监控表');
    expect(monitoringOf({ ...department, kind: 'project' }, mon, undefined, undefined).title).toBe('项目支出绩效运行监控表');
  });
});
