import { frameworkProblems, scoringSettingsProblems, TOTAL_GRADES, type ConfigProblem, type FrameworkGroup, type ScoringSettings } from '@pt/domain';
import type { CreateFrameworkVersionDto, CreateScoringSettingsVersionDto, FrameworkVersion, ScoringSettingsVersion } from '@pt/shared/api-types';

/** The edit form of a framework version: weights and 二级 lists as typed (a blank weight: none). */
export interface FrameworkForm {
  name: string;
  region: string;
  note: string;
  groups: { name: string; weight: string; role: FrameworkGroup['role']; children: string }[];
}

/** The edit form of the scoring settings (decimal texts as typed). */
export interface SettingsForm {
  reverseRule: ScoringSettings['reverseRule'];
  farAboveThreshold: string;
  budgetPoints: string;
  indicatorPoints: string;
  bands: string[];
  note: string;
}

/** 二级 names are typed in one line, separated by 、 (or a comma or semicolon). */
const CHILD_SEPARATOR = /[、,，;；]+/;
const WEIGHT = /^\d{1,3}(\.\d{1,2})?$/;

export function frameworkFormFrom(v: FrameworkVersion): FrameworkForm {
  return {
    name: v.name,
    region: v.region,
    note: '',
    groups: v.groups.map((g) => ({ name: g.name, weight: g.weight === null ? '' : String(g.weight), role: g.role, children: g.children.join('、') })),
  };
}

export function settingsFormFrom(v: ScoringSettingsVersion): SettingsForm {
  const s = v.settings;
  return {
    reverseRule: s.reverseRule,
    farAboveThreshold: s.farAboveThreshold,
    budgetPoints: s.budgetPoints,
    indicatorPoints: s.indicatorPoints,
    bands: s.gradeBands.map((b) => b.min),
    note: '',
  };
}

/**
 * The request body of the next framework version and the problems the server would answer (the domain's
 * `frameworkProblems`, plus a weight that is not a number): the screen shows them before sending.
 */
export function frameworkBody(form: FrameworkForm, baseVersion: number): { body: CreateFrameworkVersionDto; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const groups = form.groups.map((g, i) => {
    const w = g.weight.trim();
    if (w !== '' && !WEIGHT.test(w)) problems.push({ field: `groups[${i}].weight`, message: `一级指标“${g.name.trim()}”的权重须为最多两位小数的数字，或留空` });
    const children = g.children
      .split(CHILD_SEPARATOR)
      .map((c) => c.trim())
      .filter((c) => c !== '');
    return { name: g.name.trim(), weight: w === '' || !WEIGHT.test(w) ? null : Number(w), role: g.role, children };
  });
  const body: CreateFrameworkVersionDto = { baseVersion, name: form.name.trim(), region: form.region.trim(), groups, note: form.note.trim() || null };
  // a weight that is not a number is reported once, not again as a wrong total
  const domain = frameworkProblems(body).filter((p) => !(problems.length && p.field === 'groups.weight'));
  return { body, problems: [...problems, ...domain] };
}

export function settingsBody(form: SettingsForm, baseVersion: number): { body: CreateScoringSettingsVersionDto; problems: ConfigProblem[] } {
  const settings: ScoringSettings = {
    reverseRule: form.reverseRule,
    farAboveThreshold: form.farAboveThreshold.trim(),
    budgetPoints: form.budgetPoints.trim(),
    indicatorPoints: form.indicatorPoints.trim(),
    gradeBands: TOTAL_GRADES.map((grade, i) => ({ grade, min: (form.bands[i] ?? '').trim() })),
  };
  return { body: { baseVersion, ...settings, gradeBands: [...settings.gradeBands], note: form.note.trim() || null }, problems: scoringSettingsProblems(settings) };
}

/** The first problem message for `field`, or null. */
export function problemFor(problems: readonly ConfigProblem[], field: string): string | null {
  return problems.find((p) => p.field === field)?.message ?? null;
}
