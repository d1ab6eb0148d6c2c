import { Dec } from '@pt/domain';

const pad = (n: number) => String(n).padStart(2, '0');

/** A `Date` from an ISO string or a `Date`; null for none or an invalid one. */
function toDate(value: string | Date | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The local calendar day as `2026-12-06`; a `YYYY-MM-DD` string as it is; "" for none; an unreadable string unchanged. */
export function formatDate(value: string | Date | null | undefined): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const d = toDate(value);
  if (!d) return typeof value === 'string' ? value : '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** An instant in local time as `2026-12-06 21:08`; "" for none; an unreadable string unchanged. */
export function formatDateTime(value: string | Date | null | undefined): string {
  const d = toDate(value);
  if (!d) return typeof value === 'string' ? value : '';
  return `${formatDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** `YYYY-MM-DD` → the local `Date` of that day (for a date picker); null for none or an invalid date. */
export function parseDate(s: string | null | undefined): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s ?? '');
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.getMonth() === Number(m[2]) - 1 ? d : null;
}

/** Amounts in yuan are decimal strings with at most two decimals; never floats. */
const MONEY_RE = /^\d{1,13}(\.\d{1,2})?$/;

/**
 * Normalise an amount as typed (`5,925,000.00`, ` 500000 `, full-width digits) to the API form
 * (`5925000.00`); "" for an empty field; null when it is not an amount.
 */
export function normaliseMoney(input: string | null | undefined): string | null {
  if (input === null || input === undefined) return '';
  const s = input
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[,，\s]/g, '');
  if (s === '') return '';
  if (!MONEY_RE.test(s)) return null;
  return Dec.of(s).toFixed(2);
}

/** `5925000` → `5,925,000.00`; "" for empty; the input unchanged when it is not an amount. */
export function formatMoney(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const n = normaliseMoney(value);
  if (n === null || n === '') return value;
  const [int, frac] = n.split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

/** Exact sum of amounts as typed (empty fields count as 0); null when one is not an amount. */
export function sumMoney(values: readonly (string | null | undefined)[]): string | null {
  let sum = Dec.ZERO;
  for (const v of values) {
    const n = normaliseMoney(v);
    if (n === null) return null;
    if (n !== '') sum = sum.add(Dec.of(n));
  }
  return sum.toFixed(2);
}
