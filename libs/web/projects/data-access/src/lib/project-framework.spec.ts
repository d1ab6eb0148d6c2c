import { MOF_2021 } from '@pt/domain';
import type { FrameworkResponse } from '@pt/shared/api-types';
import { projectFramework } from './project-framework';

/** mof-2021 version 2 as GET /api/frameworks answers it: 产出 60, 效益 20. */
const v2: FrameworkResponse = {
  code: 'mof-2021',
  name: MOF_2021.name,
  version: 2,
  region: '全国',
  settingsVersion: 1,
  groups: MOF_2021.groups.map((g) => ({ ...g, weight: g.role === 'output' ? 60 : g.role === 'benefit' ? 20 : g.weight })),
};

describe('projectFramework', () => {
  it("a project of the current version gets it with roles and weights; one of version 1 the shipped framework", () => {
    expect(projectFramework([v2], { frameworkCode: 'mof-2021', frameworkVersion: 2 })?.groups[1]).toEqual({ name: '产出指标', weight: 60, role: 'output', children: ['数量指标', '质量指标', '时效指标'] });
    expect(projectFramework([v2], { frameworkCode: 'mof-2021', frameworkVersion: 1 })).toBe(MOF_2021);
  });

  it('before the list has loaded, the shipped framework; an unknown code, null', () => {
    expect(projectFramework([], { frameworkCode: 'mof-2021', frameworkVersion: 2 })).toBe(MOF_2021);
    expect(projectFramework([], { frameworkCode: 'huzhou-2099' })).toBeNull();
  });
});
