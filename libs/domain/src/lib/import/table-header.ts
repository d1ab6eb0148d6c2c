/**
 * The header fields of one target table (see published-table.ts): `标签： 值` lines of the 2020 layout,
 * label and value cells of the 2024 layout, and the goal texts printed under their labels.
 */
import { FUND_LABELS, PROJECT_FIELD_LABELS } from '../fields/project-fields';
import type { Framework, FrameworkGroup, Funds } from '../types';
import { emptyFunds, parseDate, parseMoney, printedYear, quote, squash, tokens } from './import-helpers';
import type { ImportProblem, SourceLine } from './import-types';

export type Level = { kind: 'l1'; fw: Framework; group: FrameworkGroup } | { kind: 'l2'; fw: Framework; group: FrameworkGroup; name: string };

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

/** Labels of the 2020 line layout (`标签： 值`, several on one line): the catalogue's, and the 2020 variants. Sources without capturing groups. */
const LABELS_2020: ReadonlyArray<{ key: FieldKey; re: string }> = [
  { key: 'applicant', re: '申报单位(?:名称)?' },
  { key: 'name', re: PROJECT_FIELD_LABELS.name },
  { key: 'nature', re: PROJECT_FIELD_LABELS.nature },
  { key: 'category', re: PROJECT_FIELD_LABELS.category },
  { key: 'department', re: PROJECT_FIELD_LABELS.department },
  { key: 'org', re: PROJECT_FIELD_LABELS.org },
  { key: 'startDate', re: PROJECT_FIELD_LABELS.startDate },
  { key: 'endDate', re: PROJECT_FIELD_LABELS.endDate },
  { key: 'total', re: '项目(?:资金)?总(?:预算|额)[\\s\\u3000]*(?:[（(]元[)）])?' },
  { key: 'annualTotal', re: '项目当年预算[\\s\\u3000]*(?:[（(]元[)）])?' },
  { key: 'overallGoal', re: '(?:总目标及阶段性目标|项目总目标)' },
  { key: 'annualGoal', re: '年度(?:总体)?目标' },
  { key: 'ignored', re: PROJECT_FIELD_LABELS.governmentPurchase },
  { key: 'ignored', re: PROJECT_FIELD_LABELS.performanceType },
  { key: 'ignored', re: '同名项目上年预算(?:额|执行数)[\\s\\u3000]*(?:[（(]元[)）])?' },
  { key: 'ignored', re: [PROJECT_FIELD_LABELS.overview, '项目概述', PROJECT_FIELD_LABELS.basis, PROJECT_FIELD_LABELS.necessity, PROJECT_FIELD_LABELS.measures, PROJECT_FIELD_LABELS.plan].join('|') },
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

const F = PROJECT_FIELD_LABELS;
/** Labels of the 2024 grid layout (the catalogue's, as the form prints them without 其中：), and the 2020 names of 实施单位. */
const LABELS_2024: Readonly<Record<string, FieldKey>> = {
  [F.name]: 'name',
  [F.nature]: 'nature',
  [F.category]: 'category',
  [F.department]: 'department',
  [F.org]: 'org',
  申报单位: 'applicant',
  申报单位名称: 'applicant',
  [F.startDate]: 'startDate',
  [F.endDate]: 'endDate',
  [FUND_LABELS.total]: 'total',
  [FUND_LABELS.fiscal]: 'fiscal',
  [FUND_LABELS.other]: 'other',
  [FUND_LABELS.annualTotal]: 'annualTotal',
  [FUND_LABELS.annualFiscal]: 'annualFiscal',
  [FUND_LABELS.carryover]: 'carryover',
  [F.totalGoal]: 'overallGoal',
  [F.annualGoal]: 'annualGoal',
};

function label2024(cell: string): FieldKey | undefined {
  const s = squash(cell)
    .replace(/^其中[：:]?/, '')
    .replace(/[：:]$/, '');
  return Object.prototype.hasOwnProperty.call(LABELS_2024, s) ? LABELS_2024[s] : undefined;
}

const MONEY_KEYS: ReadonlySet<FieldKey> = new Set<FieldKey>(['total', 'fiscal', 'other', 'annualTotal', 'annualFiscal', 'carryover']);
type FundKey = keyof Funds;

export class TableHeader {
  year: number | null;
  name: string | null = null;
  nameLine: number | null = null;
  nature: string | null = null;
  category: string | null = null;
  /** 项目类别 printed in the 2020 line layout: there it is what the 2024 form calls 项目性质. */
  category2020: string | null = null;
  department: string | null = null;
  org: string | null = null;
  applicant: string | null = null;
  startDate: string | null = null;
  endDate: string | null = null;
  funds = emptyFunds();
  fundsSeen = false;
  overallGoal: string | null = null;
  annualGoal: string | null = null;

  /** 2020: a label with its text on the following lines. */
  private capture: { key: FieldKey; parts: string[] } | null = null;
  /** 2024: the goal labels seen; their texts are on the next line. */
  private goalLabels: Array<{ key: 'overallGoal' | 'annualGoal'; col: number }> | null = null;
  /** 2024: column of the 年度资金申请总额 label (the right-hand 其他资金 is the annual one). */
  private annualCol = 3;

  constructor(
    private readonly problems: ImportProblem[],
    year: number | null,
  ) {
    this.year = year;
  }

  /** Leaving the header for the indicator table: a capture ends, goal labels wait no more. */
  leave(): void {
    this.endCapture();
    this.goalLabels = null;
  }

  /** One line of the header; `row` when it is already an indicator row (no indicator header was printed). */
  read(l: SourceLine, classify: (cell: string) => Level | null): 'field' | 'row' {
    if (!l.cells) {
      const y = printedYear(l.text);
      if (y !== null) {
        if (this.year === null) this.year = y;
        return 'field';
      }
      return this.header2020(l, classify);
    }
    return this.header2024(l, classify);
  }

  endCapture(): void {
    if (!this.capture) return;
    const text = this.capture.parts.join('').trim();
    if (text !== '') this.setText(this.capture.key, text);
    this.capture = null;
  }

  private setText(key: FieldKey, text: string): void {
    if (key === 'overallGoal') this.overallGoal = text;
    else if (key === 'annualGoal') this.annualGoal = text;
  }

  private header2020(l: SourceLine, classify: (cell: string) => Level | null): 'field' | 'row' {
    const fields = fields2020(l.text);
    if (fields.length === 0) {
      if (this.capture) {
        this.capture.parts.push(l.text);
        return 'field';
      }
      // A row although no indicator header was printed: the table has begun.
      const t = tokens(l.text);
      const first = t.length >= 2 ? classify(t[0]) : null;
      if (first?.kind === 'l2' || (first?.kind === 'l1' && classify(t[1])?.kind === 'l2')) return 'row';
      return 'field'; // descriptive text (项目概况 …): not imported
    }
    this.endCapture();
    for (const f of fields) {
      if (f.key === 'category') this.category2020 = f.value || null;
      else if ((f.key === 'overallGoal' || f.key === 'annualGoal' || f.key === 'ignored') && f.value === '') {
        this.capture = { key: f.key, parts: [] };
      } else this.setField(f.key, f.value, l.no);
    }
    return 'field';
  }

  private header2024(l: SourceLine, classify: (cell: string) => Level | null): 'field' | 'row' {
    const cells = l.cells ?? [];
    if (this.goalLabels) {
      this.readGoals(cells);
      this.goalLabels = null;
      return 'field';
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
    // a row although no indicator header was printed: the table has begun
    return !matched && cells.some((c) => classify(c)?.kind === 'l2') ? 'row' : 'field';
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
      case 'category':
      case 'department':
      case 'org':
      case 'applicant':
        this[key] = v || null;
        return;
      case 'startDate':
      case 'endDate': {
        const d = parseDate(v);
        if (d.ok) this[key] = d.value;
        else this.problems.push({ line, message: `${PROJECT_FIELD_LABELS[key]}「${quote(v)}」不是有效日期（应为 2024-01-01 这样的格式），未导入` });
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
    else this.problems.push({ line, message: `${FUND_LABELS[key]}「${quote(value)}」不是金额（元），未导入` });
  }
}
