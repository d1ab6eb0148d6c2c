import type { ImportChoice, ImportChoiceDto, ImportedProjectPreview, ImportResult } from '@pt/web/exports/data-access';
import { TARGET_NOUNS } from '@pt/domain';
import { kindLabel, statusLabel } from '@pt/web/projects/data-access';

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

/** The choices to send: one per clashing name that has one (the server asks again for the others). */
export function choicesToSend(projects: readonly ImportedProjectPreview[], chosen: Readonly<Record<string, ImportChoice>>): ImportChoiceDto[] {
  const names = new Set(projects.filter((p) => p.existing).map((p) => p.name));
  return [...names].filter((n) => chosen[n]).map((name) => ({ name, choice: chosen[name] }));
}

/** Names that exist already and have no choice yet (the create waits for them). */
export function unanswered(projects: readonly ImportedProjectPreview[], chosen: Readonly<Record<string, ImportChoice>>): string[] {
  return [...new Set(projects.filter((p) => p.existing && !chosen[p.name]).map((p) => p.name))];
}

/** How the page names a target of `kind`: 项目, 部门（单位）整体绩效目标, 政策绩效目标 (the domain's TARGET_NOUNS). */
export function targetNoun(kind: ImportedProjectPreview['kind'] | undefined): string {
  return TARGET_NOUNS[kind ?? 'project'];
}

/**
 * `本单位 2024 年已有同名项目（草稿）`, and why it cannot be replaced: no longer editable, or not a project (only a
 * project replaces a project); a 部门整体 target is one per unit and year, so it can only be skipped.
 */
export function existingNote(p: Pick<ImportedProjectPreview, 'year' | 'existing' | 'kind'>): string {
  if (!p.existing) return '';
  const status = statusLabel(p.existing.status);
  if (p.kind === 'department') return `本单位 ${p.year} 年已有${targetNoun('department')}（${status}），每个单位每年只有一个：只能跳过，或改填其他预算年度后重新预览`;
  const base = `本单位 ${p.year} 年已有同名${targetNoun(p.kind)}（${status}）`;
  if (p.existing.editable) return base;
  return p.existing.status === 'draft' || p.existing.status === 'returned' ? `${base}，只有项目可以替换同名项目：请选择保留两份或跳过` : `${base}，不是草稿或已退回，不能替换`;
}

/** Whether a clash may take `choice`: 替换 only where the server says so, a 部门整体 target only 跳过. */
export function choiceAllowed(p: Pick<ImportedProjectPreview, 'existing' | 'kind'>, choice: ImportChoice): boolean {
  if (p.kind === 'department') return choice === 'skip';
  return choice !== 'replace' || !!p.existing?.editable;
}

/** `项目 2、政策 1`: the previews counted by kind, in the kinds' order. */
export function countByKind(projects: readonly Pick<ImportedProjectPreview, 'kind'>[]): string {
  const counts = new Map<string, number>();
  for (const p of projects) counts.set(p.kind ?? 'project', (counts.get(p.kind ?? 'project') ?? 0) + 1);
  return (['project', 'department', 'policy'] as const)
    .filter((k) => counts.has(k))
    .map((k) => `${kindLabel(k)} ${counts.get(k)}`)
    .join('、');
}

/** The tag of a created result: what the create did with the project. */
export function outcomeLabel(outcome: ImportedProjectPreview['outcome']): string {
  return outcome === 'replaced' ? '已替换' : outcome === 'skipped' ? '已跳过' : outcome === 'created' ? '已创建' : '';
}
