import { DEFAULT_SCORING_SETTINGS, MOF_2021 } from '@pt/domain';
import type { CreateFrameworkVersionDto, CreateScoringSettingsVersionDto } from '@pt/shared/contracts';
import { frameworkFromDto, sameFramework, sameSettings, settingsFromDto } from './framework-input';

describe('framework input', () => {
  const dto: CreateFrameworkVersionDto = {
    baseVersion: 1,
    name: ` ${MOF_2021.name} `,
    region: ' 全国 ',
    groups: MOF_2021.groups.map((g) => ({ ...g, name: g.name === '产出指标' ? '产出 指标' : g.name, weight: g.role === 'cost' ? (undefined as unknown as null) : g.weight })),
  };

  it('stores 一级/二级 names as the checks compare them and a missing weight as none', () => {
    const f = frameworkFromDto(dto);
    expect(f.name).toBe(MOF_2021.name);
    expect(f.region).toBe('全国');
    expect(f.groups[1].name).toBe('产出指标');
    expect(f.groups[0].weight).toBeNull();
  });

  it('an edit equal to the base version is no change; another weight is', () => {
    const base = { name: MOF_2021.name, region: '全国', groups: MOF_2021.groups };
    expect(sameFramework(base, frameworkFromDto(dto))).toBe(true);
    expect(sameFramework(base, frameworkFromDto({ ...dto, groups: dto.groups.map((g) => (g.weight === 50 ? { ...g, weight: 40 } : g)) }))).toBe(false);
  });

  it('settings: trimmed, compared field by field', () => {
    const s: CreateScoringSettingsVersionDto = { baseVersion: 1, ...DEFAULT_SCORING_SETTINGS, farAboveThreshold: ' 0.20 ', gradeBands: DEFAULT_SCORING_SETTINGS.gradeBands.map((b) => ({ ...b })) };
    expect(sameSettings(settingsFromDto(s), DEFAULT_SCORING_SETTINGS)).toBe(true);
    expect(sameSettings(settingsFromDto({ ...s, reverseRule: 'ratio' }), DEFAULT_SCORING_SETTINGS)).toBe(false);
  });
});
