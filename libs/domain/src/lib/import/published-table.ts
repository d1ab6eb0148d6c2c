/**
 * One target table (财政项目支出绩效目标表 / 申报表) of a published budget document, in either
 * layout of libs/domain/src/fixtures/reference/:
 *
 * - 2020 line layout (shanghai-2020-xining-office-targets.txt): header fields as `标签： 值` lines,
 *   then `一级目标 二级目标 三级目标 指标目标值`, a line per 一级, and `二级 三级 value` lines whose
 *   value may wrap onto the following lines (the PDF breaks lines without spaces).
 * - 2024 tab layout (yangpu-2024-gov-office-budget-part1.txt): tab-separated cells extracted from
 *   PDF. Cells may be shifted left or right, the merged 一级 cell is not repeated, `<p>` artefacts
 *   wrap the goal cells, empty 二级 placeholder rows are printed. A row is therefore read by what
 *   its cells ARE (a 一级 name, a 二级 name, a label, or content), not by their column: the content
 *   cells of a row are its 三级 name and its value, in that order.
 */
import { MOF_2021, SHANGHAI_2020 } from '../frameworks';
import type { Framework, FrameworkGroup } from '../types';
import {
  findLevel1,
  findLevel2,
  frameworkOfLevel,
  isBlank,
  isPageNumber,
  looksLikeValue,
  quote,
  squash,
  tokens,
} from './import-helpers';
import type { ImportProblem, ImportedProject, ImportedRow, SourceLine } from './import-types';
import { TableHeader, type Level } from './table-header';

type TableLayout = '2020-lines' | '2024-tabs';


// ---------------------------------------------------------------------------------------------
// Line classification used by the main loop
// ---------------------------------------------------------------------------------------------

const TITLE_RE = /^(?:财政)?项目支出绩效目标(?:申报)?表(?:[（(]?((?:19|20)\d{2})年度?[)）]?)?$/;

function nonEmptyCells(l: SourceLine): string[] {
  return (l.cells ?? []).filter((c) => c !== '');
}

/** `财政项目支出绩效目标表`, `财政项目支出绩效目标申报表` (optionally with the year on the line). */
export function isTableTitle(l: SourceLine): boolean {
  if (l.cells && nonEmptyCells(l).length > 1) return false;
  return TITLE_RE.test(squash(l.text));
}

/** `项目名称： X 项目类别： Y` (2020) or `项目名称⇥X⇥…` (2024). */
export function isNameLine(l: SourceLine): boolean {
  if (l.cells) {
    const first = nonEmptyCells(l)[0];
    return first !== undefined && /^项目名称[：:]?$/.test(squash(first));
  }
  return /^项目名称[\s\u3000]*[：:]/.test(l.text);
}

/** `申报单位名称：X` (2020): the first header field of a 2020 form, where its title was not pasted. */
export function isApplicantLine(l: SourceLine): boolean {
  return l.cells === null && /^申报单位(?:名称)?[\s\u3000]*[：:]/.test(l.text);
}

/** `一级目标 二级目标 三级目标 指标目标值` (2020) or `⇥一级指标⇥二级指标⇥三级指标⇥年度(/项目)指标值` (2024). */
export function isIndicatorHeader(l: SourceLine): boolean {
  const s = squash(l.cells ? l.cells.join('') : l.text);
  return /一级(?:指标|目标)二级(?:指标|目标)三级(?:指标|目标)/.test(s);
}

function layoutOf(l: SourceLine): TableLayout {
  return l.cells ? '2024-tabs' : '2020-lines';
}

function classifyLevel(cell: string, fw: Framework | null): Level | null {
  const f = fw ?? frameworkOfLevel(cell);
  if (!f) return null;
  const group = findLevel1(f, cell);
  if (group) return { kind: 'l1', fw: f, group };
  const l2 = findLevel2(f, cell);
  if (l2) return { kind: 'l2', fw: f, group: l2.group, name: l2.name };
  return null;
}

/** A line outside any table that still looks like an indicator row (reported, never imported). */
export function looksLikeStrayRow(l: SourceLine): boolean {
  if (l.cells) {
    const cells = nonEmptyCells(l);
    const levels = cells.map((c) => classifyLevel(c, null));
    const content = cells.filter((_, i) => levels[i] === null);
    if (levels.some((v) => v?.kind === 'l2') && content.length >= 1) return true;
    return cells.length === 2 && looksLikeValue(cells[1]);
  }
  const t = tokens(l.text);
  if (t.length < 2) return false;
  const first = classifyLevel(t[0], null);
  if (first?.kind === 'l2') return true;
  return first?.kind === 'l1' && t.length >= 3 && classifyLevel(t[1], first.fw)?.kind === 'l2';
}

const HEADER_CELL_RE = /^(?:一级|二级|三级)(?:指标|目标)$|指标值|目标值/;
const LABEL_CELLS: ReadonlySet<string> = new Set(['绩效指标', '项目绩效目标', '绩效目标']);

// ---------------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------------

export class TableBlock {
  readonly start: number;
  end: number;
  private phase: 'header' | 'body' = 'header';
  private layout: TableLayout | null = null;
  private fw: Framework | null = null;
  private readonly head: TableHeader;

  private level1: FrameworkGroup | null = null;
  private level2: string | null = null;
  /** 2020: the row whose value may continue on the next line. */
  private open: ImportedRow | null = null;
  private blankBefore = false;
  /**
   * A page break (page number, form feed or a repeated indicator header) since the last row: the
   * merged 一级/二级 cells and a 2020 value wrapped at the foot of the page run on across it.
   */
  private pageBreak = false;
  /** 2020: the open row before the blank lines of a page break. */
  private heldOpen: ImportedRow | null = null;
  private readonly rows: ImportedRow[] = [];

  constructor(
    start: number,
    private readonly problems: ImportProblem[],
    titleText?: string,
  ) {
    this.start = start;
    this.end = start;
    const m = titleText ? TITLE_RE.exec(squash(titleText)) : null;
    this.head = new TableHeader(problems, m?.[1] ? Number(m[1]) : null);
  }

  /** A 项目名称 line belongs to this table (instead of starting the next one). */
  wantsName(): boolean {
    return this.phase === 'header' && this.head.name === null;
  }

  /** A 申报单位名称 line belongs to this table (it has not reached its indicators yet). */
  inHeader(): boolean {
    return this.phase === 'header';
  }

  /** An indicator header belongs to this table (its own, or one repeated after a page break). */
  acceptsIndicatorHeader(l: SourceLine): boolean {
    return this.phase === 'header' || this.layout === layoutOf(l);
  }

  consume(lines: readonly SourceLine[], i: number): number {
    return this.accept(lines[i]) ? 1 : 0;
  }

  accept(l: SourceLine): boolean {
    if (isBlank(l) && !l.raw.includes('\f')) {
      this.blankBefore = true;
      if (this.open) this.heldOpen = this.open;
      this.open = null;
      this.head.endCapture();
      return true;
    }
    const pageMark = isPageNumber(l.text) || l.raw.includes('\f');
    if (pageMark && this.phase === 'body') this.markPageBreak();
    if (pageMark && (isPageNumber(l.text) || isBlank(l))) return true;
    let ok: boolean;
    if (isIndicatorHeader(l)) {
      if (this.phase === 'body') this.markPageBreak(); // the header printed again at the top of a page
      this.enterBody(l);
      ok = true;
    } else if (this.phase === 'header') {
      ok = this.header(l);
    } else {
      ok = this.layout === '2024-tabs' ? this.body2024(l) : this.body2020(l);
    }
    if (ok) {
      this.end = l.no;
      this.blankBefore = false;
      if (!isIndicatorHeader(l)) {
        this.pageBreak = false;
        this.heldOpen = null;
      }
    }
    return ok;
  }

  private markPageBreak(): void {
    this.pageBreak = true;
    if (this.open) this.heldOpen = this.open;
  }

  private problem(line: number, message: string): void {
    this.problems.push({ line, message });
  }

  private classify(cell: string): Level | null {
    return classifyLevel(cell, this.fw);
  }

  private lock(level: Level): void {
    if (!this.fw) this.fw = level.fw;
  }

  private enterBody(l: SourceLine): void {
    this.head.leave();
    if (this.phase === 'header') {
      this.phase = 'body';
      this.layout = layoutOf(l);
    }
    // The first column of the header row may carry the merged 一级 cell (e.g. 产出指标).
    for (const c of l.cells ?? []) {
      const level = this.classify(c);
      if (level?.kind === 'l1') {
        this.lock(level);
        this.level1 = level.group;
        this.level2 = null;
      }
    }
  }

  /** A header line, or the first row of a table whose indicator header was not printed. */
  private header(l: SourceLine): boolean {
    if (this.head.read(l, (c) => this.classify(c)) === 'field') return true;
    this.phase = 'body';
    this.layout = layoutOf(l);
    return this.layout === '2024-tabs' ? this.body2024(l) : this.body2020(l);
  }

  // ------------------------------------------------------------------------------ rows

  private setLevel2(level: Extract<Level, { kind: 'l2' }>, level1Here: FrameworkGroup | null): void {
    this.lock(level);
    if (level1Here) this.level1 = level1Here; // printed on the row: kept as printed (the checks judge it)
    else if (this.level1 !== level.group) this.level1 = level.group; // merged 一级 cell not repeated
    this.level2 = level.name;
  }

  private body2024(l: SourceLine): boolean {
    if (!l.cells) return false; // text without cells: the table has ended
    const content: string[] = [];
    let l1: FrameworkGroup | null = null;
    let l2: Extract<Level, { kind: 'l2' }> | null = null;
    for (const c of l.cells) {
      if (c === '') continue;
      const n = squash(c);
      if (LABEL_CELLS.has(n) || HEADER_CELL_RE.test(n)) continue;
      const level = this.classify(c);
      if (level?.kind === 'l1') {
        this.lock(level);
        l1 = level.group;
      } else if (level?.kind === 'l2') l2 = level;
      else content.push(c);
    }
    if (content.length > 2 && !l1 && !l2 && this.blankBefore) return false; // another table follows
    if (l1) {
      // The same 一级 printed again without a 二级 (the label cells repeated at the top of a new
      // page): the merged 二级 cell runs on over the break.
      const continues = !l2 && l1 === this.level1 && this.level2 !== null;
      this.level1 = l1;
      if (!l2 && !continues) this.level2 = null;
    }
    if (l2) this.setLevel2(l2, l1);
    if (content.length === 0) return true; // placeholder row or labels only
    if (content.length > 2) {
      this.problem(
        l.no,
        `这一行有 ${content.length} 个内容单元格（${content.map((c) => `「${quote(c, 20)}」`).join('')}），` +
          '无法对应到二级指标、三级指标和指标值，未导入',
      );
      return true;
    }
    if (!this.level2 || !this.level1) {
      this.problem(l.no, `指标「${quote(content[0])}」没有二级指标，前面也没有可沿用的二级指标，未导入`);
      return true;
    }
    if (content.length === 1 && looksLikeValue(content[0])) {
      this.problem(l.no, `只有指标值「${quote(content[0])}」，缺少三级指标名称，未导入`);
      return true;
    }
    this.rows.push({ level1: this.level1.name, level2: this.level2, name: content[0], target: content[1] ?? '', core: false, line: l.no });
    return true;
  }

  private body2020(l: SourceLine): boolean {
    const t = tokens(l.text);
    let k = 0;
    let l1: FrameworkGroup | null = null;
    const first = this.classify(t[0]);
    if (first?.kind === 'l1' && t.length === 1 && this.pageBreak && first.group === this.level1) {
      return true; // the 一级 printed again at the top of a new page: the table runs on
    }
    if (first?.kind === 'l1') {
      this.lock(first);
      l1 = first.group;
      this.level1 = l1;
      this.level2 = null;
      this.open = null;
      k = 1;
    }
    if (k >= t.length) return true;
    const level = k === 0 ? first : this.classify(t[k]);
    if (level?.kind === 'l2') {
      this.setLevel2(level, l1);
      this.open = {
        level1: (this.level1 ?? level.group).name,
        level2: level.name,
        name: t[k + 1] ?? '',
        target: t.slice(k + 2).join(' '),
        core: false,
        line: l.no,
      };
      this.rows.push(this.open);
      return true;
    }
    if (k === 0) {
      const open = this.open && !this.blankBefore ? this.open : this.pageBreak ? this.heldOpen : null;
      if (open) {
        // The value (or, where only the 二级 was printed, the rest of the row) continues here,
        // also on the next page.
        if (open.name === '') {
          open.name = t[0];
          open.target = t.slice(1).join(' ');
        } else open.target += t.join(' ');
        this.open = open;
        return true;
      }
      if (t.length >= 2 && looksLikeValue(t[t.length - 1])) {
        this.problem(l.no, `「${quote(t[0], 20)}」不是已知的二级指标，这一行无法归入指标表，未导入`);
        return true;
      }
      return false; // text after the table
    }
    this.problem(l.no, `「${quote(t[k], 20)}」不是「${l1?.name ?? ''}」下的二级指标，这一行未导入`);
    return true;
  }

  // ------------------------------------------------------------------------------ result

  finish(): ImportedProject[] {
    const h = this.head;
    h.endCapture();
    const layout = this.layout;
    if (this.phase === 'header' || !layout) {
      if (h.name) this.problem(h.nameLine ?? this.start, `项目「${quote(h.name)}」只有表头信息，没有找到指标表（一级/二级/三级指标），未导入`);
      else this.problem(this.start, '有绩效目标表的标题，但后面没有项目名称和指标表，未导入');
      return [];
    }
    const rows: ImportedRow[] = [];
    for (const r of this.rows) {
      const row = { ...r, name: r.name.trim(), target: r.target.trim() };
      if (row.name === '' && row.target === '') continue; // empty 二级 placeholder
      if (row.name === '') {
        this.problem(row.line, `指标值「${quote(row.target)}」没有三级指标名称，这一行未导入`);
        continue;
      }
      rows.push(row);
    }
    if (!h.name) {
      if (rows.length === 0) {
        this.problem(this.start, '找到指标表表头，但既没有项目名称也没有指标行，未导入');
        return [];
      }
      this.problem(h.nameLine ?? this.start, '缺少项目名称（指标表前没有「项目名称」），导入前请补上');
    } else if (rows.length === 0) {
      this.problem(h.nameLine ?? this.start, `项目「${quote(h.name)}」的指标表中没有读到任何三级指标，请核对粘贴的表格`);
    }
    let nature = h.nature;
    let category = h.category;
    if (h.category2020 !== null) {
      if (nature === null) nature = h.category2020;
      else category = h.category2020;
    }
    const fw = this.fw ?? (layout === '2020-lines' ? SHANGHAI_2020 : MOF_2021);
    return [
      {
        lines: [this.start, this.end],
        layout,
        frameworkCode: fw.code === 'shanghai-2020' ? 'shanghai-2020' : 'mof-2021',
        year: h.year,
        name: h.name ?? '',
        nature,
        category,
        department: h.department,
        org: h.org ?? h.applicant,
        startDate: h.startDate,
        endDate: h.endDate,
        funds: h.fundsSeen ? { ...h.funds } : null,
        overallGoal: h.overallGoal,
        annualGoal: h.annualGoal,
        rows,
      },
    ];
  }
}
