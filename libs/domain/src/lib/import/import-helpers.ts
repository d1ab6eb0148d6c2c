/**
 * Small helpers shared by the layouts of parse-published.ts. Pure TypeScript (runs in the browser).
 */
import { Dec } from '../decimal';
import { MOF_2021, SHANGHAI_2020, normaliseLevelName } from '../frameworks';
import { normaliseTargetChars, parseTargetValue } from '../target-value';
import type { Framework, FrameworkGroup, Funds } from '../types';
import type { SourceLine } from './import-types';

/** HTML tags left in cells by PDF/HTML extraction (`<p>…</p>`, `<br/>`, …). Not `<5.00(秒)`. */
const HTML_TAG_RE = /<\/?(?:p|br|span|div|b|strong|em|i|u|font|td|tr)\b[^<>]*>/gi;

export function stripHtml(s: string): string {
  return s.replace(HTML_TAG_RE, '');
}

/** All white space removed (including ideographic spaces). */
export function squash(s: string): string {
  return s.replace(/[\s\u3000]+/g, '');
}

export function splitLines(text: string): SourceLine[] {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  return body.split(/\r\n|\r|\n/).map((raw, i) => ({
    no: i + 1,
    raw,
    text: raw.trim(),
    cells: raw.includes('\t') ? raw.split('\t').map((c) => stripHtml(c).trim()) : null,
  }));
}

/** White-space separated tokens of a line without tabs (ideographic spaces count as spaces). */
export function tokens(text: string): string[] {
  return text.split(/[\s\u3000]+/).filter((t) => t !== '');
}

/** True when the line holds only empty cells or nothing. */
export function isBlank(l: SourceLine): boolean {
  return l.text === '' || (l.cells !== null && l.cells.every((c) => c === ''));
}

/** A page number left by PDF extraction: `- 3 -`, `第 3 页`, `3/12`. */
export function isPageNumber(text: string): boolean {
  const s = squash(normaliseTargetChars(text));
  return /^[-—–]\d{1,4}[-—–]$/.test(s) || /^第\d{1,4}页(?:[，,]?共\d{1,4}页)?$/.test(s) || /^\d{1,4}\/\d{1,4}$/.test(s);
}

/** Starts like a number / operator target (`=100.00(%)`, `≥90%`, `比…低不少于2万元`, `=abc`). */
export function looksLikeValue(s: string): boolean {
  const t = s.trim();
  if (t === '') return false;
  const p = parseTargetValue(t);
  if (p.kind === 'quantitative' || p.kind === 'compare') return true;
  return p.malformed === true && /^[>=<≥≤]+\s*\S/.test(normaliseTargetChars(t));
}

// ---------------------------------------------------------------------------------------------
// Frameworks
// ---------------------------------------------------------------------------------------------

export const LAYOUT_FRAMEWORKS: readonly Framework[] = [MOF_2021, SHANGHAI_2020];

export function findLevel1(fw: Framework, cell: string): FrameworkGroup | undefined {
  const n = normaliseLevelName(cell);
  return n === '' ? undefined : fw.groups.find((g) => g.name === n);
}

export function findLevel2(fw: Framework, cell: string): { group: FrameworkGroup; name: string } | undefined {
  const n = normaliseLevelName(cell);
  if (n === '') return undefined;
  const group = fw.groups.find((g) => g.children.includes(n));
  return group ? { group, name: n } : undefined;
}

/** The framework (of the built-in ones) in which `cell` is a 一级 or 二级 name. */
export function frameworkOfLevel(cell: string): Framework | undefined {
  return LAYOUT_FRAMEWORKS.find((fw) => findLevel1(fw, cell) || findLevel2(fw, cell));
}

// ---------------------------------------------------------------------------------------------
// Money and dates
// ---------------------------------------------------------------------------------------------

const MONEY_RE = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

export type Parsed<T> = { ok: true; value: T | null } | { ok: false };

/**
 * An amount as printed (`5,925,000.00`, `500,000`, `1,323.5`) times `factor` (10000 for 万元),
 * as yuan with two decimals. Empty, `-`, `—`, `/` and `无` are "not printed" (null). An amount
 * that would need more than two decimals in yuan does not parse.
 */
export function parseMoney(raw: string, factor = 1): Parsed<string> {
  let s = squash(normaliseTargetChars(stripHtml(raw)));
  if (factor === 1) s = s.replace(/元$/, '');
  if (s === '' || /^(?:-|—|–|\/|无)$/.test(s)) return { ok: true, value: null };
  if (!MONEY_RE.test(s)) return { ok: false };
  const d = Dec.parse(s.replace(/,/g, ''));
  if (!d) return { ok: false };
  const yuan = d.mul(Dec.fromInt(factor));
  const scale = yuan.exactScale();
  if (scale === null || scale > 2) return { ok: false };
  return { ok: true, value: yuan.toFixed(2) };
}

function daysInMonth(year: number, month: number): number {
  return [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][
    month - 1
  ];
}

/** `2024-01-01`, `2024/1/1`, `2024.1.1`, `2024年1月1日` → `2024-01-01`; empty → null. */
export function parseDate(raw: string): Parsed<string> {
  const s = squash(normaliseTargetChars(raw));
  if (s === '' || /^(?:-|—|\/|无)$/.test(s)) return { ok: true, value: null };
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (!m) return { ok: false };
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return { ok: false };
  return { ok: true, value: `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

/** A year printed on its own: `(2024年度)`, `（2020年度）`, `2020年度`, `2020年绩效目标`. */
export function printedYear(text: string): number | null {
  const s = squash(normaliseTargetChars(text));
  const m = /^\(?((?:19|20)\d{2})年(?:度)?\)?(?:绩效目标|项目绩效目标)?$/.exec(s);
  return m ? Number(m[1]) : null;
}

export function emptyFunds(): Required<Funds> {
  return { total: null, fiscal: null, other: null, annualTotal: null, annualFiscal: null, carryover: null, annualOther: null };
}

/** Shorten a text for a message. */
export function quote(s: string, max = 30): string {
  const chars = Array.from(s.trim());
  return chars.length > max ? chars.slice(0, max).join('') + '…' : chars.join('');
}
