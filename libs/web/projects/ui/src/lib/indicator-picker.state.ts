import { normaliseLevelName, normaliseTargetChars } from '@pt/domain';
import type { IndicatorMeta } from '@pt/domain';
import { metaOf } from './indicator-rows';

/**
 * Selection state of the indicator picker (`pt-indicator-picker`) as pure functions: candidates
 * from the library or from similar projects, which of them are already in the table, what is
 * checked, and the rows to append. No Angular, testable without a TestBed.
 */

/** A row to append to the indicator table (with the library entry's 指标解释 … 数据来源, when it has them). */
export interface PickRow extends IndicatorMeta {
  level1: string;
  level2: string;
  name: string;
  target: string;
}

/** What the library tab asks for (the container runs GET /api/indicator-library with it). */
export interface PickerSearch {
  q: string;
  level1: string | null;
  level2: string | null;
  /** 1-based. */
  page: number;
  pageSize: number;
}

/** A row the user may tick. `existing`: its 三级 name is already in the table (cannot be picked again). */
export interface PickCandidate {
  key: string;
  row: PickRow;
  existing: boolean;
  /** Library rows: where the indicator comes from and how often it is used. */
  source?: string | null;
  usageCount?: number;
}

export interface PickCheckState {
  /** Every pickable candidate is ticked (and there is at least one). */
  all: boolean;
  /** Some, not all, are ticked. */
  some: boolean;
  /** Ticked pickable candidates. */
  count: number;
  /** Candidates that may be ticked. */
  pickable: number;
}

/** A 三级 name as compared for duplicates: width-normalised, no white space (as the table checks do). */
export function pickNameKey(name: string | null | undefined): string {
  return normaliseTargetChars(name ?? '').replace(/\s+/g, '');
}

export function existingNameSet(names: readonly (string | null | undefined)[]): Set<string> {
  const out = new Set<string>();
  for (const n of names) {
    const k = pickNameKey(n);
    if (k) out.add(k);
  }
  return out;
}

/** Candidates of the library tab. */
export function libraryCandidates(
  items: readonly ({ id: string; level1: string; level2: string; name: string; target: string | null; source?: string | null; usageCount?: number } & IndicatorMeta)[],
  existing: ReadonlySet<string>,
): PickCandidate[] {
  return items.map((i) => ({
    key: `lib:${i.id}`,
    row: { level1: i.level1, level2: i.level2, name: i.name, target: i.target ?? '', ...metaOf(i) },
    existing: existing.has(pickNameKey(i.name)),
    source: i.source ?? null,
    usageCount: i.usageCount,
  }));
}

/** Candidates of one similar project (rows keyed by project and position: names may repeat across projects). */
export function similarCandidates(
  project: { id: string; indicators: readonly { level1: string; level2: string; name: string; target: string | null }[] },
  existing: ReadonlySet<string>,
): PickCandidate[] {
  return project.indicators
    .filter((r) => pickNameKey(r.name) !== '')
    .map((r, i) => ({
      key: `sim:${project.id}:${i}`,
      row: { level1: r.level1, level2: r.level2, name: r.name, target: r.target ?? '' },
      existing: existing.has(pickNameKey(r.name)),
    }));
}

export function togglePick(selected: ReadonlySet<string>, key: string, on: boolean): Set<string> {
  const next = new Set(selected);
  if (on) next.add(key);
  else next.delete(key);
  return next;
}

/** Tick or untick every pickable candidate of a list (other keys stay as they are). */
export function setAllPicks(selected: ReadonlySet<string>, candidates: readonly PickCandidate[], on: boolean): Set<string> {
  const next = new Set(selected);
  for (const c of candidates) {
    if (c.existing) continue;
    if (on) next.add(c.key);
    else next.delete(c.key);
  }
  return next;
}

export function pickCheckState(selected: ReadonlySet<string>, candidates: readonly PickCandidate[]): PickCheckState {
  const pickable = candidates.filter((c) => !c.existing);
  const count = pickable.filter((c) => selected.has(c.key)).length;
  return { all: pickable.length > 0 && count === pickable.length, some: count > 0 && count < pickable.length, count, pickable: pickable.length };
}

/**
 * The rows to append: ticked, pickable candidates in list order, each 三级 name once (the first
 * occurrence wins), trimmed.
 */
export function pickedRows(candidates: readonly PickCandidate[], selected: ReadonlySet<string>): PickRow[] {
  const seen = new Set<string>();
  const out: PickRow[] = [];
  for (const c of candidates) {
    if (c.existing || !selected.has(c.key)) continue;
    const k = pickNameKey(c.row.name);
    if (!k || seen.has(k)) continue;
    seen.add(k);
    out.push({ level1: c.row.level1.trim(), level2: c.row.level2.trim(), name: c.row.name.trim(), target: c.row.target.trim() });
  }
  return out;
}

/** Every pickable row of a list (「全部加入」), each name once. */
export function allPickable(candidates: readonly PickCandidate[]): PickRow[] {
  return pickedRows(candidates, new Set(candidates.map((c) => c.key)));
}

/** Drop ticks of candidates that are gone or became `existing` (e.g. after the rows were appended). */
export function prunePicks(selected: ReadonlySet<string>, candidates: readonly PickCandidate[]): Set<string> {
  const pickable = new Set(candidates.filter((c) => !c.existing).map((c) => c.key));
  return new Set([...selected].filter((k) => pickable.has(k)));
}

/** `0.83` → `83%`. */
export function similarityLabel(similarity: number | null | undefined): string {
  if (similarity === null || similarity === undefined || !Number.isFinite(similarity)) return '';
  return `${Math.round(Math.max(0, Math.min(1, similarity)) * 100)}%`;
}

/** True when the library tab has no filter (it then shows the suggestions instead of search results). */
export function isEmptySearch(s: Pick<PickerSearch, 'q' | 'level1' | 'level2'>): boolean {
  return !s.q.trim() && !s.level1 && !s.level2;
}

/** The part of a framework the picker's 一级/二级 filters need (`TableFramework` fits). */
export interface PickerFramework {
  code: string;
  name?: string;
  groups: readonly { name: string; children: readonly string[] }[];
}

function sameLevel(a: string, b: string): boolean {
  return normaliseLevelName(a) === normaliseLevelName(b);
}

/** 二级 options of the filter: the children of the chosen 一级, or every 二级 when none is chosen. */
export function pickerLevel2Options(fw: PickerFramework | null | undefined, level1: string | null): string[] {
  if (!fw) return [];
  const groups = level1 ? fw.groups.filter((g) => sameLevel(g.name, level1)) : fw.groups;
  return groups.flatMap((g) => [...g.children]);
}

/** The filter's 一级/二级 after a change: a foreign 二级 is cleared, a 二级 alone brings its 一级. */
export function cascadePickerFilter(
  fw: PickerFramework | null | undefined,
  level1: string | null,
  level2: string | null,
): { level1: string | null; level2: string | null } {
  const l1 = level1 || null;
  const l2 = level2 || null;
  if (!fw || !l2) return { level1: l1, level2: l2 };
  if (!l1) {
    const g = fw.groups.find((x) => x.children.some((c) => sameLevel(c, l2)));
    return { level1: g ? g.name : null, level2: l2 };
  }
  const g = fw.groups.find((x) => sameLevel(x.name, l1));
  return { level1: l1, level2: g && g.children.some((c) => sameLevel(c, l2)) ? l2 : null };
}
