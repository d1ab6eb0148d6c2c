import { checkTable, MOF_2021 } from '@pt/domain';
import { wholeFramework } from './indicator-rows';

describe('wholeFramework (the live checks use the project framework version)', () => {
  it('a framework with every role is used as it is; names and children only are not enough', () => {
    expect(wholeFramework(MOF_2021)).toEqual(MOF_2021);
    expect(wholeFramework({ code: 'mof-2021', groups: MOF_2021.groups.map((g) => ({ name: g.name, children: g.children })) })).toBeNull();
  });

  it('a 二级 added in an edited version is no finding with that version', () => {
    const edited = { ...MOF_2021, groups: MOF_2021.groups.map((g) => (g.role === 'satisfaction' ? { ...g, children: [...g.children, '公众满意度指标'] } : g)) };
    const rows = [{ level1: '满意度指标', level2: '公众满意度指标', name: '公众满意度', target: '≥90%' }];
    const codes = (framework: ReturnType<typeof wholeFramework>) => checkTable({ frameworkCode: 'mof-2021', framework, rows }).map((f) => f.code);
    expect(codes(wholeFramework(edited))).not.toContain('LEVEL2_NOT_IN_LEVEL1');
    expect(codes(null)).toContain('LEVEL2_NOT_IN_LEVEL1');
  });
});
