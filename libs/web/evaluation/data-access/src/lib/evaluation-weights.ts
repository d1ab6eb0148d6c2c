import { Dec } from '@pt/domain';
import type { EvaluationProblem, ScoringSettings } from '@pt/domain';
import { scoreEvaluationForm } from './evaluation-form';
import type { EvaluationForm, FrameworkOrCode } from './evaluation-form';
import { cleanNumber, POINTS_PATTERN } from './numbers';

/**
 * 自定义分值 (domain README §8): inside a group the weight is split equally among its 三级 rows unless
 * the evaluator sets each 分值 — then they must add up to the group's weight (and all to 90). The
 * figures here come from the domain's `scoreEvaluation` (the equal split it would use), so the page
 * and the server agree; whether typed 分值 are accepted is the domain's `problems` (field 'weight').
 */

/**
 * Switch 自定义分值 on or off. On: every row of a weight group gets the 分值 it is scored with now
 * (the equal split), to be edited; rows outside the groups (empty placeholder rows, an unknown 一级)
 * get none. Off: the 分值 are cleared, so null is sent and the equal split applies. Unchanged when
 * the framework is unknown (nothing to prefill) or the form already is in that mode.
 */
export function withCustomWeights(
  form: EvaluationForm,
  on: boolean,
  frameworkCode: FrameworkOrCode,
  settings?: Partial<ScoringSettings>,
): EvaluationForm {
  if (!on) return { ...form, customWeights: false, rows: form.rows.map((r) => ({ ...r, weight: '' })) };
  if (form.customWeights) return form;
  const split = scoreEvaluationForm({ ...form, customWeights: false }, frameworkCode, settings);
  if (!split) return form;
  return {
    ...form,
    customWeights: true,
    rows: form.rows.map((r, i) => ({ ...r, weight: split.items[i]?.group ? split.items[i].weight : '' })),
  };
}

/** The typed 分值 of one weight group against what they must add up to. */
export interface WeightGroupTotal {
  /** As the domain names the group in its problems: 产出指标, or 产出指标（含成本指标） when a 成本 row shares its weight. */
  label: string;
  /** Row indexes of the group. */
  rows: number[];
  /** Sum of the valid 分值 typed in the group, two decimals. */
  entered: string;
  /** The group's weight (what the domain splits equally), two decimals. */
  expected: string;
  /** Every row of the group has a valid 分值 (a number ≥ 0 with at most two decimals). */
  complete: boolean;
  /** Complete and adding up: the domain scores the group with the typed 分值 (else with the equal split). */
  ok: boolean;
}

export interface WeightTotals {
  groups: WeightGroupTotal[];
  /** Per row: the index in `groups`, or null for rows that carry no weight. */
  groupOfRow: (number | null)[];
  /** Sum of all valid typed 分值, and what it must be (the indicator points, 90.00). */
  entered: string;
  expected: string;
  ok: boolean;
}

/** A typed 分值 as a decimal, or null when empty or not a valid 分值. */
function typedWeight(text: string): Dec | null {
  const s = cleanNumber(text);
  return POINTS_PATTERN.test(s) ? Dec.of(s) : null;
}

/**
 * The live totals of the typed 分值 per group (null when the framework is unknown): for the page's
 * 合计 48.00 / 50.00 while 自定义分值 is on.
 */
export function weightTotals(form: EvaluationForm, frameworkCode: FrameworkOrCode, settings?: Partial<ScoringSettings>): WeightTotals | null {
  const split = scoreEvaluationForm({ ...form, customWeights: false }, frameworkCode, settings);
  if (!split) return null;
  const groupOfRow: (number | null)[] = form.rows.map(() => null);
  const groups = split.groups.map((g, k): WeightGroupTotal => {
    const rows = split.items.filter((it) => it.group !== null && g.members.includes(it.group)).map((it) => it.index);
    for (const i of rows) groupOfRow[i] = k;
    const used = new Set(rows.map((i) => split.items[i].group));
    const sharing = g.members.filter((m) => m !== g.name && used.has(m));
    const typed = rows.map((i) => typedWeight(form.rows[i]?.weight ?? ''));
    const valid = typed.filter((d): d is Dec => d !== null);
    const entered = Dec.sum(valid);
    const complete = valid.length === rows.length;
    return {
      label: sharing.length > 0 ? `${g.name}（含${sharing.join('、')}）` : g.name,
      rows,
      entered: entered.toFixed(2),
      expected: g.weight,
      complete,
      ok: complete && entered.eq(Dec.of(g.weight)),
    };
  });
  const entered = Dec.sum(groups.map((g) => Dec.of(g.entered))).toFixed(2);
  const expected = Dec.sum(groups.map((g) => Dec.of(g.expected))).toFixed(2);
  return { groups, groupOfRow, entered, expected, ok: groups.every((g) => g.ok) };
}

/** The domain's problems about 分值 (incomplete, not adding up, not a number; a group without rows). */
export function isWeightProblem(p: Pick<EvaluationProblem, 'field'>): boolean {
  return p.field === 'weight';
}
