import { Dec } from '@pt/domain';

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
