import {
  budgetLight,
  DEVIATION_REASONS,
  FUNDS_COLUMN_LABELS,
  hasNumericProgress,
  indicatorLight,
  LIKELIHOODS,
  MONITORING_FIELD_LABELS as M,
  monitoringCurrentProblem,
  projectLight,
} from '@pt/domain';
import type { BudgetLightResult, DeviationReason, Likelihood, LightReason, LightResult, MonitoringLight } from '@pt/domain';
import type { ApiErrorDetail, Monitoring, PutMonitoringDto } from '@pt/shared/api-types';
import { indicatorRowHead, type IndicatorRowHead } from './indicator-row';
import { MONEY_PATTERN, orNull } from './numbers';

/**
 * The monitoring page's form state (运行监控, domain §7) and its pure functions: the live lights
 * (the domain's `indicatorLight` / `budgetLight` / `projectLight`, as on the server), the PUT body
 * and the checks of the DTO (reasons and measures when the likelihood is not 确定能).
 */

export const LIKELIHOOD_CHOICES: readonly Likelihood[] = LIKELIHOODS;
export const DEVIATION_REASON_CHOICES: readonly DeviationReason[] = DEVIATION_REASONS;
export const MONTHS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

export interface MonitoringFormRow extends IndicatorRowHead {
  current: string;
  expected: string;
  likelihood: Likelihood | null;
  reasons: DeviationReason[];
  measures: string;
}

export interface MonitoringForm {
  month: number;
  budget: { annualBudget: string; executed: string; expectedExecuted: string };
  rows: MonitoringFormRow[];
}

export interface MonitoringLights {
  rows: LightResult[];
  budget: BudgetLightResult;
  /** The project's light: its worst row or budget light. */
  project: MonitoringLight;
}

/**
 * The month a report is opened on: the one loaded, else for the current budget year the month
 * before this one (January: 1), else 7 (monitoring is on January–July data, domain §7).
 */
export function defaultMonitoringMonth(loaded: number | null | undefined, year: number | null | undefined, today: Date = new Date()): number {
  if (loaded && loaded >= 1 && loaded <= 12) return loaded;
  if (year === today.getFullYear()) return Math.max(1, today.getMonth());
  return 7;
}

/** The form of a loaded report for `month`; `defaults.annualBudget` fills 年初预算数 when none was saved. */
export function monitoringFormFrom(
  m: Pick<Monitoring, 'budget' | 'items'>,
  month: number,
  defaults: { annualBudget?: string | null } = {},
): MonitoringForm {
  return {
    month,
    budget: {
      annualBudget: m.budget.annualBudget ?? defaults.annualBudget ?? '',
      executed: m.budget.executed ?? '',
      expectedExecuted: m.budget.expectedExecuted ?? '',
    },
    rows: m.items.map((it) => ({
      ...indicatorRowHead(it),
      current: it.current ?? '',
      expected: it.expected ?? '',
      likelihood: it.likelihood ?? null,
      reasons: [...(it.reasons ?? [])],
      measures: it.measures ?? '',
    })),
  };
}

function text(s: string | null | undefined): string | null {
  const t = (s ?? '').trim();
  return t === '' ? null : t;
}

/** PUT /api/projects/:id/monitoring. */
export function monitoringBody(form: MonitoringForm): PutMonitoringDto {
  return {
    month: form.month,
    budget: {
      annualBudget: orNull(form.budget.annualBudget),
      executed: orNull(form.budget.executed),
      expectedExecuted: orNull(form.budget.expectedExecuted),
    },
    items: form.rows.map((r) => ({
      indicatorId: r.indicatorId,
      // a number (cleaned: `９０` → 90) where the light is computed from it, else the text as written
      current: hasNumericProgress(r.target) ? orNull(r.current) : text(r.current),
      expected: text(r.expected),
      likelihood: r.likelihood,
      reasons: [...r.reasons],
      measures: text(r.measures),
    })),
  };
}

export function monitoringSignature(form: MonitoringForm): string {
  return JSON.stringify(monitoringBody(form));
}

/** The live lights of the form: each row, the budget and the project (worst of all). */
export function monitoringLights(form: MonitoringForm): MonitoringLights {
  const body = monitoringBody(form);
  const rows = form.rows.map((r, i) =>
    indicatorLight({ target: r.target, current: body.items[i].current ?? null, month: form.month, likelihood: r.likelihood }),
  );
  const budget = budgetLight({ annualBudget: body.budget.annualBudget ?? null, executed: body.budget.executed ?? null, month: form.month });
  return { rows, budget, project: projectLight([...rows.map((r) => r.light), budget.light]) };
}

/** Whether a row needs 偏差原因 and 纠偏措施: a likelihood other than 确定能 was chosen. */
export function needsReasons(row: Pick<MonitoringFormRow, 'likelihood'>): boolean {
  return row.likelihood !== null && row.likelihood !== '确定能';
}

/**
 * The checks of the DTO with the server's field names (`budget.executed`, `items[2].reasons`):
 * amounts, current values (a number for a quantitative row, a text of up to 200 characters for the
 * others), and reasons + measures where the likelihood is not 确定能.
 */
export function validateMonitoringForm(form: MonitoringForm): ApiErrorDetail[] {
  const out: ApiErrorDetail[] = [];
  const b = monitoringBody(form);
  const money: Array<['annualBudget' | 'executed' | 'expectedExecuted', string]> = [
    ['annualBudget', FUNDS_COLUMN_LABELS.initialBudget],
    ['executed', M.executedToDate],
    ['expectedExecuted', M.expectedExecuted],
  ];
  for (const [key, label] of money) {
    const v = b.budget[key];
    if (v && !MONEY_PATTERN.test(v)) out.push({ field: `budget.${key}`, message: `${label}须为不超过两位小数的非负金额（元），如 500000.00` });
  }
  form.rows.forEach((r, i) => {
    const it = b.items[i];
    const current = monitoringCurrentProblem(r.target, it.current);
    if (current) out.push({ field: `items[${i}].current`, message: current });
    if ((it.current ?? '').length > 200) out.push({ field: `items[${i}].current`, message: '当前完成值最多 200 个字符' });
    if ((it.expected ?? '').length > 200) out.push({ field: `items[${i}].expected`, message: '全年预计完成情况最多 200 个字符' });
    if ((it.measures ?? '').length > 2000) out.push({ field: `items[${i}].measures`, message: '纠偏措施最多 2000 个字符' });
    if (needsReasons(r)) {
      if (r.reasons.length === 0) out.push({ field: `items[${i}].reasons`, message: '完成目标可能性不是“确定能”时，须选择至少一项偏差原因' });
      if (!it.measures) out.push({ field: `items[${i}].measures`, message: '完成目标可能性不是“确定能”时，须填写纠偏措施' });
    }
  });
  return out;
}

const MONITORING_FIELDS: Record<string, string> = {
  current: M.current,
  expected: M.expected,
  likelihood: M.likelihood,
  reasons: M.reasons,
  measures: M.measures,
  indicatorId: '指标',
  month: M.month,
  'budget.annualBudget': FUNDS_COLUMN_LABELS.initialBudget,
  'budget.executed': M.executedToDate,
  'budget.expectedExecuted': M.expectedExecuted,
  budget: M.budgetLight,
  items: '监控指标',
};

/** `items[2].reasons` → `第3行「培训人次」偏差原因`. */
export function monitoringFieldLabel(field: string | null | undefined, rows: readonly { name: string }[] = []): string {
  if (!field) return '';
  const m = /^items\[(\d+)\](?:\.(.+))?$/.exec(field);
  if (m) {
    const i = Number(m[1]);
    const name = rows[i]?.name ? `「${rows[i].name}」` : '';
    return `第${i + 1}行${name}${m[2] ? (MONITORING_FIELDS[m[2]] ?? m[2]) : ''}`;
  }
  return MONITORING_FIELDS[field] ?? field;
}

/** Errors of one row and field, for the message under an input. */
export function errorFor(details: readonly ApiErrorDetail[], field: string): string | null {
  return details.find((d) => d.field === field)?.message ?? null;
}

// ---------------------------------------------------------------------------------------------
// Lights

export const LIGHT_LABELS: Readonly<Record<MonitoringLight, string>> = {
  red: '红灯',
  yellow: '黄灯',
  green: '绿灯',
  blue: '蓝灯',
  none: '未评',
};

/** ng-zorro tag colours (and the dot's CSS colour) per light. */
export const LIGHT_COLORS: Readonly<Record<MonitoringLight, { tag: string; dot: string }>> = {
  red: { tag: 'red', dot: '#f5222d' },
  yellow: { tag: 'gold', dot: '#faad14' },
  green: { tag: 'green', dot: '#52c41a' },
  blue: { tag: 'blue', dot: '#1677ff' },
  none: { tag: 'default', dot: '#bfbfbf' },
};

export const LIGHT_ORDER: readonly MonitoringLight[] = ['red', 'yellow', 'green', 'blue', 'none'];

export function lightLabel(light: MonitoringLight | null | undefined): string {
  return LIGHT_LABELS[light ?? 'none'] ?? '未评';
}

const REASON_TEXT: Record<LightReason, string> = {
  MISSING_CURRENT: '未填当前完成值',
  INVALID_CURRENT: '当前完成值无效',
  NOT_QUANTITATIVE: '定性指标：按完成目标可能性判断',
  LIKELIHOOD: '按完成目标可能性判断',
  TARGET_ZERO: '目标值为0：按是否超过目标判断',
  REVERSE: '反向指标：不超过目标为绿灯',
  ABOVE_RANGE: '区间指标：超过上限为红灯',
  MISSING_BUDGET: '未填年初预算数',
  INVALID_BUDGET: '年初预算数无效',
  BUDGET_ZERO: '年初预算数为0',
};

/** A short explanation of a light: the progress against what is due, or why there is none. */
export function lightExplanation(r: Pick<LightResult, 'light' | 'progress' | 'reason'>): string {
  if (r.reason && r.reason !== 'REVERSE') return REASON_TEXT[r.reason] ?? '';
  if (r.progress !== null) return r.reason === 'REVERSE' ? `${REASON_TEXT.REVERSE}（当前为目标的 ${r.progress}%）` : `进度 ${r.progress}%`;
  return '';
}
