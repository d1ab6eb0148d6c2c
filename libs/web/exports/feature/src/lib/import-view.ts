import type { ImportResult } from '@pt/web/exports/data-access';

/** Where a preview's project came from: `第 1–91 行` for pasted text, `工作表「…」` for a workbook. */
export function sourceLabel(source: string, kind: 'text' | 'xlsx'): string {
  if (!source) return '';
  return kind === 'xlsx' ? `工作表「${source}」` : `第 ${source} 行`;
}

/** Where a problem is: `第 12 行`, `工作表「申报表」第 5 行`, or `整体` when the server gave no place. */
export function problemPlace(line: ImportResult['problems'][number]['line']): string {
  if (typeof line === 'number') return line > 0 ? `第 ${line} 行` : '整体';
  const s = String(line ?? '').trim();
  if (s === '' || s === '0') return '整体';
  const sheet = /^(.*)!(\d+)$/.exec(s);
  if (sheet) return sheet[2] === '0' ? `工作表「${sheet[1]}」` : `工作表「${sheet[1]}」第 ${sheet[2]} 行`;
  if (/^\d+(?:[–-]\d+)?$/.test(s)) return `第 ${s} 行`;
  return s;
}

/** The year a pasted table names (`（2020年度）`, `2020年绩效目标`), or null. */
export function yearInText(text: string): number | null {
  const m = /(20\d{2})\s*年(?:度|绩效目标)/.exec(text);
  return m ? Number(m[1]) : null;
}
