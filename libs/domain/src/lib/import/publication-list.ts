/**
 * The publication list (domain README §9, as in the Huzhou 重点项目支出绩效明细表): a header line
 * `单位代码⇥单位名称⇥一级项目名称⇥二级项目名称⇥项目类别⇥金额（万元）⇥绩效指标`, then one row per project.
 * 绩效指标 is one text (read by indicator-text.ts).
 *
 * Pasted from a spreadsheet, a cell holding line breaks or tabs arrives quoted (`"…"`, `""` for a
 * quote), so a row can span several lines. Merged 单位/一级项目 cells arrive empty on the rows below
 * and are filled from the row above.
 */
import { normaliseTargetChars } from '../target-value';
import { isBlank, parseMoney, quote, squash, stripHtml } from './import-helpers';
import type { ImportProblem, ImportedProject, SourceLine } from './import-types';
import { parseIndicatorText } from './indicator-text';

export { splitIndicator } from './indicator-text';

interface Columns {
  code?: number;
  unit?: number;
  level1Project?: number;
  level2Project?: number;
  name?: number;
  category?: number;
  amount?: number;
  indicators?: number;
  year?: number;
}

export interface ListHeader {
  columns: Columns;
  /** Multiplier from the printed amount to yuan (万元 → 10000). */
  factor: number;
  unitLabel: string;
}

/** The header line of a publication list, or null. */
export function publicationListHeader(l: SourceLine): ListHeader | null {
  if (!l.cells) return null;
  const columns: Columns = {};
  let factor = 10000;
  let unitLabel = '万元';
  l.cells.forEach((c, i) => {
    const s = squash(normaliseTargetChars(c));
    if (/^单位(?:代码|编码)$/.test(s)) columns.code = i;
    else if (/^(?:单位名称|预算单位(?:名称)?)$/.test(s)) columns.unit = i;
    else if (/^一级项目(?:名称)?$/.test(s)) columns.level1Project = i;
    else if (/^二级项目(?:名称)?$/.test(s)) columns.level2Project = i;
    else if (s === '项目名称') columns.name = i;
    else if (/^项目(?:类别|类型)$/.test(s)) columns.category = i;
    else if (/^(?:预算)?年度$/.test(s)) columns.year = i;
    else if (/^绩效(?:指标|目标)(?:及指标值)?$/.test(s)) columns.indicators = i;
    else {
      const m = /^(?:金额|预算金额|项目金额|预算数)(?:\((万元|元|亿元)\))?$/.exec(s);
      if (m) {
        columns.amount = i;
        unitLabel = m[1] ?? '万元';
        factor = unitLabel === '元' ? 1 : unitLabel === '亿元' ? 100000000 : 10000;
      }
    }
  });
  if (columns.indicators === undefined || (columns.level2Project === undefined && columns.name === undefined)) return null;
  return { columns, factor, unitLabel };
}

interface Cell {
  text: string;
  /** Line where the cell starts. */
  line: number;
}

const MAX_QUOTED_LINES = 30;

/** A quoted cell starting at `pos` of line `li`; null when it is not a well-formed quoted cell. */
function readQuoted(lines: readonly SourceLine[], li: number, pos: number): { value: string; li: number; pos: number } | null {
  let value = '';
  let s = lines[li].raw;
  let p = pos + 1;
  const first = li;
  for (;;) {
    const q = s.indexOf('"', p);
    if (q < 0) {
      value += s.slice(p) + '\n';
      li++;
      if (li >= lines.length || li - first > MAX_QUOTED_LINES) return null;
      s = lines[li].raw;
      p = 0;
      continue;
    }
    value += s.slice(p, q);
    if (s[q + 1] === '"') {
      value += '"';
      p = q + 2;
      continue;
    }
    const after = q + 1;
    if (after < s.length && s[after] !== '\t') return null; // `"一网通办"线下…`: a quote inside text
    return { value, li, pos: after };
  }
}

/** One tab-separated record starting at line `start` (spreadsheet quoting honoured). */
function readRecord(lines: readonly SourceLine[], start: number): { cells: Cell[]; next: number } {
  const cells: Cell[] = [];
  let li = start;
  let s = lines[li].raw;
  let pos = 0;
  for (;;) {
    const line = lines[li].no;
    if (s[pos] === '"') {
      const q = readQuoted(lines, li, pos);
      if (q) {
        cells.push({ text: q.value, line });
        li = q.li;
        s = lines[li].raw;
        pos = q.pos;
        if (pos >= s.length) break;
        pos++;
        continue;
      }
    }
    const tab = s.indexOf('\t', pos);
    cells.push({ text: tab < 0 ? s.slice(pos) : s.slice(pos, tab), line });
    if (tab < 0) break;
    pos = tab + 1;
  }
  return { cells, next: li + 1 };
}

/** Index of the last cell holding text. */
function lastFilled(cells: Cell[]): number {
  for (let k = cells.length - 1; k >= 0; k--) if (cells[k].text.trim() !== '') return k;
  return 0;
}

/**
 * Cells of a wrapped row put back together, column by column: names are joined without a space
 * (Chinese wraps anywhere), the 绩效指标 text with a line break (parseIndicatorText joins it back).
 */
function mergeCells(a: Cell[], b: Cell[], indicatorsCol: number | undefined): Cell[] {
  const out: Cell[] = [];
  for (let k = 0; k < Math.max(a.length, b.length); k++) {
    const x = a[k];
    const y = b[k];
    if (!x || x.text.trim() === '') out.push(y ?? x);
    else if (!y || y.text.trim() === '') out.push(x);
    else out.push({ text: k === indicatorsCol ? `${x.text}\n${y.text}` : x.text.trimEnd() + y.text.trim(), line: x.line });
  }
  return out;
}

function merge(a: Pending, b: Pending, indicatorsCol: number | undefined): Pending {
  return { cells: mergeCells(a.cells, b.cells, indicatorsCol), first: a.first, last: b.last };
}

// ---------------------------------------------------------------------------------------------
// The list
// ---------------------------------------------------------------------------------------------

/** The record read last, kept open while the following lines may continue its cells. */
interface Pending {
  cells: Cell[];
  first: number;
  last: number;
}

export class ListBlock {
  private readonly projects: ImportedProject[] = [];
  private prev = { code: '', unit: '', level1Project: '' };
  /**
   * A PDF wraps a long cell onto the next lines: lines without tabs, or with only the wrapped cells
   * filled, right under a record continue it. Before the first record (or after a blank line) such a
   * line starts the next record instead.
   */
  private pending: Pending | null = null;
  private lead: Pending | null = null;
  private blankBefore = false;

  constructor(
    readonly start: number,
    private readonly header: ListHeader,
    private readonly year: number | null,
    private readonly problems: ImportProblem[],
  ) {}

  consume(lines: readonly SourceLine[], i: number): number {
    const l = lines[i];
    if (isBlank(l)) {
      this.blankBefore = true;
      return 1;
    }
    if (!l.cells) {
      if (!this.pending || this.blankBefore) return 0; // text without cells: the list has ended
      const col = lastFilled(this.pending.cells);
      this.pending.cells = mergeCells(this.pending.cells, [...Array<Cell>(col).fill({ text: '', line: l.no }), { text: l.text, line: l.no }], this.header.columns.indicators);
      this.pending.last = l.no;
      return 1;
    }
    const rec = readRecord(lines, i);
    const part: Pending = { cells: rec.cells, first: l.no, last: lines[rec.next - 1].no };
    if (this.isPartial(rec.cells)) {
      if (this.pending && !this.blankBefore) this.pending = merge(this.pending, part, this.header.columns.indicators);
      else this.lead = this.lead ? merge(this.lead, part, this.header.columns.indicators) : part;
    } else {
      this.flush();
      this.pending = this.lead ? merge(this.lead, part, this.header.columns.indicators) : part;
      this.lead = null;
    }
    this.blankBefore = false;
    return rec.next - i;
  }

  /** Only wrapped text: no unit, category, amount or year of its own. */
  private isPartial(cells: Cell[]): boolean {
    const cols = this.header.columns;
    const filled = (col: number | undefined) => col !== undefined && stripHtml(cells[col]?.text ?? '').trim() !== '';
    if ([cols.code, cols.unit, cols.category, cols.amount, cols.year].some(filled)) return false;
    return cells.some((c) => c.text.trim() !== '');
  }

  private flush(): void {
    if (this.pending) this.addProject(this.pending.cells, this.pending.first, this.pending.last);
    this.pending = null;
  }

  private addProject(cells: Cell[], first: number, last: number): void {
    const cols = this.header.columns;
    const cell = (col: number | undefined): Cell | undefined => (col === undefined ? undefined : cells[col]);
    const get = (col: number | undefined): string => stripHtml(cell(col)?.text ?? '').trim();
    // Merged cells arrive empty on the rows below: fill them from the row above.
    const code = get(cols.code) || this.prev.code;
    const unit = get(cols.unit) || this.prev.unit;
    const level1Printed = get(cols.level1Project);
    const level1Project = level1Printed || this.prev.level1Project;
    this.prev = { code, unit, level1Project };

    const name = get(cols.level2Project) || get(cols.name) || level1Printed;
    if (name === '') this.problems.push({ line: first, message: '缺少项目名称（二级项目名称为空），导入前请补上' });

    let funds: ImportedProject['funds'] = null;
    const amountText = get(cols.amount);
    const amount = parseMoney(amountText, this.header.factor);
    if (!amount.ok) {
      this.problems.push({ line: first, message: `金额「${quote(amountText)}」不是数字（${this.header.unitLabel}），未导入` });
    } else if (amount.value !== null) {
      funds = { total: null, fiscal: null, other: null, annualTotal: amount.value, annualFiscal: null, carryover: null, annualOther: null };
    }

    const yearText = /(?:19|20)\d{2}/.exec(normaliseTargetChars(get(cols.year)));
    const ind = cell(cols.indicators);
    const rows = ind ? parseIndicatorText(ind.text, ind.line, this.problems) : [];
    if (rows.length === 0) {
      this.problems.push({ line: first, message: `项目「${quote(name || '（无名称）')}」没有读到任何绩效指标（绩效指标一栏为空或无法识别），请核对` });
    }
    this.projects.push({
      lines: [first, last],
      layout: 'publication-list',
      frameworkCode: 'mof-2021',
      year: yearText ? Number(yearText[0]) : this.year,
      name,
      nature: null,
      category: get(cols.category) || null,
      department: null,
      org: unit || null,
      startDate: null,
      endDate: null,
      funds,
      overallGoal: null,
      annualGoal: null,
      rows,
    });
  }

  finish(): ImportedProject[] {
    this.flush();
    if (this.lead) this.addProject(this.lead.cells, this.lead.first, this.lead.last);
    this.lead = null;
    return this.projects;
  }
}
