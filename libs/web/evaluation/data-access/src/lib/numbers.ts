import { DECIMAL_PATTERN, MONEY_PATTERN, POINTS_PATTERN } from '@pt/shared/api-types';

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

/** Amounts in yuan, actual values and 得分 / 分值: the formats the API checks. */
export { DECIMAL_PATTERN, MONEY_PATTERN, POINTS_PATTERN };

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
