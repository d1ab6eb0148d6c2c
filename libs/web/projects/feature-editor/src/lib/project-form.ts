import { FUND_KEYS, INDICATOR_COLUMN_LABELS, PROJECT_FIELD_LABELS, PROJECT_HEADER_LABELS } from '@pt/domain';
import type { IndicatorInput, Project, UpdateProjectBody } from '@pt/web/projects/data-access';
import { emptyRow, isBlankRow, metaInputs, metaOf } from '@pt/web/projects/ui';
import type { EditorRow, PickRow } from '@pt/web/projects/ui';
import { normaliseMoney } from '@pt/web/shared/data-access';

/**
 * Pure mapping between a project and the declaration form (no Angular): the form's values, the
 * PATCH body, the PUT rows and the signatures used to tell whether something changed.
 */

export { FUND_KEYS };
export type FundKey = (typeof FUND_KEYS)[number];

export const TEXT_KEYS = ['overview', 'basis', 'necessity', 'measures', 'plan', 'totalGoal', 'annualGoal'] as const;
export type TextKey = (typeof TEXT_KEYS)[number];

/** Labels of the header fields (the domain's field catalogue), also used to name fields of a 400 answer. */
export const FIELD_LABELS: Record<string, string> = {
  ...PROJECT_HEADER_LABELS,
  indicators: PROJECT_FIELD_LABELS.indicators,
  comment: '意见',
};

/** Label of an API field path such as `funds.total` or `indicators[2].target`. */
export function fieldLabel(field: string | undefined): string {
  if (!field) return '';
  const row = /^indicators(?:\[(\d+)\]|\.(\d+))(?:\.(\w+))?/.exec(field);
  if (row) {
    const col: Record<string, string> = INDICATOR_COLUMN_LABELS;
    const n = Number(row[1] ?? row[2]);
    return `第${n + 1}行${row[3] ? (col[row[3]] ?? row[3]) : ''}`;
  }
  return FIELD_LABELS[field] ?? field;
}

/** The form's values: text as typed; dates as `YYYY-MM-DD` or ""; 是否含有政府购买服务 as 'yes' | 'no' | ''. */
export interface HeaderFormValue {
  name: string;
  nature: string;
  category: string;
  startDate: string;
  endDate: string;
  governmentPurchase: '' | 'yes' | 'no';
  performanceType: string;
  funds: Record<FundKey, string>;
  lastYearBudget: string;
  lastYearExecuted: string;
  overview: string;
  basis: string;
  necessity: string;
  measures: string;
  plan: string;
  totalGoal: string;
  annualGoal: string;
}

export function headerFromProject(p: Project): HeaderFormValue {
  const s = (v: string | null | undefined) => v ?? '';
  return {
    name: s(p.name),
    nature: s(p.nature),
    category: s(p.category),
    startDate: s(p.startDate),
    endDate: s(p.endDate),
    governmentPurchase: p.governmentPurchase === true ? 'yes' : p.governmentPurchase === false ? 'no' : '',
    performanceType: s(p.performanceType),
    funds: Object.fromEntries(FUND_KEYS.map((k) => [k, s(p.funds?.[k])])) as Record<FundKey, string>,
    lastYearBudget: s(p.lastYearBudget),
    lastYearExecuted: s(p.lastYearExecuted),
    overview: s(p.overview),
    basis: s(p.basis),
    necessity: s(p.necessity),
    measures: s(p.measures),
    plan: s(p.plan),
    totalGoal: s(p.totalGoal),
    annualGoal: s(p.annualGoal),
  };
}

export interface HeaderBodyResult {
  body: UpdateProjectBody;
  /** Fields that cannot be sent, with a Chinese message. */
  errors: { field: string; message: string }[];
}

/** The PATCH body for the form's values: trimmed text, "" as null, amounts as `500000.00`. */
export function headerBody(v: HeaderFormValue): HeaderBodyResult {
  const errors: { field: string; message: string }[] = [];
  const text = (x: string) => (x.trim() === '' ? null : x.trim());
  const money = (field: string, x: string) => {
    const n = normaliseMoney(x);
    if (n === null) {
      errors.push({ field, message: `${fieldLabel(field)}须为不超过两位小数的非负金额（元），如 500000.00` });
      return null;
    }
    return n === '' ? null : n;
  };
  const name = v.name.trim();
  if (name === '') errors.push({ field: 'name', message: '请填写项目名称' });
  if (v.startDate && v.endDate && v.endDate < v.startDate) {
    errors.push({ field: 'endDate', message: '计划完成日期不能早于计划开始日期' });
  }
  const body: UpdateProjectBody = {
    name,
    nature: text(v.nature),
    category: text(v.category),
    startDate: text(v.startDate),
    endDate: text(v.endDate),
    governmentPurchase: v.governmentPurchase === 'yes' ? true : v.governmentPurchase === 'no' ? false : null,
    performanceType: text(v.performanceType),
    funds: Object.fromEntries(FUND_KEYS.map((k) => [k, money(`funds.${k}`, v.funds[k])])) as Record<FundKey, string | null>,
    lastYearBudget: money('lastYearBudget', v.lastYearBudget),
    lastYearExecuted: money('lastYearExecuted', v.lastYearExecuted),
    overview: text(v.overview),
    basis: text(v.basis),
    necessity: text(v.necessity),
    measures: text(v.measures),
    plan: text(v.plan),
    totalGoal: text(v.totalGoal),
    annualGoal: text(v.annualGoal),
  };
  return { body, errors };
}

/** Compare two form values as they would be saved. */
export function headerSignature(v: HeaderFormValue): string {
  return JSON.stringify(headerBody(v).body);
}

/** Rows for PUT …/indicators: blank rows dropped, `id` kept so review comments stay attached. */
export function indicatorInputs(rows: readonly EditorRow[]): IndicatorInput[] {
  return rows
    .filter((r) => r.name.trim() !== '' || r.target.trim() !== '')
    .map((r) => {
      const out: IndicatorInput = {
        level1: r.level1.trim(),
        level2: r.level2.trim(),
        name: r.name.trim(),
        target: r.target.trim(),
        core: r.core,
        weight: r.weight.trim() === '' ? null : r.weight.trim(),
        ...metaInputs(r),
      };
      if (r.id) out.id = r.id;
      return out;
    });
}

/** The table with picked rows appended; blank rows at its end (an empty row added but not filled) give way. */
export function appendPickedRows(rows: readonly EditorRow[], picked: readonly PickRow[]): EditorRow[] {
  let end = rows.length;
  while (end > 0 && isBlankRow(rows[end - 1]) && !rows[end - 1].id) end -= 1;
  return [...rows.slice(0, end), ...picked.map((p) => emptyRow({ ...metaOf(p), level1: p.level1, level2: p.level2, name: p.name, target: p.target }))];
}

export function rowsSignature(rows: readonly EditorRow[]): string {
  return JSON.stringify(indicatorInputs(rows));
}

/** `Date` of a date picker → `YYYY-MM-DD` (local calendar day); "" for none. */
export function dateToIso(d: Date | null | undefined): string {
  if (!d || Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** `YYYY-MM-DD` → local `Date` for a date picker; null for none or an invalid date. */
export function isoToDate(s: string | null | undefined): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s ?? '');
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.getMonth() === Number(m[2]) - 1 ? d : null;
}
