import { normaliseLevelName } from './frameworks';
import { parseTargetValue } from './target-value';
import type { IndicatorRow } from './types';

/**
 * What changed between two versions of a project (an approved one and its adjustment):
 * header fields, and the indicator rows matched by id, then by 一级/二级/三级 name.
 */
export interface FieldChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

export type RowChangeKind = 'added' | 'removed' | 'changed' | 'unchanged';

export interface RowDiff {
  kind: RowChangeKind;
  /** Positions in the old and new tables (null where the row does not exist). */
  beforeIndex: number | null;
  afterIndex: number | null;
  before: IndicatorRow | null;
  after: IndicatorRow | null;
  /** Fields that differ: level1, level2, name, target, core, weight. */
  fields: (keyof IndicatorRow)[];
}

export type DiffRow = IndicatorRow & { id?: string | null };

const ROW_FIELDS: (keyof IndicatorRow)[] = ['level1', 'level2', 'name', 'target', 'core', 'weight'];

function norm(v: unknown): string {
  if (v === undefined || v === null) return '';
  return String(v).trim();
}

function sameRowField(field: keyof IndicatorRow, a: DiffRow, b: DiffRow): boolean {
  if (field === 'level1' || field === 'level2') return normaliseLevelName(norm(a[field])) === normaliseLevelName(norm(b[field]));
  // a target is the same when it means the same (`>=90%` = `≥90.00(%)`)
  if (field === 'target') return norm(a.target) === norm(b.target) || parseTargetValue(norm(a.target)).text === parseTargetValue(norm(b.target)).text;
  if (field === 'core') return Boolean(a.core) === Boolean(b.core);
  if (field === 'weight') return norm(a.weight) === norm(b.weight) || (a.weight != null && b.weight != null && Number(a.weight) === Number(b.weight));
  return norm(a[field]) === norm(b[field]);
}

function rowKey(r: DiffRow): string {
  return `${normaliseLevelName(norm(r.level1))}|${normaliseLevelName(norm(r.level2))}|${norm(r.name)}`;
}

/** Row-level diff in the order of the new table, removed rows after the row that preceded them. */
export function diffIndicatorRows(before: readonly DiffRow[], after: readonly DiffRow[]): RowDiff[] {
  const matchOfAfter = new Map<number, number>();
  const used = new Set<number>();
  // 1. by id
  after.forEach((a, ai) => {
    if (!a.id) return;
    const bi = before.findIndex((b, k) => !used.has(k) && b.id === a.id);
    if (bi >= 0) {
      matchOfAfter.set(ai, bi);
      used.add(bi);
    }
  });
  // 2. by 一级/二级/三级 name, then by name alone
  for (const key of [rowKey, (r: DiffRow) => norm(r.name)]) {
    after.forEach((a, ai) => {
      if (matchOfAfter.has(ai) || norm(a.name) === '') return;
      const bi = before.findIndex((b, k) => !used.has(k) && key(b) === key(a));
      if (bi >= 0) {
        matchOfAfter.set(ai, bi);
        used.add(bi);
      }
    });
  }
  const strip = (r: DiffRow): IndicatorRow => ({ level1: r.level1, level2: r.level2, name: r.name, target: r.target, core: r.core ?? false, weight: r.weight ?? null });
  const out: RowDiff[] = [];
  const removedAfter = (bi: number) => {
    // emit removed rows that follow `bi` in the old table until the next matched one
    for (let k = bi + 1; k < before.length && !used.has(k); k++) {
      out.push({ kind: 'removed', beforeIndex: k, afterIndex: null, before: strip(before[k]), after: null, fields: [] });
      used.add(k);
    }
  };
  removedAfter(-1);
  after.forEach((a, ai) => {
    const bi = matchOfAfter.get(ai);
    if (bi === undefined) {
      out.push({ kind: 'added', beforeIndex: null, afterIndex: ai, before: null, after: strip(a), fields: [] });
      return;
    }
    const b = before[bi];
    const fields = ROW_FIELDS.filter((f) => !sameRowField(f, b, a));
    out.push({ kind: fields.length ? 'changed' : 'unchanged', beforeIndex: bi, afterIndex: ai, before: strip(b), after: strip(a), fields });
    removedAfter(bi);
  });
  before.forEach((b, bi) => {
    if (!used.has(bi)) out.push({ kind: 'removed', beforeIndex: bi, afterIndex: null, before: strip(b), after: null, fields: [] });
  });
  return out;
}

/** Header field changes, in the order of `labels`. Values compare as trimmed text. */
export function diffFields(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
  labels: Readonly<Record<string, string>>,
): FieldChange[] {
  const out: FieldChange[] = [];
  for (const [field, label] of Object.entries(labels)) {
    const b = before[field] === undefined || before[field] === null || norm(before[field]) === '' ? null : norm(before[field]);
    const a = after[field] === undefined || after[field] === null || norm(after[field]) === '' ? null : norm(after[field]);
    if (b !== a) out.push({ field, label, before: b, after: a });
  }
  return out;
}

/**
 * How alike two project names are, in [0, 1]: Dice coefficient of character bigrams after removing
 * punctuation, brackets and common suffixes (经费, 项目, 专项). `合作交流工作业务费` vs `合作交流专项工作经费` ≈ 0.6.
 */
export function nameSimilarity(a: string, b: string): number {
  const clean = (s: string) =>
    s
      .replace(/[\s()（）【】[\]“”"'、，,.。·\-—_]/g, '')
      .replace(/(项目|经费|专项|费用|资金)+$/, '');
  const x = clean(a);
  const y = clean(b);
  if (x === '' || y === '') return 0;
  if (x === y) return 1;
  const grams = (s: string) => {
    const m = new Map<string, number>();
    if (s.length === 1) m.set(s, 1);
    for (let i = 0; i < s.length - 1; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const gx = grams(x);
  const gy = grams(y);
  let common = 0;
  let nx = 0;
  let ny = 0;
  for (const v of gx.values()) nx += v;
  for (const v of gy.values()) ny += v;
  for (const [g, v] of gx) common += Math.min(v, gy.get(g) ?? 0);
  return (2 * common) / (nx + ny);
}
