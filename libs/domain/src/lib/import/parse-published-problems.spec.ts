import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { parsePublishedText } from './parse-published';

/** Problems by line, and text that holds no table (split from parse-published.spec.ts). */
const REFERENCE_DIR = path.resolve(__dirname, '../../fixtures/reference');

/** Lines `from`..`to` (1-based, inclusive) of a reference file, as a paste. */
function excerpt(file: string, from: number, to: number): string {
  return fs
    .readFileSync(path.join(REFERENCE_DIR, file), 'utf8')
    .split(/\r?\n/)
    .slice(from - 1, to)
    .join('\n');
}

describe('problems, each with its line', () => {
  const T = '\t';

  test('publication list: amount, missing name, unknown or ambiguous 二级, no prefix, no value', () => {
    const text = [
      ['单位代码', '单位名称', '一级项目名称', '二级项目名称', '项目类别', '金额（万元）', '绩效指标'],
      ['001', '甲单位', '综合业务', '项目甲', '其他运转类', '约八十万', '数量指标: 资金支付率≥90%'],
      ['', '', '', '', '其他运转类', '10', '管理指标: 制度健全率=100%; 质量指标: 合格率≥95%; 效益指标: 群众满意 提升'],
      ['002', '乙单位', '', '项目乙', '', '5', '资金支付率≥90%; 时效指标: 按时完成'],
    ]
      .map((c) => c.join(T))
      .join('\n');
    const r = parsePublishedText(text);
    expect(r.projects.map((p) => [p.name, p.funds?.annualTotal ?? null, p.rows.map((x) => `${x.level2}/${x.name}/${x.target}`)])).toEqual([
      ['项目甲', null, ['数量指标/资金支付率/≥90%']],
      ['', '100000.00', ['质量指标/合格率/≥95%']],
      ['项目乙', '50000.00', ['时效指标/按时完成/']],
    ]);
    expect(r.problems.map((p) => p.line)).toEqual([2, 3, 3, 3, 4, 4]);
    expect(r.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('金额「约八十万」'),
      expect.stringContaining('缺少项目名称'),
      expect.stringContaining('「管理指标」不是已知的二级指标'),
      expect.stringContaining('「效益指标」是一级指标'),
      expect.stringContaining('前没有二级指标'),
      expect.stringContaining('无法从「按时完成」分出指标值'),
    ]);
  });

  test('2024 table: funds that do not parse, a bad date, a row without 二级, a row with too many cells, a value without name', () => {
    const lines = excerpt('yangpu-2024-gov-office-budget-part1.txt', 369, 393).split('\n');
    // Line numbers in this paste are the file's minus 368.
    lines[375 - 369] = lines[375 - 369].replace('2025-12-31', '2025-13-31');
    lines[376 - 369] = lines[376 - 369].replace('5,925,000.00', '5,92x,000.00');
    lines.splice(383 - 369, 0, `${T}${T}${T}没有二级的指标${T}=1.00(次)${T}`); // new line 15, right after the header
    lines.push(`${T}${T}${T}名称${T}多出来的单元格${T}=100.00(%)${T}`); // line 27
    lines.push(`${T}${T}${T}${T}≥5.00(个)${T}`); // line 28
    const r = parsePublishedText(lines.join('\n'));
    expect(r.projects).toHaveLength(1);
    const p = r.projects[0];
    expect(p.lines).toEqual([1, 28]);
    expect(p.funds?.total).toBeNull();
    expect(p.funds?.annualTotal).toBe('5925000.00');
    expect(p.endDate).toBeNull();
    expect(p.rows).toHaveLength(4);
    expect(r.problems).toEqual([
      { line: 7, message: expect.stringContaining('计划完成日期「2025-13-31」') },
      { line: 8, message: expect.stringContaining('项目资金总额「5,92x,000.00」') },
      { line: 15, message: expect.stringContaining('没有二级指标') },
      { line: 27, message: expect.stringContaining('3 个内容单元格') },
      { line: 28, message: expect.stringContaining('缺少三级指标名称') },
    ]);
  });

  test('2020 table: an unknown 二级 after a blank line, and rows outside any table', () => {
    const table = excerpt('shanghai-2020-xining-office-targets.txt', 2, 66);
    const text = ['数量 预算执行率 >=90%', '', table, '', '数量类 资金到位率 >=95%', '', '质量 公务用车保障率 >=90%'].join('\n');
    const r = parsePublishedText(text);
    expect(r.projects).toHaveLength(1);
    // File lines 2–66 are paste lines 3–67 (file line L → L + 1); the unknown row is line 69, the last row line 71.
    expect(r.projects[0].lines).toEqual([3, 71]);
    expect(r.projects[0].rows.map((x) => [x.line, x.name])).toEqual([
      [58, '预算资金到位率'],
      [60, '预算编制合理性'],
      [62, '实施流程规范性'],
      [66, '预算执行率'],
      [71, '公务用车保障率'],
    ]);
    expect(r.problems).toEqual([
      { line: 1, message: expect.stringContaining('不在任何指标表内') },
      { line: 69, message: expect.stringContaining('「数量类」不是已知的二级指标') },
    ]);
  });

  test('a title, or header fields, without an indicator table', () => {
    const r = parsePublishedText(['财政项目支出绩效目标申报表', '', '(2024年度)', '', '说明文字', '财政项目支出绩效目标表', '项目名称： 某项目 项目类别： 其他'].join('\n'));
    expect(r.projects).toEqual([]);
    expect(r.problems).toEqual([
      { line: 1, message: expect.stringContaining('没有项目名称和指标表') },
      { line: 7, message: expect.stringContaining('项目「某项目」只有表头信息') },
    ]);
  });
});

describe('text that holds no table', () => {
  test('garbage: 0 projects, no throw', () => {
    const garbage = [
      'hello world',
      '\t\t\t',
      '=100%',
      '数量',
      '<p></p>',
      '"unterminated\tquote',
      '1,234.56\t≥\t',
      '详见单位的项目绩效目标表。',
      '一级 二级 三级',
      '项目名称',
      '\u3000\u3000',
      '\ufeff',
    ].join('\n');
    const r = parsePublishedText(garbage);
    expect(r.projects).toEqual([]);
    expect(r.problems).toEqual([]);
    expect(parsePublishedText('')).toEqual({ projects: [], problems: [] });
    expect(parsePublishedText(undefined as unknown as string)).toEqual({ projects: [], problems: [] });
  });

  test('property: never throws; every line number lies inside the paste and every row inside its table', () => {
    const pieces = [
      '财政项目支出绩效目标申报表',
      '财政项目支出绩效目标表',
      '(2024年度)',
      '项目名称\t某项目\t项目性质\t经常性专项业务费',
      '项目名称： 某项目 项目类别： 其他',
      '项目资金总额\t1,000.00\t年度资金申请总额\tabc',
      '\t一级指标\t二级指标\t三级指标\t年度(/项目)指标值\t',
      '一级目标 二级目标 三级目标 指标目标值',
      '单位代码\t单位名称\t二级项目名称\t金额（万元）\t绩效指标',
      '001\t甲\t项目\t1.5\t"数量指标: a≥1',
      '质量指标: b=2"',
      '产出指标',
      '数量指标',
      '数量 预算执行率 >=90%',
      '\t\t数量指标\t完成率\t=100.00(%)\t',
      '\t\t\t名\t值\t多',
      '=100%',
      '',
      '\u3000',
      '"',
      '\r',
    ];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 12 })), { maxLength: 40 }), (parts) => {
        const text = parts.join('\n');
        const n = text.split(/\r\n|\r|\n/).length;
        const r = parsePublishedText(text);
        for (const p of r.projects) {
          expect(p.lines[0]).toBeGreaterThanOrEqual(1);
          expect(p.lines[0]).toBeLessThanOrEqual(p.lines[1]);
          expect(p.lines[1]).toBeLessThanOrEqual(n);
          for (const row of p.rows) {
            expect(row.line).toBeGreaterThanOrEqual(p.lines[0]);
            expect(row.line).toBeLessThanOrEqual(p.lines[1]);
            expect(row.name).not.toBe('');
          }
        }
        for (const pr of r.problems) {
          expect(pr.line).toBeGreaterThanOrEqual(1);
          expect(pr.line).toBeLessThanOrEqual(n);
          expect(pr.message).toMatch(/[\u4e00-\u9fff]/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
