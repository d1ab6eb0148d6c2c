import * as fs from 'fs';
import * as path from 'path';
import { parsePublishedText, readIndicator, type ImportedRow } from './parse-published';

/** Invented tables (fixtures/): a 2024 table broken over PDF pages, and a one-text publication list. */
const read = (name: string) => fs.readFileSync(path.resolve(__dirname, 'fixtures', name), 'utf8');

type Row = [line: number, level1: string, level2: string, name: string, target: string, core: boolean];
const rows = (list: readonly ImportedRow[]): Row[] => list.map((r) => [r.line, r.level1, r.level2, r.name, r.target, r.core]);
/** The rows each fixture's tables are read as (fixtures/*.expected.json). */
const expectedRows = (name: string) => (JSON.parse(read(name)) as { projects: Row[][] }).projects;
const PAGE_BREAK_ROWS = expectedRows('page-break-2024.expected.json');
const LIST_ROWS = expectedRows('publication-list-wrapped.expected.json');

describe('2024 tab layout broken over PDF pages (fixtures/page-break-2024.txt)', () => {
  const r = parsePublishedText(read('page-break-2024.txt'));

  test('two tables, no problem', () => {
    expect(r.problems).toEqual([]);
    expect(r.projects.map((p) => [p.name, p.layout, p.lines, p.rows.length])).toEqual([
      ['社区口袋公园建设及养护经费', '2024-tabs', [1, 35], 12],
      ['老旧小区加装电梯补贴', '2024-tabs', [37, 60], 8],
    ]);
  });

  test('a break inside 产出指标 and one inside 效益指标: the rows after `绩效 指标⇥一级` keep the 二级 of the page before', () => {
    expect(rows(r.projects[0].rows)).toEqual(PAGE_BREAK_ROWS[0]);
  });

  test('a break inside 效益指标 with the indicator header printed again at the top of the page', () => {
    expect(rows(r.projects[1].rows)).toEqual(PAGE_BREAK_ROWS[1]);
  });

  test('a page that starts with another 一级 and no 二级: its rows are problems with their lines, never rows under the old 二级', () => {
    const lines = read('page-break-2024.txt').split('\n');
    expect(lines[31]).toBe('绩效 指标\t效益指标\t\t社区环境整洁度\t提升\t');
    lines[31] = '绩效 指标\t产出指标\t\t社区环境整洁度\t提升\t'; // 产出指标 after 效益指标: its 二级 is unknown
    const p = parsePublishedText(lines.join('\n'));
    expect(p.projects[0].rows.map((x) => x.line)).not.toContain(32);
    expect(p.problems).toEqual([{ line: 32, message: expect.stringContaining('「社区环境整洁度」没有二级指标') }]);
  });

  test('a form feed instead of a page number is a page break too', () => {
    const text = read('page-break-2024.txt').replace('\n- 2 -\n', '\n\f\n');
    expect(rows(parsePublishedText(text).projects[0].rows)).toEqual(rows(r.projects[0].rows));
  });
});

describe('2020 line layout broken over pages', () => {
  const table = [
    '财政项目支出绩效目标表',
    '（2020年度）',
    '项目名称： 示例街道睦邻点运营经费 项目类别： 经常性专项业务费',
    '一级目标 二级目标 三级目标 指标目标值',
    '',
    '产出目标',
    '',
    '数量 睦邻点运营数量 >=12个',
    '',
    '质量 活动组织规范性',
    '活动方案、签到和台账',
    '',
    '- 4 -',
    '',
    '齐全',
    '',
    '产出目标',
    '',
    '时效 活动开展及时率 =100%',
    '',
    '效果目标',
    '',
    '满意度 参与居民满意度 >=90%',
  ].join('\n');

  test('a value wrapped at the foot of a page runs on after the page number; the 一级 printed again is not a new group', () => {
    const r = parsePublishedText(table);
    expect(r.problems).toEqual([]);
    expect(rows(r.projects[0].rows)).toEqual([
      [8, '产出目标', '数量', '睦邻点运营数量', '>=12个', false],
      [10, '产出目标', '质量', '活动组织规范性', '活动方案、签到和台账齐全', false],
      [19, '产出目标', '时效', '活动开展及时率', '=100%', false],
      [23, '效果目标', '满意度', '参与居民满意度', '>=90%', false],
    ]);
  });

  test('without a page break a line after a blank line is not glued to the row before', () => {
    const r = parsePublishedText(table.replace('\n- 4 -\n', '\n'));
    expect(r.projects[0].rows[1].target).toBe('活动方案、签到和台账');
    expect(r.projects[0].rows).toHaveLength(2); // the table ends at 齐全 (line 14); the rows after it are reported
    expect(r.problems.map((p) => p.line)).toEqual([18, 22]);
  });
});

describe('publication list, one text per project (fixtures/publication-list-wrapped.txt)', () => {
  const r = parsePublishedText(read('publication-list-wrapped.txt'));

  test('seven projects, no problem, year and amounts read', () => {
    expect(r.problems).toEqual([]);
    expect(r.projects.map((p) => [p.name, p.lines, p.year, p.org, p.funds?.annualTotal])).toEqual([
      ['社区文化活动中心运营', [4, 4], 2024, '示例市文化和旅游局', '2684000.00'],
      ['非遗保护传承项目', [5, 5], 2024, '示例市文化和旅游局', '950000.00'],
      ['全民阅读推广活动', [6, 7], 2024, '示例市图书馆', '1500000.00'],
      ['数字资源建设', [8, 10], 2024, '示例市图书馆', '3205000.00'],
      ['馆藏精品巡回展', [11, 14], 2024, '示例市美术馆', '800000.00'],
      ['广场舞展演', [15, 16], 2024, '示例市文化馆', '450000.00'],
      ['馆藏文物预防性保护与数字化采集', [17, 18], 2024, '示例市博物馆', '2100000.00'],
    ]);
  });

  test('定性/定量 between name and value (spaced, bracketed, glued) are dropped; ★ is the core flag', () => {
    expect(rows(r.projects[0].rows)).toEqual(LIST_ROWS[0]);
    expect(rows(r.projects[1].rows)).toEqual(LIST_ROWS[1]);
  });

  test('a cell wrapped by the PDF onto lines without tabs, inside a name and inside a value', () => {
    expect(rows(r.projects[2].rows)).toEqual(LIST_ROWS[2]);
    expect(rows(r.projects[3].rows)).toEqual(LIST_ROWS[3]);
  });

  test('a quoted spreadsheet cell whose part wraps inside a name', () => {
    expect(rows(r.projects[4].rows)).toEqual(LIST_ROWS[4]);
  });

  test('a row whose 绩效指标 is on the next line, and a name wrapped onto the next line, keep their rows', () => {
    expect(rows(r.projects[5].rows)).toEqual(LIST_ROWS[5]);
    expect(rows(r.projects[6].rows)).toEqual(LIST_ROWS[6]);
  });

  test('a project with no indicator at all is a problem line, and is still listed', () => {
    const text = ['单位代码\t单位名称\t二级项目名称\t项目类别\t金额（万元）\t绩效指标', '001\t甲单位\t空白项目\t其他运转类\t10\t', '002\t乙单位\t有指标项目\t其他运转类\t5\t数量指标: 完成率 定量 =100%'].join('\n');
    const p = parsePublishedText(text);
    expect(p.projects.map((x) => [x.name, x.rows.length])).toEqual([
      ['空白项目', 0],
      ['有指标项目', 1],
    ]);
    expect(p.problems).toEqual([{ line: 2, message: expect.stringContaining('项目「空白项目」没有读到任何绩效指标') }]);
  });
});

describe('readIndicator', () => {
  test.each([
    ['★资金支付率 定量 ≥90%', { name: '资金支付率', target: '≥90%', core: true }],
    ['★ 资金支付率≥90%', { name: '资金支付率', target: '≥90%', core: true }],
    ['群众知晓度 定性 良好', { name: '群众知晓度', target: '良好', core: false }],
    ['群众知晓度定性良好', { name: '群众知晓度', target: '良好', core: false }],
    ['群众知晓度【定性】较高', { name: '群众知晓度', target: '较高', core: false }],
    ['定量考核完成率 定量 =100%', { name: '定量考核完成率', target: '=100%', core: false }],
    ['定量 资金支付率≥90%', { name: '资金支付率', target: '≥90%', core: false }],
    ['产品鉴定性能 良好', { name: '产品鉴定性能', target: '良好', core: false }],
    ['采购项目数 定量指标：≥1500个', { name: '采购项目数', target: '≥1500个', core: false }],
  ])('%s', (body, expected) => {
    expect(readIndicator(body)).toEqual(expected);
  });
});
