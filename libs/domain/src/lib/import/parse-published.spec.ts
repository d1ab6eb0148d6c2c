import * as fs from 'fs';
import * as path from 'path';
import { REFERENCE_TABLES, isPlaceholderRow, type ReferenceTable } from '../../fixtures/reference-tables';
import * as fixture from '../../fixtures/reference-tables.json';
import { normaliseLevelName } from '../frameworks';
import { parsePublishedText, splitIndicator, type ImportedProject, type ImportedRow } from './parse-published';

const REFERENCE_DIR = path.resolve(__dirname, '../../fixtures/reference');
const LIST_FIXTURE = path.resolve(__dirname, 'fixtures/publication-list-2024.txt');
/** What the list's projects are read as (a `note` says why a value is what it is). */
const LIST_EXPECTED = JSON.parse(fs.readFileSync(path.resolve(__dirname, 'fixtures/publication-list-2024.expected.json'), 'utf8')) as Array<{
  lines: [number, number];
  name: string;
  category: string;
  org: string;
  annualTotal: string;
  rows: Array<[string, string, string, string, number]>;
}>;

function readReference(file: string): string {
  return fs.readFileSync(path.join(REFERENCE_DIR, file), 'utf8');
}

/** Lines `from`..`to` (1-based, inclusive) of a reference file, as a paste. */
function excerpt(file: string, from: number, to: number): string {
  return readReference(file)
    .split(/\r?\n/)
    .slice(from - 1, to)
    .join('\n');
}

type Comparable = { level1: string; level2: string; name: string; target: string };

function comparableFixtureRows(t: ReferenceTable): Comparable[] {
  return t.rows
    .filter((r) => !isPlaceholderRow(r))
    .map((r) => ({ level1: normaliseLevelName(r.level1), level2: normaliseLevelName(r.level2), name: r.name, target: r.target }));
}

function comparableRows(rows: readonly ImportedRow[]): Comparable[] {
  return rows.map((r) => ({ level1: normaliseLevelName(r.level1), level2: normaliseLevelName(r.level2), name: r.name, target: r.target }));
}

/** What a parsed table must equal, from the hand-transcribed fixture (all fields the parser fills). */
function expectedProject(t: ReferenceTable, offset = 0): Omit<ImportedProject, 'rows' | 'layout'> & { rows: Comparable[] } {
  return {
    lines: [t.lines[0] - offset, t.lines[1] - offset],
    frameworkCode: t.frameworkCode,
    year: t.year,
    name: t.name,
    nature: t.nature,
    category: t.category,
    department: t.department,
    org: t.org,
    startDate: t.startDate,
    endDate: t.endDate,
    funds: t.funds,
    overallGoal: t.overallGoal,
    annualGoal: t.annualGoal,
    rows: comparableFixtureRows(t),
  };
}

function observedProject(p: ImportedProject): Omit<ImportedProject, 'rows' | 'layout'> & { rows: Comparable[] } {
  return {
    lines: p.lines,
    frameworkCode: p.frameworkCode,
    year: p.year,
    name: p.name,
    nature: p.nature,
    category: p.category,
    department: p.department,
    org: p.org,
    startDate: p.startDate,
    endDate: p.endDate,
    funds: p.funds,
    overallGoal: p.overallGoal,
    annualGoal: p.annualGoal,
    rows: comparableRows(p.rows),
  };
}

/** The printed line of every non-placeholder row (`rowLines` of reference-tables.json: "57", "67-69"), in REFERENCE_TABLES order. */
function fixtureRowLines(): Array<{ name: string; line: number }> {
  const lines = fixture.rowLines as Record<string, string[]>;
  return REFERENCE_TABLES.flatMap((t) =>
    t.rows.map((r, i) => ({ row: r, line: Number(lines[t.id][i].split('-')[0]) })).filter((x) => x.row.name !== '' || x.row.target !== ''),
  ).map((x) => ({ name: x.row.name, line: x.line }));
}

const FILES: ReadonlyArray<[string, number, string]> = [
  ['shanghai-2020-xining-office-targets.txt', 2, '2020-lines'],
  ['yangpu-2024-gov-office-budget-part1.txt', 4, '2024-tabs'],
  ['shanghai-2024-coop-office-budget.txt', 0, '-'],
  ['shanghai-2025-coop-office-budget.txt', 0, '-'],
];

describe('parsePublishedText on the reference documents', () => {
  const parsed = new Map(FILES.map(([file]) => [file, parsePublishedText(readReference(file))]));

  test.each(FILES)('%s holds %i tables (layout %s) and no problem', (file, tables, layout) => {
    const r = parsed.get(file);
    expect(r?.projects).toHaveLength(tables);
    expect(r?.problems).toEqual([]);
    for (const p of r?.projects ?? []) expect(p.layout).toBe(layout);
  });

  test('the row counts per table are the hand-counted ones (12 + 12; 4 + 46 + 4 + 5)', () => {
    const counts = FILES.map(([file]) => (parsed.get(file)?.projects ?? []).map((p) => p.rows.length));
    expect(counts).toEqual([[12, 12], [4, 46, 4, 5], [], []]);
  });

  describe.each(REFERENCE_TABLES.map((t) => [t.id, t] as const))('%s', (_id, table) => {
    const projects = parsed.get(table.source)?.projects ?? [];
    const index = REFERENCE_TABLES.filter((t) => t.source === table.source).indexOf(table);

    test('every field and every row equals the hand transcription', () => {
      expect(Object.keys(projects[index]).sort()).toEqual([...Object.keys(expectedProject(table)), 'layout'].sort());
      expect(observedProject(projects[index])).toEqual(expectedProject(table));
    });

    test('each row points at the line where it is printed', () => {
      const lines = readReference(table.source).split(/\r?\n/);
      for (const row of projects[index].rows) {
        expect(row.line).toBeGreaterThanOrEqual(table.lines[0]);
        expect(row.line).toBeLessThanOrEqual(table.lines[1]);
        expect(lines[row.line - 1]).toContain(row.name);
      }
    });
  });

  test('row line numbers equal the L-comments of the fixture, for all 83 rows (24 + 59)', () => {
    const parsedLines = REFERENCE_TABLES.flatMap((t) => {
      const list = parsed.get(t.source)?.projects ?? [];
      const idx = REFERENCE_TABLES.filter((x) => x.source === t.source).indexOf(t);
      return list[idx].rows.map((r) => ({ name: r.name, line: r.line }));
    });
    const expected = fixtureRowLines();
    expect(expected).toHaveLength(83);
    expect(parsedLines).toEqual(expected);
  });

  test('rows shifted by the PDF (政府办公厅 lines 449, 451, 480–485) are put back into their columns', () => {
    const table = parsed.get('yangpu-2024-gov-office-budget-part1.txt')?.projects[1];
    const byLine = new Map((table?.rows ?? []).map((r) => [r.line, r]));
    expect(byLine.get(449)).toEqual({ level1: '产出指标', level2: '数量指标', name: '完成革命老区对口合作任务(合作交流科)', target: '=100.00(%)', core: false, line: 449 });
    expect(byLine.get(451)).toEqual({ level1: '产出指标', level2: '质量指标', name: '组织开展好区政府各类会议、活动（秘书科）', target: '=100.00(%)', core: false, line: 451 });
    expect([480, 481, 482, 483, 484, 485].map((n) => [byLine.get(n)?.level2, byLine.get(n)?.target])).toEqual([
      ['服务对象满意度指标', '完全符合'],
      ['服务对象满意度指标', '良好'],
      ['服务对象满意度指标', '≥90.00(%)'],
      ['服务对象满意度指标', '≥90.00(%)'],
      ['服务对象满意度指标', '≥85.00(%)'],
      ['服务对象满意度指标', '良好'],
    ]);
    expect(byLine.get(485)?.level1).toBe('满意度指标');
  });

  /** Lines `from`–`to` of a table's document, line `at` (checked to read `was`) printed as `now`: still the table's rows. */
  function expectSameRowsWithLine(table: ReferenceTable, [from, to]: [number, number], at: number, was: string, now: string): void {
    const lines = excerpt(table.source, from, to).split('\n');
    expect(lines[at - from]).toBe(was);
    lines[at - from] = now;
    const r = parsePublishedText(lines.join('\n'));
    expect(r.problems).toEqual([]);
    expect(comparableRows(r.projects[0].rows)).toEqual(comparableFixtureRows(table));
  }

  test('a 一级 that was not printed at all follows from the 二级 (not a problem)', () => {
    const waishiban = REFERENCE_TABLES.find((t) => t.id === 'yangpu-2024-waishiban-chufang') as ReferenceTable;
    expectSameRowsWithLine(waishiban, [369, 393], 389, '\t效益指标\t经济效益指标\t\t\t', '\t\t经济效益指标\t\t\t');
    expectSameRowsWithLine(REFERENCE_TABLES[0], [2, 91], 73, '效果目标', '');
  });

  test('a 2020 value wrapped over three lines is one value', () => {
    const row = parsed.get('shanghai-2020-xining-office-targets.txt')?.projects[0].rows.find((r) => r.line === 67);
    expect(row?.target).toBe('按照课题研究、服务保障工作年度总体要求和计划安排，完成任务达到总体目标要求');
  });
});

describe('pastes that are not whole documents', () => {
  test('one 2024 table copied from the middle of the file: line numbers are relative to the paste', () => {
    const table = REFERENCE_TABLES.find((t) => t.id === 'yangpu-2024-zhengfu-bangongting') as ReferenceTable;
    const r = parsePublishedText(excerpt(table.source, 425, 485));
    expect(r.problems).toEqual([]);
    expect(r.projects).toHaveLength(1);
    expect(observedProject(r.projects[0])).toEqual(expectedProject(table, 424));
    expect(r.projects[0].rows[0].line).toBe(439 - 424);
    expect(r.projects[0].rows.map((x) => x.line)).toEqual(fixtureRowLines().slice(12 + 12 + 4, 12 + 12 + 4 + 46).map((x) => x.line - 424));
  });

  test('a 2020 table pasted from its 项目名称 line (no title): it starts there, the year comes from “2020年绩效目标”', () => {
    const table = REFERENCE_TABLES.find((t) => t.id === 'xining-2020-hezuo-jiaoliu-zhuanxiang') as ReferenceTable;
    const r = parsePublishedText(excerpt(table.source, 97, 187), { year: 2031 });
    expect(r.problems).toEqual([]);
    expect(r.projects).toHaveLength(1);
    const p = r.projects[0];
    expect(p.lines).toEqual([1, 91]);
    expect(p.year).toBe(2020); // printed year wins over opts.year
    expect(p.org).toBeNull(); // 申报单位名称 (line 95) was not pasted
    expect(comparableRows(p.rows)).toEqual(comparableFixtureRows(table));
  });

  test('two 2020 forms pasted without their titles: each starts at its 申报单位名称 line and keeps its org', () => {
    const file = 'shanghai-2020-xining-office-targets.txt';
    const text = [excerpt(file, 5, 91), excerpt(file, 95, 187)].join('\n');
    const r = parsePublishedText(text);
    expect(r.problems).toEqual([]);
    expect(r.projects.map((p) => [p.name, p.org, p.lines, p.rows.length])).toEqual([
      ['合作交流工作业务费', '上海市人民政府驻西宁办事处', [1, 87], 12],
      ['合作交流专项工作经费', '上海市人民政府驻西宁办事处', [88, 180], 12],
    ]);
  });

  test('only the indicator table of a 2020 form: imported without a name, the problem names line 1; opts.year fills the year', () => {
    const table = REFERENCE_TABLES.find((t) => t.id === 'xining-2020-hezuo-jiaoliu-yewu') as ReferenceTable;
    const text = excerpt(table.source, 53, 91);
    const r = parsePublishedText(text, { year: 2020 });
    expect(r.projects).toHaveLength(1);
    expect(r.projects[0].name).toBe('');
    expect(r.projects[0].year).toBe(2020);
    expect(r.projects[0].lines).toEqual([1, 39]);
    expect(comparableRows(r.projects[0].rows)).toEqual(comparableFixtureRows(table));
    expect(r.problems).toEqual([{ line: 1, message: expect.stringContaining('缺少项目名称') }]);
    expect(parsePublishedText(text).projects[0].year).toBeNull();
  });

  test('two layouts in one paste: a 2020 table followed by a 2024 table', () => {
    const a = REFERENCE_TABLES[0];
    const b = REFERENCE_TABLES.find((t) => t.id === 'yangpu-2024-xiushan') as ReferenceTable;
    const text = excerpt(a.source, a.lines[0], a.lines[1]) + '\n\n' + excerpt(b.source, b.lines[0], b.lines[1]);
    const r = parsePublishedText(text);
    expect(r.problems).toEqual([]);
    expect(r.projects.map((p) => [p.layout, p.frameworkCode, p.name, p.lines])).toEqual([
      ['2020-lines', 'shanghai-2020', '合作交流工作业务费', [1, 90]],
      ['2024-tabs', 'mof-2021', '修缮类', [92, 116]],
    ]);
    expect(comparableRows(r.projects[1].rows)).toEqual(comparableFixtureRows(b));
  });
});

describe('CRLF and full-width spaces', () => {
  test('2020 layout with ideographic spaces as separators, indented lines and CRLF', () => {
    const file = 'shanghai-2020-xining-office-targets.txt';
    const text = readReference(file)
      .split('\n')
      .map((l) => (l.trim() === '' ? l : '\u3000\u3000' + l.replace(/ /g, '\u3000')))
      .join('\r\n');
    expect(text).toContain('投入管理\u3000预算资金到位率\u3000>=90%\r\n');
    const r = parsePublishedText(text);
    expect(r.problems).toEqual([]);
    expect(r.projects.map(observedProject)).toEqual(REFERENCE_TABLES.filter((t) => t.source === file).map((t) => expectedProject(t)));
  });

  test('2024 layout with cells padded by ideographic spaces and CRLF', () => {
    const file = 'yangpu-2024-gov-office-budget-part1.txt';
    const text = readReference(file)
      .split('\n')
      .map((l) => (l.includes('\t') ? l.split('\t').map((c) => (c ? `\u3000${c}\u3000` : c)).join('\t') : l && `\u3000${l}`))
      .join('\r\n');
    const r = parsePublishedText(text);
    expect(r.problems).toEqual([]);
    expect(r.projects.map(observedProject)).toEqual(REFERENCE_TABLES.filter((t) => t.source === file).map((t) => expectedProject(t)));
  });

  test('a lone CR as line break counts as a line too', () => {
    const table = REFERENCE_TABLES.find((t) => t.id === 'yangpu-2024-xiushan') as ReferenceTable;
    const r = parsePublishedText(excerpt(table.source, table.lines[0], table.lines[1]).replace(/\n/g, '\r'));
    expect(r.projects.map((p) => [p.lines, p.rows.length])).toEqual([[[1, 25], 4]]);
  });
});

describe('publication list (fixtures/publication-list-2024.txt)', () => {
  const r = parsePublishedText(fs.readFileSync(LIST_FIXTURE, 'utf8'));
  const row = (level1: string, level2: string, name: string, target: string, line: number): ImportedRow => ({ level1, level2, name, target, core: false, line });
  const base = {
    layout: 'publication-list' as const,
    frameworkCode: 'mof-2021' as const,
    year: 2024,
    nature: null,
    department: null,
    startDate: null,
    endDate: null,
    overallGoal: null,
    annualGoal: null,
  };
  const funds = (annualTotal: string) => ({ total: null, fiscal: null, other: null, annualTotal, annualFiscal: null, carryover: null, annualOther: null });

  test('four projects, no problem', () => {
    expect(r.problems).toEqual([]);
    expect(r.projects).toHaveLength(4);
  });

  test('each row of the list is a project: 万元 → yuan, indicators split into rows with 二级 from the prefixes and 一级 from mof-2021', () => {
    expect(r.projects).toEqual(
      LIST_EXPECTED.map(({ lines, name, category, org, annualTotal, rows }) => ({
        ...base,
        lines,
        name,
        category,
        org,
        funds: funds(annualTotal),
        rows: rows.map(([level1, level2, indicator, target, line]) => row(level1, level2, indicator, target, line)),
      })),
    );
  });

  test('without a year in the paste the year is opts.year, else null', () => {
    const text = fs.readFileSync(LIST_FIXTURE, 'utf8').split('\n').slice(2).join('\n');
    expect(parsePublishedText(text).projects.map((p) => p.year)).toEqual([null, null, null, null]);
    expect(parsePublishedText(text, { year: 2025 }).projects.map((p) => p.year)).toEqual([2025, 2025, 2025, 2025]);
  });

  test('splitIndicator: operator, comparison, white space, trailing grade word, nothing', () => {
    const cases: Array<[text: string, name: string, target: string]> = [
      ['资金支付率≥90%', '资金支付率', '≥90%'],
      ['旗舰店访问量 ≥ 3000000', '旗舰店访问量', '≥ 3000000'],
      ['运维成本比年初规划低不少于2万元', '运维成本', '比年初规划低不少于2万元'],
      ['群众知晓度 良好', '群众知晓度', '良好'],
      ['产业发展水平提高', '产业发展水平', '提高'],
      ['按时完成', '按时完成', ''],
    ];
    for (const [text, name, target] of cases) expect(splitIndicator(text)).toEqual({ name, target });
  });
});
