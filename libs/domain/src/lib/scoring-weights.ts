/**
 * Settings as the scoring uses them, and the 分值 of every row (domain README §8; decisions 1–5 in scoring.ts):
 * framework groups as weight pools, their weights placed as whole cents, split equally among their rows.
 */
import { Dec, DecimalError, isDecimalString } from './decimal';
import { normaliseLevelName } from './frameworks';
import { DEFAULT_SCORING_SETTINGS, type EvaluationProblem, type ScoringSettings } from './scoring-model';
import type { Framework, FrameworkGroup, TargetValue } from './types';

// ---------------------------------------------------------------------------------------------
// Settings

export interface ResolvedSettings {
  reverseRule: 'linear' | 'ratio';
  farAbove: Dec;
  budgetPoints: Dec;
  indicatorPoints: Dec;
  gradeBands: ScoringSettings['gradeBands'];
}

/** Framework group weights are expressed out of this many points. */
const FRAMEWORK_WEIGHT_BASE = Dec.fromInt(90);
export const HUNDRED = Dec.fromInt(100);

export function resolveSettings(s: Partial<ScoringSettings> | undefined): ResolvedSettings {
  const m = { ...DEFAULT_SCORING_SETTINGS, ...(s ?? {}) };
  if (m.reverseRule !== 'linear' && m.reverseRule !== 'ratio') {
    throw new DecimalError('INVALID_DECIMAL', `invalid reverseRule ${String(m.reverseRule)}`);
  }
  const nonNeg = (v: string, name: string, maxScale?: number): Dec => {
    if (!isDecimalString(v, maxScale)) throw new DecimalError('INVALID_DECIMAL', `invalid setting ${name}: ${v}`);
    const d = Dec.of(v);
    if (d.isNegative()) throw new DecimalError('INVALID_DECIMAL', `negative setting ${name}: ${v}`);
    return d;
  };
  return {
    reverseRule: m.reverseRule,
    farAbove: nonNeg(m.farAboveThreshold, 'farAboveThreshold'),
    budgetPoints: nonNeg(m.budgetPoints, 'budgetPoints', 2),
    indicatorPoints: nonNeg(m.indicatorPoints, 'indicatorPoints', 2),
    gradeBands: m.gradeBands.map((b, i) => ({ grade: b.grade, min: nonNeg(b.min, `gradeBands[${i}].min`, 2).toString() })),
  };
}

// ---------------------------------------------------------------------------------------------
// Weights

interface WeightRowLike {
  level1: string;
  name: string;
  target: TargetValue | string;
}

interface Pool {
  /** Pool name (the weighted group, or the group itself). */
  name: string;
  /** Label for messages, e.g. 产出指标（含成本指标）. */
  label: string;
  members: FrameworkGroup[];
  official: Dec | null;
  rows: number[];
  /** Weight in cents (after redistribution and cent placement). */
  cents: bigint;
}

interface WeightPlan {
  pools: Pool[];
  /** Pool index per row, -1 for placeholders, -2 for rows whose 一级 is unknown. */
  poolOf: number[];
  /** Framework group name per row (null for placeholders / unknown). */
  groupOf: (string | null)[];
  /** Default split in cents per row (0 for placeholders / unknown). */
  defaultCents: bigint[];
  problems: EvaluationProblem[];
}

function isPlaceholder(row: WeightRowLike): boolean {
  const t = row.target;
  const emptyTarget = typeof t === 'string' ? t.trim() === '' : t.kind === 'empty' || (t.raw ?? '').trim() === '';
  return emptyTarget && (row.name ?? '').trim() === '';
}

/** Strip a trailing 指标/目标 for lenient matching ("产出" ~ "产出指标"). */
function levelStem(name: string): string {
  return normaliseLevelName(name).replace(/(指标|目标)$/, '');
}

function matchGroup(framework: Framework, level1: string): FrameworkGroup | undefined {
  const n = normaliseLevelName(level1 ?? '');
  if (n === '') return undefined;
  return (
    framework.groups.find((g) => normaliseLevelName(g.name) === n) ??
    framework.groups.find((g) => levelStem(g.name) === levelStem(n))
  );
}

function weightToDec(w: number): Dec {
  const d = Dec.parse(String(w));
  if (!d) throw new DecimalError('INVALID_DECIMAL', `invalid framework weight ${w}`);
  return d;
}

const CENTS = Dec.fromInt(100);

export function toCents(d: Dec): bigint {
  // d must have at most two decimals
  const c = d.mul(CENTS);
  return c.num / c.den;
}

export function centsToString(c: bigint): string {
  return Dec.fraction(c, 100n).toFixed(2);
}

/**
 * Place exact shares as whole cents adding up to the rounded total (largest remainder, ties in order).
 */
function placeCents(shares: Dec[]): bigint[] {
  if (shares.length === 0) return [];
  const total = toCents(Dec.sum(shares).roundHalfUp(2));
  const floors = shares.map((s) => {
    const c = s.mul(CENTS);
    // floor for non-negative values
    return c.num / c.den;
  });
  let left = total - floors.reduce((a, b) => a + b, 0n);
  const rema = shares.map((s, i) => ({ i, r: s.mul(CENTS).sub(Dec.fromInt(floors[i])) }));
  rema.sort((a, b) => {
    const c = b.r.cmp(a.r);
    return c !== 0 ? c : a.i - b.i;
  });
  const out = [...floors];
  for (let k = 0; left > 0n && k < rema.length; k++, left--) out[rema[k].i] += 1n;
  return out;
}

/** Split `cents` equally over n rows; the left-over cents go to the first rows. */
function splitEqually(cents: bigint, n: number): bigint[] {
  if (n === 0) return [];
  const N = BigInt(n);
  const base = cents / N;
  const extra = Number(cents % N); // < n, a small integer
  return Array.from({ length: n }, (_, i) => base + (i < extra ? 1n : 0n));
}

export function planWeights(framework: Framework, rows: readonly WeightRowLike[], settings: ResolvedSettings): WeightPlan {
  const problems: EvaluationProblem[] = [];
  // Build pools.
  const pools: Pool[] = [];
  const poolOfGroup = new Map<FrameworkGroup, number>();
  const firstOutput = framework.groups.find((g) => g.role === 'output');
  const ordered = [...framework.groups].sort((a, b) => {
    // Create the output group's pool before a cost group that shares it.
    const ka = a.role === 'cost' && a.weight === null && firstOutput ? 1 : 0;
    const kb = b.role === 'cost' && b.weight === null && firstOutput ? 1 : 0;
    return ka - kb;
  });
  for (const g of ordered) {
    if (g.role === 'cost' && g.weight === null && firstOutput && poolOfGroup.has(firstOutput)) {
      const p = poolOfGroup.get(firstOutput)!;
      pools[p].members.push(g);
      poolOfGroup.set(g, p);
      continue;
    }
    pools.push({
      name: g.name,
      label: g.name,
      members: [g],
      official: g.weight === null ? null : weightToDec(g.weight),
      rows: [],
      cents: 0n,
    });
    poolOfGroup.set(g, pools.length - 1);
  }

  // Assign rows.
  const poolOf: number[] = [];
  const groupOf: (string | null)[] = [];
  const used = new Set<FrameworkGroup>();
  rows.forEach((row, i) => {
    if (isPlaceholder(row)) {
      poolOf.push(-1);
      groupOf.push(null);
      return;
    }
    const g = matchGroup(framework, row.level1);
    if (!g) {
      poolOf.push(-2);
      groupOf.push(null);
      problems.push({
        index: i,
        field: 'level1',
        code: 'UNKNOWN_GROUP',
        message: `一级指标“${row.level1}”不属于指标体系“${framework.name}”，该行不计分值`,
        severity: 'warning',
      });
      return;
    }
    const p = poolOfGroup.get(g)!;
    pools[p].rows.push(i);
    poolOf.push(p);
    groupOf.push(g.name);
    used.add(g);
  });
  // Name a sharing group in messages only when it has rows: "产出指标（含成本指标）".
  for (const p of pools) {
    const sharing = p.members.slice(1).filter((m) => used.has(m));
    if (sharing.length > 0) p.label = `${p.name}（含${sharing.map((m) => m.name).join('、')}）`;
  }

  // Nominal pool weights.
  const scale = settings.indicatorPoints.div(FRAMEWORK_WEIGHT_BASE);
  const nominal: (Dec | null)[] = pools.map((p) => (p.official ? p.official.mul(scale) : null));
  const weightedSum = Dec.sum(nominal.filter((n): n is Dec => n !== null));
  const remainder = Dec.max(settings.indicatorPoints.sub(weightedSum), Dec.ZERO);
  const unweightedWithRows = pools.filter((p, k) => nominal[k] === null && p.rows.length > 0).length;
  const exact: Dec[] = pools.map((p, k) => {
    if (p.rows.length === 0) return Dec.ZERO;
    const n = nominal[k];
    if (n !== null) return n;
    return remainder.div(Dec.fromInt(unweightedWithRows));
  });
  const placed = Dec.sum(exact);
  const withRows = pools.filter((p) => p.rows.length > 0);
  if (withRows.length > 0) {
    let final: Dec[];
    if (placed.isZero()) {
      // Nothing placeable (e.g. only zero-weight groups have rows): split equally among them.
      const each = settings.indicatorPoints.div(Dec.fromInt(withRows.length));
      final = pools.map((p) => (p.rows.length > 0 ? each : Dec.ZERO));
    } else if (!placed.eq(settings.indicatorPoints)) {
      // Redistribute the weight of empty groups proportionally (decision 3).
      const factor = settings.indicatorPoints.div(placed);
      final = exact.map((e) => e.mul(factor));
    } else {
      final = exact;
    }
    pools.forEach((p, k) => {
      if (p.rows.length === 0 && nominal[k] !== null && nominal[k]!.isPositive()) {
        problems.push({
          index: null,
          field: 'weight',
          code: 'GROUP_WEIGHT_REDISTRIBUTED',
          message: `“${p.label}”没有三级指标，其权重 ${nominal[k]!.toFixed(2)} 分已按比例分配给其他一级指标`,
          severity: 'warning',
          group: p.label,
        });
      }
    });
    const cents = placeCents(final);
    pools.forEach((p, k) => (p.cents = cents[k]));
  } else {
    problems.push({
      index: null,
      field: 'rows',
      code: 'NO_INDICATORS',
      message: '没有可评分的三级指标',
      severity: 'error',
    });
  }

  const defaultCents: bigint[] = rows.map(() => 0n);
  for (const p of pools) {
    const split = splitEqually(p.cents, p.rows.length);
    p.rows.forEach((r, j) => (defaultCents[r] = split[j]));
  }
  return { pools, poolOf, groupOf, defaultCents, problems };
}

/**
 * Default 分值 per row (two-decimal strings, "0.00" for placeholder rows and rows outside the
 * framework), as the evaluation would use them without explicit weights. Accepts raw target text
 * or a parsed TargetValue.
 */
export function defaultWeights(
  framework: Framework,
  rows: ReadonlyArray<{ level1: string; name: string; target: TargetValue | string }>,
  settings?: Partial<ScoringSettings>,
): string[] {
  const plan = planWeights(framework, rows, resolveSettings(settings));
  return plan.defaultCents.map(centsToString);
}
