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
import type { Framework, FrameworkGroup, Funds } from '../types';
import {
  emptyFunds,
  findLevel1,
  findLevel2,
  frameworkOfLevel,
  isBlank,
  isPageNumber,
  looksLikeValue,
  parseDate,
  parseMoney,
  printedYear,
  quote,
  squash,
  tokens,
} from './import-helpers';
import type { ImportProblem, ImportedProject, ImportedRow, SourceLine } from './import-types';

type TableLayout = '2020-lines' | '2024-tabs';

type Level = { kind: 'l1'; fw: Framework; group: FrameworkGroup } | { kind: 'l2'; fw: Framework; group: FrameworkGroup; name: string };

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

// ---------------------------------------------------------------------------------------------
// Header fields
// ---------------------------------------------------------------------------------------------

type FieldKey =
  | 'name'
  | 'nature'
  | 'category'
  | 'department'
  | 'org'
  | 'applicant'
  | 'startDate'
  | 'endDate'
  | 'total'
  | 'fiscal'
  | 'other'
  | 'annualTotal'
  | 'annualFiscal'
  | 'carryover'
  | 'overallGoal'
  | 'annualGoal'
  | 'ignored';

/** Labels of the 2020 line layout (`标签： 值`, several on one line). Sources without capturing groups. */
const LABELS_2020: ReadonlyArray<{ key: FieldKey; re: string }> = [
  { key: 'applicant', re: '申报单位(?:名称)?' },
  { key: 'name', re: '项目名称' },
  { key: 'nature', re: '项目性质' },
  { key: 'category', re: '项目类别' },
  { key: 'department', re: '主管部门' },
  { key: 'org', re: '实施单位' },
  { key: 'startDate', re: '计划开始日期' },
  { key: 'endDate', re: '计划完成日期' },
  { key: 'total', re: '项目(?:资金)?总(?:预算|额)[\\s\\u3000]*(?:[（(]元[)）])?' },
  { key: 'annualTotal', re: '项目当年预算[\\s\\u3000]*(?:[（(]元[)）])?' },
  { key: 'overallGoal', re: '(?:总目标及阶段性目标|项目总目标)' },
  { key: 'annualGoal', re: '年度(?:总体)?目标' },
  { key: 'ignored', re: '是否含有政府购买服务' },
  { key: 'ignored', re: '绩效类型' },
  { key: 'ignored', re: '同名项目上年预算(?:额|执行数)[\\s\\u3000]*(?:[（(]元[)）])?' },
  { key: 'ignored', re: '项目概况|项目概述|立项依据|项目设立的必要性|保证项目实施的制度、措施|项目实施计划' },
];

const LABEL_RE_2020 = new RegExp(`(?:${LABELS_2020.map((l) => `(${l.re})`).join('|')})[\\s\\u3000]*[：:]`, 'g');

/** The `标签： 值` fields of a 2020 line; only when the line starts with a label. */
function fields2020(text: string): Array<{ key: FieldKey; value: string }> {
  const matches: Array<{ key: FieldKey; start: number; end: number }> = [];
  for (const m of text.matchAll(LABEL_RE_2020)) {
    const g = m.slice(1).findIndex((x) => x !== undefined);
    matches.push({ key: LABELS_2020[g].key, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  if (matches.length === 0 || matches[0].start !== 0) return [];
  return matches.map((m, i) => ({ key: m.key, value: text.slice(m.end, matches[i + 1]?.start ?? text.length).trim() }));
}

const LABELS_2024: Readonly<Record<string, FieldKey>> = {
  项目名称: 'name',
  项目性质: 'nature',
  项目类别: 'category',
  主管部门: 'department',
  实施单位: 'org',
  申报单位: 'applicant',
  申报单位名称: 'applicant',
  计划开始日期: 'startDate',
  计划完成日期: 'endDate',
  项目资金总额: 'total',
  财政资金: 'fiscal',
  其他资金: 'other',
  年度资金申请总额: 'annualTotal',
  当年财政拨款: 'annualFiscal',
  上年结转资金: 'carryover',
  项目总目标: 'overallGoal',
  年度总体目标: 'annualGoal',
};

function label2024(cell: string): FieldKey | undefined {
  const s = squash(cell)
    .replace(/^其中[：:]?/, '')
    .replace(/[：:]$/, '');
  return Object.prototype.hasOwnProperty.call(LABELS_2024, s) ? LABELS_2024[s] : undefined;
}

const MONEY_KEYS: ReadonlySet<FieldKey> = new Set<FieldKey>(['total', 'fiscal', 'other', 'annualTotal', 'annualFiscal', 'carryover']);
type FundKey = keyof Funds;
const MONEY_LABELS: Readonly<Record<FundKey, string>> = {
  total: '项目资金总额',
  fiscal: '财政资金',
  other: '其他资金',
  annualTotal: '年度资金申请总额',
  annualFiscal: '当年财政拨款',
  carryover: '上年结转资金',
  annualOther: '其他资金',
};

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

  private year: number | null;
  private name: string | null = null;
  private nameLine: number | null = null;
  private nature: string | null = null;
  private category: string | null = null;
  /** 项目类别 printed in the 2020 line layout: there it is what the 2024 form calls 项目性质. */
  private category2020: string | null = null;
  private department: string | null = null;
  private org: string | null = null;
  private applicant: string | null = null;
  private startDate: string | null = null;
  private endDate: string | null = null;
  private funds = emptyFunds();
  private fundsSeen = false;
  private overallGoal: string | null = null;
  private annualGoal: string | null = null;

  /** 2020: a label with its text on the following lines. */
  private capture: { key: FieldKey; parts: string[] } | null = null;
  /** 2024: the goal labels seen; their texts are on the next line. */
  private goalLabels: Array<{ key: 'overallGoal' | 'annualGoal'; col: number }> | null = null;
  /** 2024: column of the 年度资金申请总额 label (the right-hand 其他资金 is the annual one). */
  private annualCol = 3;

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
    this.year = m?.[1] ? Number(m[1]) : null;
  }

  /** A 项目名称 line belongs to this table (instead of starting the next one). */
  wantsName(): boolean {
    return this.phase === 'header' && this.name === null;
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
      this.endCapture();
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
    this.endCapture();
    this.goalLabels = null;
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

  // ------------------------------------------------------------------------------ header fields

  private header(l: SourceLine): boolean {
    if (!l.cells) {
      const y = printedYear(l.text);
      if (y !== null) {
        if (this.year === null) this.year = y;
        return true;
      }
      return this.header2020(l);
    }
    return this.header2024(l);
  }

  private endCapture(): void {
    if (!this.capture) return;
    const text = this.capture.parts.join('').trim();
    if (text !== '') this.setText(this.capture.key, text);
    this.capture = null;
  }

  private setText(key: FieldKey, text: string): void {
    if (key === 'overallGoal') this.overallGoal = text;
    else if (key === 'annualGoal') this.annualGoal = text;
  }

  private header2020(l: SourceLine): boolean {
    const fields = fields2020(l.text);
    if (fields.length === 0) {
      if (this.capture) {
        this.capture.parts.push(l.text);
        return true;
      }
      // A row although no indicator header was printed: the table has begun.
      const t = tokens(l.text);
      const first = t.length >= 2 ? this.classify(t[0]) : null;
      if (first?.kind === 'l2' || (first?.kind === 'l1' && this.classify(t[1])?.kind === 'l2')) {
        this.phase = 'body';
        this.layout = '2020-lines';
        return this.body2020(l);
      }
      return true; // descriptive text (项目概况 …): not imported
    }
    this.endCapture();
    for (const f of fields) {
      if (f.key === 'category') this.category2020 = f.value || null;
      else if ((f.key === 'overallGoal' || f.key === 'annualGoal' || f.key === 'ignored') && f.value === '') {
        this.capture = { key: f.key, parts: [] };
      } else this.setField(f.key, f.value, l.no);
    }
    return true;
  }

  private header2024(l: SourceLine): boolean {
    const cells = l.cells ?? [];
    if (this.goalLabels) {
      this.readGoals(cells);
      this.goalLabels = null;
      return true;
    }
    const goals: Array<{ key: 'overallGoal' | 'annualGoal'; col: number }> = [];
    let matched = false;
    cells.forEach((c, idx) => {
      const key = label2024(c);
      if (!key) return;
      matched = true;
      const next = cells[idx + 1] ?? '';
      const value = label2024(next) ? '' : next;
      if (key === 'overallGoal' || key === 'annualGoal') {
        if (value !== '') this.setText(key, value);
        else goals.push({ key, col: idx });
        return;
      }
      if (key === 'annualTotal') this.annualCol = idx;
      if (key === 'other' && idx >= this.annualCol) {
        this.setMoney('annualOther', value, l.no);
        return;
      }
      this.setField(key, value, l.no);
    });
    if (goals.length > 0) this.goalLabels = goals;
    if (!matched && cells.some((c) => this.classify(c)?.kind === 'l2')) {
      // A row although no indicator header was printed: the table has begun.
      this.phase = 'body';
      this.layout = '2024-tabs';
      return this.body2024(l);
    }
    return true;
  }

  /** The line after `项目总目标 … 年度总体目标` holds the two texts under their labels. */
  private readGoals(cells: string[]): void {
    const labels = [...(this.goalLabels ?? [])].sort((a, b) => a.col - b.col);
    const filled = cells.map((c, col) => ({ c, col })).filter((x) => x.c !== '');
    if (filled.length === labels.length) {
      labels.forEach((lab, i) => this.setText(lab.key, filled[i].c));
      return;
    }
    labels.forEach((lab, i) => {
      const until = labels[i + 1]?.col ?? Infinity;
      const hit = filled.find((x) => x.col >= lab.col && x.col < until);
      if (hit) this.setText(lab.key, hit.c);
    });
  }

  private setField(key: FieldKey, value: string, line: number): void {
    const v = value.trim();
    switch (key) {
      case 'name':
        this.name = v;
        this.nameLine = line;
        return;
      case 'nature':
        this.nature = v || null;
        return;
      case 'category':
        this.category = v || null;
        return;
      case 'department':
        this.department = v || null;
        return;
      case 'org':
        this.org = v || null;
        return;
      case 'applicant':
        this.applicant = v || null;
        return;
      case 'startDate':
      case 'endDate': {
        const d = parseDate(v);
        if (d.ok) this[key] = d.value;
        else this.problem(line, `${key === 'startDate' ? '计划开始日期' : '计划完成日期'}「${quote(v)}」不是有效日期（应为 2024-01-01 这样的格式），未导入`);
        return;
      }
      case 'overallGoal':
      case 'annualGoal':
        this.setText(key, v);
        return;
      default:
        if (MONEY_KEYS.has(key)) this.setMoney(key as FundKey, v, line);
    }
  }

  private setMoney(key: FundKey, value: string, line: number): void {
    this.fundsSeen = true;
    const m = parseMoney(value);
    if (m.ok) this.funds[key] = m.value;
    else this.problem(line, `${MONEY_LABELS[key]}「${quote(value)}」不是金额（元），未导入`);
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
    this.endCapture();
    const layout = this.layout;
    if (this.phase === 'header' || !layout) {
      if (this.name) this.problem(this.nameLine ?? this.start, `项目「${quote(this.name)}」只有表头信息，没有找到指标表（一级/二级/三级指标），未导入`);
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
    if (!this.name) {
      if (rows.length === 0) {
        this.problem(this.start, '找到指标表表头，但既没有项目名称也没有指标行，未导入');
        return [];
      }
      this.problem(this.nameLine ?? this.start, '缺少项目名称（指标表前没有「项目名称」），导入前请补上');
    } else if (rows.length === 0) {
      this.problem(this.nameLine ?? this.start, `项目「${quote(this.name)}」的指标表中没有读到任何三级指标，请核对粘贴的表格`);
    }
    let nature = this.nature;
    let category = this.category;
    if (this.category2020 !== null) {
      if (nature === null) nature = this.category2020;
      else category = this.category2020;
    }
    const fw = this.fw ?? (layout === '2020-lines' ? SHANGHAI_2020 : MOF_2021);
    return [
      {
        lines: [this.start, this.end],
        layout,
        frameworkCode: fw.code === 'shanghai-2020' ? 'shanghai-2020' : 'mof-2021',
        year: this.year,
        name: this.name ?? '',
        nature,
        category,
        department: this.department,
        org: this.org ?? this.applicant,
        startDate: this.startDate,
        endDate: this.endDate,
        funds: this.fundsSeen ? { ...this.funds } : null,
        overallGoal: this.overallGoal,
        annualGoal: this.annualGoal,
        rows,
      },
    ];
  }
}
