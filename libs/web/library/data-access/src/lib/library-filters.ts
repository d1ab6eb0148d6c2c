import { normaliseLevelName } from '@pt/domain';

/**
 * Pure helpers of the indicator library (指标库): query parameters and the 一级 → 二级 cascade of a
 * framework (GET /api/frameworks). No Angular, testable without a TestBed.
 */

/** The part of a framework the filters need (`FrameworkResponse` of the contracts fits). */
export interface LevelFramework {
  code: string;
  name?: string;
  groups: readonly { name: string; children: readonly string[] }[];
}

/** Filters and paging of GET /api/indicator-library. Empty values are left out of the request. */
export interface LibraryQuery {
  q?: string | null;
  frameworkCode?: string | null;
  level1?: string | null;
  level2?: string | null;
  page?: number | null;
  pageSize?: number | null;
}

export const LIBRARY_PAGE_SIZE = 20;

/** Query parameters for GET /api/indicator-library (trimmed, empty ones dropped). */
export function libraryQueryParams(query: LibraryQuery): Record<string, string> {
  const out: Record<string, string> = {};
  const q = query.q?.trim();
  if (q) out['q'] = q;
  if (query.frameworkCode) out['frameworkCode'] = query.frameworkCode;
  if (query.level1?.trim()) out['level1'] = query.level1.trim();
  if (query.level2?.trim()) out['level2'] = query.level2.trim();
  if (query.page && query.page > 0) out['page'] = String(Math.floor(query.page));
  if (query.pageSize && query.pageSize > 0) out['pageSize'] = String(Math.floor(query.pageSize));
  return out;
}

function same(a: string, b: string): boolean {
  return normaliseLevelName(a) === normaliseLevelName(b);
}

export function findFramework<F extends LevelFramework>(frameworks: readonly F[], code: string | null | undefined): F | null {
  if (!code) return null;
  return frameworks.find((f) => f.code === code) ?? null;
}

/** 一级指标 of a framework, in framework order. */
export function level1Choices(fw: LevelFramework | null | undefined): string[] {
  return fw ? fw.groups.map((g) => g.name) : [];
}

/**
 * 二级指标 to choose from: the children of `level1` when one is chosen, otherwise every 二级 of the
 * framework, grouped by its 一级.
 */
export function level2Choices(fw: LevelFramework | null | undefined, level1: string | null | undefined): { group: string; children: string[] }[] {
  if (!fw) return [];
  const groups = level1 ? fw.groups.filter((g) => same(g.name, level1)) : fw.groups;
  return groups.map((g) => ({ group: g.name, children: [...g.children] }));
}

/** The 一级 a 二级 belongs to in the framework, or null. */
export function groupOfLevel2(fw: LevelFramework | null | undefined, level2: string | null | undefined): string | null {
  if (!fw || !level2) return null;
  return fw.groups.find((g) => g.children.some((c) => same(c, level2)))?.name ?? null;
}

export function isLevel2Of(fw: LevelFramework | null | undefined, level1: string | null | undefined, level2: string | null | undefined): boolean {
  if (!fw || !level1 || !level2) return false;
  const g = fw.groups.find((x) => same(x.name, level1));
  return !!g && g.children.some((c) => same(c, level2));
}

/**
 * The 一级/二级 pair after one of them changed: a 二级 that does not belong to the new 一级 is
 * cleared; a 二级 chosen without a 一级 brings its 一级 along.
 */
export function cascadeLevels(
  fw: LevelFramework | null | undefined,
  level1: string | null | undefined,
  level2: string | null | undefined,
): { level1: string | null; level2: string | null } {
  const l1 = level1 || null;
  const l2 = level2 || null;
  if (!fw) return { level1: l1, level2: l2 };
  if (l1 && fw.groups.every((g) => !same(g.name, l1))) return { level1: null, level2: null };
  if (!l2) return { level1: l1, level2: null };
  if (!l1) {
    const group = groupOfLevel2(fw, l2);
    return group ? { level1: group, level2: l2 } : { level1: null, level2: null };
  }
  return isLevel2Of(fw, l1, l2) ? { level1: l1, level2: l2 } : { level1: l1, level2: null };
}

/** Framework name for a code (the code itself when unknown). */
export function frameworkName(frameworks: readonly LevelFramework[], code: string | null | undefined): string {
  if (!code) return '';
  return frameworks.find((f) => f.code === code)?.name || code;
}

/** The frameworks as the choices of a select: the code chosen, the name shown. */
export function frameworkChoices(frameworks: readonly LevelFramework[]): { value: string; label: string }[] {
  return frameworks.map((f) => ({ value: f.code, label: f.name || f.code }));
}
