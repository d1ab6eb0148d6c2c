import { MOF_2021 } from '@pt/domain';
import type { FrameworkVersion, ScoringSettingsVersion } from '@pt/shared/api-types';

/** A saved version of the 财政部 2021 framework and of the scoring settings, for the specs of the form and the page. */
const stamp = { createdAt: '2026-12-06T00:00:00.000Z', createdBy: null, note: null };
export const MOF_VERSION: FrameworkVersion = { code: 'mof-2021', version: 1, name: MOF_2021.name, region: '全国', groups: MOF_2021.groups, ...stamp };
export const SETTINGS_VERSION: ScoringSettingsVersion = {
  version: 3,
  settings: { reverseRule: 'linear', farAboveThreshold: '0.20', budgetPoints: '10', indicatorPoints: '90', gradeBands: [{ grade: '优', min: '90' }, { grade: '良', min: '80' }, { grade: '中', min: '60' }, { grade: '差', min: '0' }] },
  ...stamp,
};
