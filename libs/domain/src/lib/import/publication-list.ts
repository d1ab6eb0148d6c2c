/**
 * The publication list (domain README §9, as in the Huzhou 重点项目支出绩效明细表): a header line
 * `单位代码⇥单位名称⇥一级项目名称⇥二级项目名称⇥项目类别⇥金额（万元）⇥绩效指标`, then one row per project.
 * 绩效指标 is one text: `数量指标: 资金支付率≥90%; 社会效益: …`; each `二级: 三级 指标值` part becomes a
 * row of the mof-2021 framework (the 一级 follows from the 二级).
 *
 * Pasted from a spreadsheet, a cell holding line breaks or tabs arrives quoted (`"…"`, `""` for a
 * quote), so a row can span several lines. Merged 单位/一级项目 cells arrive empty on the rows below
 * and are filled from the row above.
 */
import { MOF_2021 } from '../frameworks';
import { normaliseTargetChars } from '../target-value';
import type { FrameworkGroup } from '../types';
import { findLevel1, findLevel2, isBlank, parseMoney, quote, squash, stripHtml } from './import-helpers';
import type { ImportProblem, ImportedProject, ImportedRow, SourceLine } from './import-types';

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

// ---------------------------------------------------------------------------------------------
// The 绩效指标 text
// ---------------------------------------------------------------------------------------------

const SATISFACTION = MOF_2021.groups.find((g) => g.role === 'satisfaction');

type Prefix = { level2: string; group: FrameworkGroup } | { ambiguous: string } | null;

/** `数量指标`, `数量`, `社会效益`, `产出指标-数量指标`, `满意度` → the mof-2021 二级. */
function resolvePrefix(prefix: string): Prefix {
  const parts = squash(normaliseTargetChars(prefix)).split(/[-—–/／>·]/);
  const p = parts[parts.length - 1];
  if (p === '') return null;
  for (const candidate of [p, p + '指标']) {
    const l2 = findLevel2(MOF_2021, candidate);
    if (l2) return { level2: l2.name, group: l2.group };
  }
  for (const candidate of [p, p + '指标']) {
    const l1 = findLevel1(MOF_2021, candidate);
    if (l1 && l1.children.length === 1) return { level2: l1.children[0], group: l1 };
    if (l1) return { ambiguous: l1.name };
  }
  if ((p === '满意度' || p === '服务对象满意度') && SATISFACTION) return { level2: SATISFACTION.children[0], group: SATISFACTION };
  return null;
}

/** Words that end a qualitative 三级 text as its value (`…产业发展水平提高`), longest first. */
const GRADE_WORDS = [
  '支撑作用明显',
  '明显提升',
  '显著提升',
  '有所提升',
  '逐步提高',
  '有效保障',
  '完全符合',
  '提高',
  '提升',
  '加强',
  '促进',
  '保障',
  '扩大',
  '优化',
  '良好',
  '有效',
  '及时',
  '健全',
  '完善',
  '明显',
  '显著',
  '达标',
  '合格',
  '符合',
];

const OPERATOR_SPLIT_RE = /^(.*?)[\s\u3000]*((?:>=|<=|==|≥|≤|≧|≦|＞＝|＜＝|＞=|＜=|>|<|=|＞|＜|＝)[\s\u3000]*[-−]?[0-9０-９].*)$/s;
const COMPARE_SPLIT_RE = /^(.+?)(比.+?(?:低|高|减少|增加|节约)[\s\u3000]*(?:不少于|不低于|不超过|不高于).*)$/s;

/** `资金支付率≥90%` → 资金支付率 | ≥90%; `群众知晓度 良好` → 群众知晓度 | 良好; `水平提高` → 水平 | 提高. */
export function splitIndicator(body: string): { name: string; target: string } {
  const b = body.trim();
  let m = OPERATOR_SPLIT_RE.exec(b);
  if (m && m[1].trim() !== '') return { name: m[1].trim(), target: m[2].trim() };
  m = COMPARE_SPLIT_RE.exec(b);
  if (m && m[1].trim() !== '') return { name: m[1].trim(), target: m[2].trim() };
  m = /^(.*\S)[\s\u3000]+(\S+)$/s.exec(b);
  if (m) return { name: m[1].trim(), target: m[2].trim() };
  const word = GRADE_WORDS.find((w) => b.endsWith(w) && b.length > w.length);
  if (word) return { name: b.slice(0, b.length - word.length).trim(), target: word };
  return { name: b, target: '' };
}

/** The rows of one 绩效指标 text; `line` is where the cell starts. */
export function parseIndicatorText(text: string, line: number, problems: ImportProblem[]): ImportedRow[] {
  const rows: ImportedRow[] = [];
  let level2: { level2: string; group: FrameworkGroup } | null = null;
  const re = /[^;；\n]+/g;
  for (const m of text.matchAll(re)) {
    const segLine = line + (text.slice(0, m.index ?? 0).match(/\n/g)?.length ?? 0);
    const seg = stripHtml(m[0]).trim();
    if (seg === '') continue;
    let body = seg;
    const pm = /^([^:：]{1,24})[:：][\s\u3000]*(.*)$/s.exec(seg);
    if (pm) {
      const p = resolvePrefix(pm[1]);
      if (p && 'level2' in p) {
        level2 = p;
        body = pm[2].trim();
      } else if (p) {
        problems.push({ line: segLine, message: `「${quote(pm[1], 20)}」是一级指标，请写明二级指标（如「数量指标: …」），「${quote(seg)}」未导入` });
        continue;
      } else if (Array.from(squash(pm[1])).length <= 12 && !/[0-9０-９≥≤><=＞＜＝]/.test(pm[1])) {
        problems.push({ line: segLine, message: `「${quote(pm[1], 20)}」不是已知的二级指标，「${quote(seg)}」未导入` });
        continue;
      }
    }
    if (body === '') continue;
    if (!level2) {
      problems.push({ line: segLine, message: `「${quote(seg)}」前没有二级指标（应写成「数量指标: …」），未导入` });
      continue;
    }
    const { name, target } = splitIndicator(body);
    if (name === '') {
      problems.push({ line: segLine, message: `指标值「${quote(target)}」没有三级指标名称，未导入` });
      continue;
    }
    if (target === '') problems.push({ line: segLine, message: `无法从「${quote(body)}」分出指标值，已按无指标值导入` });
    rows.push({ level1: level2.group.name, level2: level2.level2, name, target, line: segLine });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// The list
// ---------------------------------------------------------------------------------------------

export class ListBlock {
  private readonly projects: ImportedProject[] = [];
  private prev = { code: '', unit: '', level1Project: '' };

  constructor(
    readonly start: number,
    private readonly header: ListHeader,
    private readonly year: number | null,
    private readonly problems: ImportProblem[],
  ) {}

  consume(lines: readonly SourceLine[], i: number): number {
    const l = lines[i];
    if (isBlank(l)) return 1;
    if (!l.cells) return 0; // text without cells: the list has ended
    const rec = readRecord(lines, i);
    this.addProject(rec.cells, l.no, lines[rec.next - 1].no);
    return rec.next - i;
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
    return this.projects;
  }
}
