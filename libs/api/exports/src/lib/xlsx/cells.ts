import type { CellValue } from 'exceljs';

export interface XlsxImportProblem {
  sheet: string;
  row: number;
  message: string;
}

/** The text of a cell as shown (rich text joined, numbers as printed; a merged cell gives its master's value). */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'result' in v) return v.result === undefined ? '' : String(v.result);
  return '';
}

const MONEY = /^\d{1,13}(\.\d{1,2})?$/;

/** An amount cell as a decimal string ("1200000.00"); null where empty or not an amount. */
export function moneyOf(s: string): string | null {
  const t = s.replace(/[,，\s]/g, '');
  if (t === '') return null;
  if (!MONEY.test(t)) return null;
  const [i, f = ''] = t.split('.');
  return `${i}.${(f + '00').slice(0, 2)}`;
}

