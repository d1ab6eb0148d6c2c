import { FUND_KEYS, FUND_LABELS, PROJECT_FIELD_LABELS } from '../fields/project-fields';
import type { Finding, Funds } from '../types';
import { type CheckInput, finding } from './check-rules';

/** The header checks of a target table: plan dates (valid, in the budget year) and the funds block adding up. */

const START = PROJECT_FIELD_LABELS.startDate;
const END = PROJECT_FIELD_LABELS.endDate;

/** Money as integer cents; null when absent; 'invalid' when not a non-negative amount. */
function moneyCents(v: string | null | undefined): bigint | null | 'invalid' {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  if (s === '') return null;
  const m = /^(?:([0-9]{1,3}(?:,[0-9]{3})+)|([0-9]+))(?:\.([0-9]{1,2}))?$/.exec(s);
  if (!m) return 'invalid';
  const int = (m[1] ?? m[2]).replace(/,/g, '');
  const frac = (m[3] ?? '').padEnd(2, '0');
  return BigInt(int) * 100n + BigInt(frac);
}

function formatCents(c: bigint): string {
  const neg = c < 0n;
  const a = neg ? -c : c;
  const int = (a / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = (a % 100n).toString().padStart(2, '0');
  return `${neg ? '-' : ''}${int}.${frac}`;
}

function isValidIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

export function checkDates(input: CheckInput, out: Finding[]): void {
  const start = (input.startDate ?? '').trim();
  const end = (input.endDate ?? '').trim();
  const bad: string[] = [];
  if (start !== '' && !isValidIsoDate(start)) bad.push(`${START}「${start}」`);
  if (end !== '' && !isValidIsoDate(end)) bad.push(`${END}「${end}」`);
  if (bad.length > 0) {
    out.push(finding('DATES_INVALID', `${bad.join('、')}不是有效日期（格式应为YYYY-MM-DD）。`, null));
    return;
  }
  if (start !== '' && end !== '' && end < start) {
    out.push(finding('DATES_INVALID', `${END} ${end} 早于${START} ${start}。`, null));
    return;
  }
  if (input.year === undefined || input.year === null) return;
  const y = String(input.year);
  const outside: string[] = [];
  if (start !== '' && start.slice(0, 4) !== y) outside.push(`${START} ${start}`);
  if (end !== '' && end.slice(0, 4) !== y) outside.push(`${END} ${end}`);
  if (outside.length > 0) {
    out.push(finding('DATES_OUTSIDE_YEAR', `${outside.join('、')}不在预算年度 ${y} 年内。`, null));
  }
}

export function checkFunds(funds: Funds | null | undefined, out: Finding[]): void {
  if (!funds) return;
  const cents: Partial<Record<keyof Funds, bigint | null>> = {};
  const invalid: string[] = [];
  for (const key of FUND_KEYS) {
    const c = moneyCents(funds[key]);
    if (c === 'invalid') invalid.push(`${FUND_LABELS[key]}「${funds[key]}」`);
    else cents[key] = c;
  }
  if (invalid.length > 0) {
    out.push(finding('FUNDS_INVALID', `项目资金金额无效：${invalid.join('、')}（应为不带负号、最多两位小数的元金额）。`, null));
    return;
  }
  const sumCheck = (totalKey: keyof Funds, parts: (keyof Funds)[]) => {
    const total = cents[totalKey];
    if (total === null || total === undefined) return;
    if (parts.every((p) => cents[p] === null || cents[p] === undefined)) return; // nothing to add up
    const sum = parts.reduce((acc, p) => acc + (cents[p] ?? 0n), 0n);
    if (sum !== total) {
      const detail = parts.map((p) => `${FUND_LABELS[p]} ${formatCents(cents[p] ?? 0n)}`).join(' + ');
      out.push(finding('FUNDS_NOT_ADDING_UP', `${FUND_LABELS[totalKey]} ${formatCents(total)} 元不等于 ${detail} = ${formatCents(sum)} 元。`, null));
    }
  };
  sumCheck('total', ['fiscal', 'other']);
  sumCheck('annualTotal', ['annualFiscal', 'carryover', 'annualOther']);
}
