import { buildTargetSettingReport, type ReportOrg } from './target-setting-report';
import { wrappedHeight } from './target-setting-xlsx';

const org = (id: string, kind: ReportOrg['kind'], parentId: string | null, name = id): ReportOrg => ({ id, code: id, name, kind, parentId });
const all = [
  org('CZJ', 'finance', null, '财政局'),
  org('HZB', 'department', 'CZJ', '合作交流办'),
  org('HZB-BB', 'unit', 'HZB', '合作交流办本部'),
  org('HZB-XN', 'unit', 'HZB', '驻西宁办事处'),
  org('YPB', 'department', 'CZJ', '杨浦区府办'),
  org('YPB-BB', 'unit', 'YPB', '杨浦区府办本部'),
];
const everything = all.map((o) => o.id);

describe('buildTargetSettingReport', () => {
  const targets = [
    { orgId: 'HZB-BB', kind: 'department' as const, count: 1, funds: '12478600.00' },
    { orgId: 'HZB-BB', kind: 'project' as const, count: 2, funds: '1000000.50' },
    { orgId: 'HZB-XN', kind: 'project' as const, count: 1, funds: '0.50' },
    { orgId: 'YPB-BB', kind: 'policy' as const, count: 1, funds: '30000000.00' },
  ];

  it('counts per 主管部门 and in total, with the money of projects and policies and the units without a 部门整体 target', () => {
    const r = buildTargetSettingReport({ year: 2024, orgId: null, root: all[0], all, scope: everything, targets });
    expect(r.departments).toEqual([
      { orgId: 'HZB', name: '合作交流办', units: 2, departmentTargets: 1, policyTargets: 0, policyFunds: '0.00', projectTargets: 3, projectFunds: '1000001.00', unitsWithoutDepartmentTarget: ['驻西宁办事处'] },
      { orgId: 'YPB', name: '杨浦区府办', units: 1, departmentTargets: 0, policyTargets: 1, policyFunds: '30000000.00', projectTargets: 0, projectFunds: '0.00', unitsWithoutDepartmentTarget: ['杨浦区府办本部'] },
    ]);
    expect(r).toMatchObject({ year: 2024, orgId: null, units: 3, departmentTargets: 1, policyTargets: 1, policyFunds: '30000000.00', projectTargets: 3, projectFunds: '1000001.00' });
    expect(r.unitsWithoutDepartmentTarget).toEqual(['驻西宁办事处', '杨浦区府办本部']);
    expect(r.text).toBe(
      '按照本市预算绩效管理工作的总体要求，全区3个预算单位开展了2024年预算绩效目标编报工作，编报部门（单位）整体绩效目标1个；政策绩效目标1个，涉及预算资金3,000.00万元；项目绩效目标3个，涉及项目预算资金100.00万元。',
    );
  });

  it('for a unit: one row under its 主管部门 (outside its scope), the paragraph in its own name', () => {
    const r = buildTargetSettingReport({ year: 2024, orgId: null, root: all[3], all, scope: ['HZB-XN'], targets: targets.filter((t) => t.orgId === 'HZB-XN') });
    expect(r.departments.map((d) => [d.name, d.units, d.projectTargets])).toEqual([['合作交流办', 1, 1]]);
    expect(r.unitsWithoutDepartmentTarget).toEqual(['驻西宁办事处']);
    expect(r.text).toContain('本单位开展了2024年');
  });

  it('is all zeros for a year without targets', () => {
    const r = buildTargetSettingReport({ year: 2030, orgId: 'HZB', root: all[1], all, scope: ['HZB', 'HZB-BB', 'HZB-XN'], targets: [] });
    expect(r).toMatchObject({ units: 2, departmentTargets: 0, policyFunds: '0.00', projectFunds: '0.00', unitsWithoutDepartmentTarget: ['合作交流办本部', '驻西宁办事处'] });
    expect(r.text).toContain('本部门2个预算单位');
  });
});

describe('wrappedHeight (the .xlsx row heights)', () => {
  it('grows a row by the lines its longest wrapped cell needs', () => {
    expect(wrappedHeight([{ text: '合计', width: 30 }])).toBe(18);
    // 40 CJK characters = 80 units in a column of 30 (28.5 usable): 3 lines
    expect(wrappedHeight([{ text: '单'.repeat(40), width: 30 }, { text: '1', width: 10 }])).toBe(3 * 13 + 5);
  });
});
