import { normaliseLevelName, type FrameworkGroup, type ScoringSettings } from '@pt/domain';
import type { CreateFrameworkVersionDto, CreateScoringSettingsVersionDto, FrameworkVersion, ScoringSettingsVersion } from '@pt/shared/contracts';

/** An edited framework as it will be stored: 一级/二级 names as the checks compare them, a missing weight is none. */
export function frameworkFromDto(dto: CreateFrameworkVersionDto): Pick<FrameworkVersion, 'name' | 'region' | 'groups'> {
  return {
    name: dto.name.trim(),
    region: dto.region.trim(),
    groups: dto.groups.map(
      (g): FrameworkGroup => ({
        name: normaliseLevelName(g.name),
        weight: g.weight ?? null,
        role: g.role,
        children: g.children.map(normaliseLevelName),
      }),
    ),
  };
}

/** Edited settings as they will be stored (decimal strings trimmed, bands in the order sent). */
export function settingsFromDto(dto: CreateScoringSettingsVersionDto): ScoringSettings {
  return {
    reverseRule: dto.reverseRule,
    farAboveThreshold: dto.farAboveThreshold.trim(),
    budgetPoints: dto.budgetPoints.trim(),
    indicatorPoints: dto.indicatorPoints.trim(),
    gradeBands: dto.gradeBands.map((b) => ({ grade: b.grade, min: b.min.trim() })),
  };
}

/** Whether an edit changes nothing of the version it started from (saving it would only add a copy). */
export function sameFramework(a: Pick<FrameworkVersion, 'name' | 'region' | 'groups'>, b: Pick<FrameworkVersion, 'name' | 'region' | 'groups'>): boolean {
  const key = (f: typeof a) => JSON.stringify([f.name, f.region, f.groups.map((g) => [g.name, g.weight, g.role, g.children])]);
  return key(a) === key(b);
}

export function sameSettings(a: ScoringSettings, b: ScoringSettingsVersion['settings']): boolean {
  const key = (s: ScoringSettings) => JSON.stringify([s.reverseRule, s.farAboveThreshold, s.budgetPoints, s.indicatorPoints, s.gradeBands.map((g) => [g.grade, g.min])]);
  return key(a) === key(b);
}
