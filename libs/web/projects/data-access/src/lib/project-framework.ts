import { getFramework, type Framework } from '@pt/domain';
import type { FrameworkResponse, Project } from '@pt/shared/api-types';

/**
 * The framework version a project was declared under, as the server checks and scores it (issue 12): the
 * current version from GET /api/frameworks when the project has that one, the shipped framework for version 1
 * (what the stored version 1 holds). A project of an older edited version falls back to the current version.
 */
export function projectFramework(frameworks: readonly FrameworkResponse[], p: Pick<Project, 'frameworkCode'> & Partial<Pick<Project, 'frameworkVersion'>>): Framework | null {
  const current = frameworks.find((f) => f.code === p.frameworkCode);
  const toFramework = (f: FrameworkResponse): Framework => ({ code: f.code, name: f.name, groups: f.groups.map((g) => ({ ...g, children: [...g.children] })) });
  if (current && (p.frameworkVersion === undefined || current.version === p.frameworkVersion)) return toFramework(current);
  if (p.frameworkVersion === 1 || !current) return getFramework(p.frameworkCode) ?? (current ? toFramework(current) : null);
  return toFramework(current);
}
