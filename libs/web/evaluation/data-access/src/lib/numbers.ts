/**
 * Numbers as people type them (`5,925,000.00`, ` 95 `, full-width digits `９５`, `－1`), cleaned to the
 * plain decimal string the API and the domain take. Never converted to floats.
 */
export function cleanNumber(input: string | null | undefined): string {
  if (input === null || input === undefined) return '';
  return String(input)
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[－—−]/g, '-')
    .replace(/[＋]/g, '+')
    .replace(/[,，\s\u3000]/g, '')
    .replace(/^\+/, '');
}

/** Amount in yuan (全年预算数 …): at most two decimals, not negative (the contracts' MONEY). */
export const MONEY_PATTERN = /^\d{1,13}(\.\d{1,2})?$/;
/** An actual or current value in the target's unit (the contracts' DECIMAL). */
export const DECIMAL_PATTERN = /^-?\d{1,15}(\.\d{1,4})?$/;
/** 得分 / 分值: at most two decimals, not negative (the contracts' POINTS). */
export const POINTS_PATTERN = /^\d{1,3}(\.\d{1,2})?$/;

/** The cleaned value, or null when the field is empty. */
export function orNull(input: string | null | undefined): string | null {
  const s = cleanNumber(input);
  return s === '' ? null : s;
}

/** `5925000` → `5,925,000.00` for display; the input unchanged when it is not an amount. */
export function formatAmount(value: string | null | undefined): string {
  const s = cleanNumber(value);
  if (s === '' || !MONEY_PATTERN.test(s)) return value ?? '';
  const [int, frac = ''] = s.split('.');
  return `${int.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac.padEnd(2, '0')}`;
}
