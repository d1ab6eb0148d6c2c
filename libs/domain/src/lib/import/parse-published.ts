/**
 * Parser for text pasted from published budget documents (issue "Export and import", acceptance 3).
 * Pure TypeScript, no Node APIs: it runs in the browser for the import preview, and on the server.
 *
 * Layouts (detected per table, one paste may hold several tables and layouts):
 * - `2020-lines`: the 2020 Shanghai form (fixtures/reference/shanghai-2020-xining-office-targets.txt);
 * - `2024-tabs`: the 2024 form as extracted from PDF, tab-separated (yangpu-2024-gov-office-budget-part1.txt);
 * - `publication-list`: the list of domain README §9, one project per row.
 * Department budgets without target tables (shanghai-2024/2025-coop-office-budget.txt) give no project.
 *
 * A table starts at its title (财政项目支出绩效目标表 / 申报表), or, where the title was not pasted, at
 * its 申报单位名称 or 项目名称 line, or at its indicator header. Everything the user should look at before anything is
 * created is a problem with its line (1-based, in the paste). The printed year wins over `opts.year`,
 * which is used where the paste prints none.
 */
import { isBlank, splitLines, squash } from './import-helpers';
import type { ImportProblem, ImportedProject, ParsePublishedOptions, ParsePublishedResult, SourceLine } from './import-types';
import { ListBlock, publicationListHeader } from './publication-list';
import { TableBlock, isApplicantLine, isIndicatorHeader, isNameLine, isTableTitle, looksLikeStrayRow } from './published-table';

export type {
  ImportFrameworkCode,
  ImportLayout,
  ImportProblem,
  ImportedProject,
  ImportedRow,
  ParsePublishedOptions,
  ParsePublishedResult,
} from './import-types';
export { readIndicator, splitIndicator } from './indicator-text';

type Block = TableBlock | ListBlock;

/** A title line before a publication list that names its year (`2024年部门重点项目支出绩效明细表`). */
function yearHint(l: SourceLine): number | null {
  if (l.cells && l.cells.filter((c) => c !== '').length > 1) return null;
  const s = squash(l.text);
  if (Array.from(s).length > 60 || !/表|预算|绩效|明细/.test(s)) return null;
  const m = /((?:19|20)\d{2})年/.exec(s);
  return m ? Number(m[1]) : null;
}

function validYear(y: unknown): number | null {
  return typeof y === 'number' && Number.isInteger(y) && y >= 1900 && y <= 2999 ? y : null;
}

export function parsePublishedText(text: string, opts?: ParsePublishedOptions): ParsePublishedResult {
  const problems: ImportProblem[] = [];
  const projects: ImportedProject[] = [];
  const defaultYear = validYear(opts?.year);
  const lines = splitLines(typeof text === 'string' ? text : '');

  const finish = (block: Block | null): void => {
    if (!block) return;
    for (const p of block.finish()) projects.push(p.year === null ? { ...p, year: defaultYear } : p);
  };

  let cur: Block | null = null;
  let hint: number | null = null;
  let i = 0;
  while (i < lines.length) {
    const l = lines[i];
    if (isTableTitle(l)) {
      finish(cur);
      cur = new TableBlock(l.no, problems, l.text);
      i++;
      continue;
    }
    const listHeader = publicationListHeader(l);
    if (listHeader) {
      finish(cur);
      cur = new ListBlock(l.no, listHeader, hint, problems);
      hint = null;
      i++;
      continue;
    }
    if (isNameLine(l) || isApplicantLine(l)) {
      if (!(cur instanceof TableBlock && (isNameLine(l) ? cur.wantsName() : cur.inHeader()))) {
        finish(cur);
        cur = new TableBlock(l.no, problems);
      }
      cur.accept(l);
      i++;
      continue;
    }
    if (isIndicatorHeader(l)) {
      if (!(cur instanceof TableBlock && cur.acceptsIndicatorHeader(l))) {
        finish(cur);
        cur = new TableBlock(l.no, problems);
      }
      cur.accept(l);
      i++;
      continue;
    }
    if (cur) {
      const n = cur.consume(lines, i);
      if (n > 0) {
        i += n;
        continue;
      }
      finish(cur);
      cur = null;
      continue; // the line is read again outside any table
    }
    if (!isBlank(l)) {
      hint = yearHint(l) ?? hint;
      if (looksLikeStrayRow(l)) {
        problems.push({ line: l.no, message: '这一行像是指标行，但不在任何指标表内（前面没有项目名称或指标表头），未导入' });
      }
    }
    i++;
  }
  finish(cur);
  problems.sort((a, b) => a.line - b.line);
  return { projects, problems };
}
