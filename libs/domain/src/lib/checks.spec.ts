import fc from 'fast-check';
import {
  REFERENCE_TABLES,
  XINING_2020_YEWU,
  XINING_2020_ZHUANXIANG,
  YANGPU_2024_BANGONGTING,
  YANGPU_2024_JIAOLIUBAN,
  YANGPU_2024_WAISHIBAN,
  YANGPU_2024_XIUSHAN,
  isPlaceholderRow,
  type ReferenceTable,
} from '../fixtures/reference-tables';
import { CHECK_RULES, checkTable, findRepeatedText, type CheckInput } from './checks';
import type { Finding, IndicatorRow } from './types';

/** Codes seen in any finding of this file: the last test asserts every rule was exercised. */
const seen = new Set<string>();

function run(input: CheckInput): Finding[] {
  const findings = checkTable(input);
  findings.forEach((f) => seen.add(f.code));
  return findings;
}

/** The check input of a reference table exactly as published. */
function inputOf(t: ReferenceTable, extra: Partial<CheckInput> = {}): CheckInput {
  return {
    frameworkCode: t.frameworkCode,
    rows: t.rows.map((r) => ({ ...r })),
    year: t.year,
    startDate: t.startDate,
    endDate: t.endDate,
    funds: t.funds ? { ...t.funds } : null,
    ...extra,
  };
}

function codes(findings: Finding[], code: string): Finding[] {
  return findings.filter((f) => f.code === code);
}

/** Index of the row with this name in a reference table (fails the test when absent). */
function rowIndex(t: ReferenceTable, name: string): number {
  const i = t.rows.findIndex((r) => r.name === name);
  expect(i).toBeGreaterThanOrEqual(0);
  return i;
}

function withRow(t: ReferenceTable, name: string, change: Partial<IndicatorRow>): IndicatorRow[] {
  const i = rowIndex(t, name);
  return t.rows.map((r, k) => (k === i ? { ...r, ...change } : { ...r }));
}

/** The COPIED_ROWS findings of `t` beside one other table of its unit. */
function copiedRows(t: ReferenceTable, other: NonNullable<CheckInput['otherTables']>[number]): Finding[] {
  return codes(run(inputOf(t, { otherTables: [other] })), 'COPIED_ROWS');
}

/** The findings `code` of `t` with the row named `name` changed. */
function findingsAfter(t: ReferenceTable, name: string, change: Partial<IndicatorRow>, code: string): Finding[] {
  return codes(run(inputOf(t, { rows: withRow(t, name, change) })), code);
}

/** The one finding `code` that changing the row named `name` of `t` gives: at that row, with `severity`. */
function oneFindingAt(t: ReferenceTable, name: string, change: Partial<IndicatorRow>, code: string, severity: Finding['severity']): Finding {
  const f = findingsAfter(t, name, change, code);
  expect(f).toHaveLength(1);
  expect(f[0]).toMatchObject({ severity, indicatorIndex: rowIndex(t, name) });
  return f[0];
}

describe('CHECK_RULES', () => {
  test('codes are unique UPPER_SNAKE with a severity and a Chinese title', () => {
    const all = CHECK_RULES.map((r) => r.code);
    expect(new Set(all).size).toBe(all.length);
    for (const r of CHECK_RULES) {
      expect(r.code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
      expect(['error', 'warning', 'info']).toContain(r.severity);
      expect(r.title).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test.each([
    ['NO_OUTPUT', 'error'],
    ['NO_BENEFIT', 'error'],
    ['NO_SATISFACTION', 'warning'],
    ['EMPTY_TARGET', 'error'],
    ['MALFORMED_NUMBER', 'error'],
    ['MISSING_UNIT', 'error'],
    ['QUANTITY_QUALITATIVE', 'warning'],
    ['VALUE_IN_NAME', 'warning'],
    ['DESCRIPTION_AS_VALUE', 'warning'],
    ['BUDGET_RATE_AS_OUTPUT', 'warning'],
    ['DUPLICATE_NAME', 'error'],
    ['LEVEL2_NOT_IN_LEVEL1', 'error'],
    ['UNKNOWN_LEVEL1', 'error'],
    ['PERCENT_OVER_100', 'warning'],
    ['REPEATED_TEXT', 'warning'],
    ['DATES_OUTSIDE_YEAR', 'warning'],
    ['FUNDS_NOT_ADDING_UP', 'error'],
    ['COPIED_ROWS', 'warning'],
  ])('%s is a rule with severity %s (domain §5)', (code, severity) => {
    expect(CHECK_RULES.find((r) => r.code === code)?.severity).toBe(severity);
  });
});

describe('reference tables as published', () => {
  test('yangpu 修缮类 (a clean table) produces no finding at all', () => {
    expect(run(inputOf(YANGPU_2024_XIUSHAN))).toEqual([]);
  });

  test.each(REFERENCE_TABLES.map((t) => [t.name, t] as const))('%s has no error-severity finding', (_n, t) => {
    const others = REFERENCE_TABLES.filter((o) => o !== t && o.org === t.org).map((o) => ({ projectName: o.name, rows: o.rows }));
    const errors = run(inputOf(t, { otherTables: others })).filter((f) => f.severity === 'error');
    expect(errors).toEqual([]);
  });

  test('empty 二级 placeholder rows are ignored: findings never point at them', () => {
    for (const t of REFERENCE_TABLES) {
      const findings = run(inputOf(t));
      for (const f of findings) {
        if (f.indicatorIndex !== null) expect(isPlaceholderRow(t.rows[f.indicatorIndex])).toBe(false);
      }
    }
    // A table of placeholders only has no indicator at all.
    const placeholders = YANGPU_2024_XIUSHAN.rows.filter(isPlaceholderRow);
    expect(placeholders.length).toBeGreaterThan(0);
    const f = run({ frameworkCode: 'mof-2021', rows: placeholders });
    expect(f.map((x) => x.code).sort()).toEqual(['NO_BENEFIT', 'NO_OUTPUT', 'NO_SATISFACTION']);
  });
});

describe('NO_OUTPUT / NO_BENEFIT / NO_SATISFACTION', () => {
  test('NO_OUTPUT: yangpu 交流办对口支援项目经费 with its 产出 rows removed', () => {
    const rows = YANGPU_2024_JIAOLIUBAN.rows.filter((r) => r.level1 !== '产出指标');
    const f = run(inputOf(YANGPU_2024_JIAOLIUBAN, { rows }));
    expect(codes(f, 'NO_OUTPUT')).toHaveLength(1);
    expect(codes(f, 'NO_OUTPUT')[0]).toMatchObject({ severity: 'error', indicatorIndex: null });
    expect(codes(run(inputOf(YANGPU_2024_JIAOLIUBAN)), 'NO_OUTPUT')).toEqual([]);
  });

  test('NO_OUTPUT: printed labels with spaces (修缮类 `产出 指标`) count as 产出指标', () => {
    expect(YANGPU_2024_XIUSHAN.rows.some((r) => r.level1 === '产出 指标')).toBe(true);
    expect(codes(run(inputOf(YANGPU_2024_XIUSHAN)), 'NO_OUTPUT')).toEqual([]);
  });

  test('NO_BENEFIT: yangpu 修缮类 without its only 效益 row (项目投诉情况)', () => {
    const rows = withRow(YANGPU_2024_XIUSHAN, '项目投诉情况', { name: '', target: '' });
    const f = run(inputOf(YANGPU_2024_XIUSHAN, { rows }));
    expect(codes(f, 'NO_BENEFIT')).toHaveLength(1);
    expect(codes(f, 'NO_BENEFIT')[0].severity).toBe('error');
  });

  test('NO_BENEFIT: in shanghai-2020 a 满意度 row under 效果目标 is not a benefit', () => {
    const rows = XINING_2020_YEWU.rows.filter((r) => r.level1 !== '效果目标' || r.level2 === '满意度');
    expect(codes(run(inputOf(XINING_2020_YEWU, { rows })), 'NO_BENEFIT')).toHaveLength(1);
    expect(codes(run(inputOf(XINING_2020_YEWU)), 'NO_BENEFIT')).toEqual([]);
  });

  test('NO_SATISFACTION: 2020 合作交流工作业务费 without its 满意度 row; with it the 2020 满意度 under 效果目标 counts', () => {
    const rows = XINING_2020_YEWU.rows.filter((r) => r.level2 !== '满意度');
    const f = run(inputOf(XINING_2020_YEWU, { rows }));
    expect(codes(f, 'NO_SATISFACTION')).toHaveLength(1);
    expect(codes(f, 'NO_SATISFACTION')[0].severity).toBe('warning');
    expect(codes(run(inputOf(XINING_2020_YEWU)), 'NO_SATISFACTION')).toEqual([]);
  });
});

describe('row rules', () => {
  test('EMPTY_TARGET: 交流办 「完成效果」 with its value deleted', () => {
    const f = findingsAfter(YANGPU_2024_JIAOLIUBAN, '完成效果', { target: '  ' }, 'EMPTY_TARGET');
    const i = rowIndex(YANGPU_2024_JIAOLIUBAN, '完成效果');
    expect(f).toEqual([{ code: 'EMPTY_TARGET', severity: 'error', indicatorIndex: i, message: `第${i + 1}行「完成效果」未填写指标值。` }]);
  });

  test('EMPTY_NAME: a value without a 三级 name', () => {
    oneFindingAt(YANGPU_2024_JIAOLIUBAN, '完成效果', { name: '' }, 'EMPTY_NAME', 'error');
  });

  // '100%' is no longer here: §11 reads a bare number with a unit as `=` (IMPLIED_EQUAL, checks-target-value.spec.ts).
  test.each(['>=abc', '≥9O%', '=1.2.3(%)', '≥', '90', '95%-90%', '＝１００．０．０％'])('MALFORMED_NUMBER: %s', (target) => {
    const f = oneFindingAt(YANGPU_2024_JIAOLIUBAN, '完成效果', { target }, 'MALFORMED_NUMBER', 'error');
    expect(f.message).toContain(`第${rowIndex(YANGPU_2024_JIAOLIUBAN, '完成效果') + 1}行「完成效果」`);
    expect(f.message).toContain(target);
  });

  test.each([
    ['100%', '=100.00(%)'],
    ['12期', '=12.00(期)'],
    ['4次/年', '=4.00(次/年)'],
    ['１，５００个', '=1500.00(个)'],
  ])('IMPLIED_EQUAL (info, not MALFORMED_NUMBER): %s is read as %s', (target, text) => {
    const rows = withRow(YANGPU_2024_JIAOLIUBAN, '完成效果', { target });
    const i = rowIndex(YANGPU_2024_JIAOLIUBAN, '完成效果');
    const all = run(inputOf(YANGPU_2024_JIAOLIUBAN, { rows }));
    expect(codes(all, 'MALFORMED_NUMBER')).toEqual([]);
    const f = codes(all, 'IMPLIED_EQUAL');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'info', indicatorIndex: i });
    expect(f[0].message).toContain(target);
    expect(f[0].message).toContain(text);
  });

  test('IMPLIED_EQUAL does not fire on written operators, words or ranges', () => {
    for (const target of ['=100%', '不低于95%', '90%以上', '90%-95%', '≥12期']) {
      expect(findingsAfter(YANGPU_2024_JIAOLIUBAN, '完成效果', { target }, 'IMPLIED_EQUAL')).toEqual([]);
    }
  });

  test('MALFORMED_NUMBER does not fire on any value of the reference tables, nor on sentences with an operator inside', () => {
    for (const t of REFERENCE_TABLES) expect(codes(run(inputOf(t)), 'MALFORMED_NUMBER')).toEqual([]);
    expect(findingsAfter(YANGPU_2024_JIAOLIUBAN, '完成效果', { target: '旗舰店访问量≥3000000' }, 'MALFORMED_NUMBER')).toEqual([]);
  });

  test.each(['≥90', '=4.00', '比年初规划低不少于2'])('MISSING_UNIT: %s', (target) => {
    oneFindingAt(YANGPU_2024_JIAOLIUBAN, '实际完成数', { target }, 'MISSING_UNIT', 'error');
  });

  test('MISSING_UNIT does not fire on the reference values (=0.00 (起), =4.00(家), >=60个 …)', () => {
    for (const t of REFERENCE_TABLES) expect(codes(run(inputOf(t)), 'MISSING_UNIT')).toEqual([]);
  });

  test('QUANTITY_QUALITATIVE: 交流办 数量指标 「实际完成数」 given the word 提高', () => {
    oneFindingAt(YANGPU_2024_JIAOLIUBAN, '实际完成数', { target: '提高' }, 'QUANTITY_QUALITATIVE', 'warning');
  });

  test('QUANTITY_QUALITATIVE: also for the 2020 二级 数量; not for other 二级 nor for malformed values', () => {
    expect(findingsAfter(XINING_2020_ZHUANXIANG, '接待团组数量', { target: '大幅增加' }, 'QUANTITY_QUALITATIVE')).toHaveLength(1);
    // 质量指标 with a word value (as in 政府办公厅) is fine.
    expect(codes(run(inputOf(YANGPU_2024_BANGONGTING)), 'QUANTITY_QUALITATIVE')).toEqual([]);
    // A malformed number is reported once, as MALFORMED_NUMBER.
    const rows = withRow(YANGPU_2024_JIAOLIUBAN, '实际完成数', { target: '=4.0.0(家)' });
    const f = run(inputOf(YANGPU_2024_JIAOLIUBAN, { rows }));
    expect(codes(f, 'QUANTITY_QUALITATIVE')).toEqual([]);
    expect(codes(f, 'MALFORMED_NUMBER')).toHaveLength(1);
  });

  test.each(['≥120.00(%)', '>100%', '=100.01（％）'])('PERCENT_OVER_100: %s', (target) => {
    oneFindingAt(YANGPU_2024_JIAOLIUBAN, '完成效果', { target }, 'PERCENT_OVER_100', 'warning');
  });

  test.each(['=100.00(%)', '≥99.99(%)', '≥120.00(个)', '≤100(%)', '=100.000(%)'])('PERCENT_OVER_100 does not fire on %s', (target) => {
    expect(findingsAfter(YANGPU_2024_JIAOLIUBAN, '完成效果', { target }, 'PERCENT_OVER_100')).toEqual([]);
  });

  test('VALUE_IN_NAME: yangpu 政府办公厅 「全年拟开展业务培训2次，培训干部160余人次(政务公开科)」 (line 440) is the only one', () => {
    const name = '全年拟开展业务培训2次，培训干部160余人次(政务公开科)';
    const f = codes(run(inputOf(YANGPU_2024_BANGONGTING)), 'VALUE_IN_NAME');
    const i = rowIndex(YANGPU_2024_BANGONGTING, name);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', indicatorIndex: i });
    expect(f[0].message).toContain(`第${i + 1}行「${name}」`);
  });

  test.each(['旗舰店访问量≥3000000', '资金支付率100%', '接待团组＞60个'])('VALUE_IN_NAME: %s', (name) => {
    expect(findingsAfter(XINING_2020_ZHUANXIANG, '接待团组数量', { name }, 'VALUE_IN_NAME')).toHaveLength(1);
  });

  test.each(['完成2024年度出访计划', '“十四五”规划项目完成率', '5G基站建设数量'])('VALUE_IN_NAME does not fire on %s', (name) => {
    expect(findingsAfter(XINING_2020_ZHUANXIANG, '接待团组数量', { name }, 'VALUE_IN_NAME')).toEqual([]);
  });

  test('DESCRIPTION_AS_VALUE: 2020 Xining 合作交流工作业务费 「项目启动及时性」 = 考核项目发挥影响作用的时间早晚及合适程度', () => {
    const f = codes(run(inputOf(XINING_2020_YEWU)), 'DESCRIPTION_AS_VALUE');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', indicatorIndex: rowIndex(XINING_2020_YEWU, '项目启动及时性') });
  });

  test('DESCRIPTION_AS_VALUE: 2020 Xining 合作交流专项工作经费 「资金使用合规性」 = 是否符合国家财经法规…', () => {
    const f = codes(run(inputOf(XINING_2020_ZHUANXIANG)), 'DESCRIPTION_AS_VALUE');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', indicatorIndex: rowIndex(XINING_2020_ZHUANXIANG, '资金使用合规性') });
  });

  test.each(['项目实施情况良好', '群众满意程度明显提高', '与相关地区（单位）建立长效交流机制', '健全'])(
    'DESCRIPTION_AS_VALUE does not fire on the target %s',
    (target) => {
      const f = findingsAfter(XINING_2020_YEWU, '长效机制建立情况', { target }, 'DESCRIPTION_AS_VALUE');
      expect(f.map((x) => x.indicatorIndex)).not.toContain(rowIndex(XINING_2020_YEWU, '长效机制建立情况'));
    },
  );

  test('DESCRIPTION_AS_VALUE: 反映… / …情况 without a target word', () => {
    const f = findingsAfter(XINING_2020_YEWU, '长效机制建立情况', { target: '长效机制的建立情况' }, 'DESCRIPTION_AS_VALUE');
    expect(f.map((x) => x.indicatorIndex)).toContain(rowIndex(XINING_2020_YEWU, '长效机制建立情况'));
  });

  test('BUDGET_RATE_AS_OUTPUT: 2020 Xining 合作交流工作业务费 预算执行率 under 产出目标/数量', () => {
    const f = codes(run(inputOf(XINING_2020_YEWU)), 'BUDGET_RATE_AS_OUTPUT');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', indicatorIndex: rowIndex(XINING_2020_YEWU, '预算执行率') });
  });

  test('BUDGET_RATE_AS_OUTPUT does not fire on 预算资金到位率 under 投入与管理 (both 2020 tables)', () => {
    expect(codes(run(inputOf(XINING_2020_ZHUANXIANG)), 'BUDGET_RATE_AS_OUTPUT')).toEqual([]);
    const f = codes(run(inputOf(XINING_2020_YEWU)), 'BUDGET_RATE_AS_OUTPUT');
    expect(f.map((x) => x.indicatorIndex)).not.toContain(rowIndex(XINING_2020_YEWU, '预算资金到位率'));
  });

  test.each(['资金支付率', '预算资金到位率', '项目资金到位率'])('BUDGET_RATE_AS_OUTPUT: %s as a mof-2021 产出指标', (name) => {
    expect(findingsAfter(YANGPU_2024_JIAOLIUBAN, '实际完成数', { name, target: '≥90.00(%)' }, 'BUDGET_RATE_AS_OUTPUT')).toHaveLength(1);
  });
});

describe('table structure', () => {
  test('DUPLICATE_NAME: the same 三级 name twice (width and spaces ignored); reported on the second row', () => {
    const rows = YANGPU_2024_JIAOLIUBAN.rows.map((r) => ({ ...r }));
    const i = rowIndex(YANGPU_2024_JIAOLIUBAN, '对口帮扶地区的教育、卫生水平');
    const j = rowIndex(YANGPU_2024_JIAOLIUBAN, '对口帮扶地区的产业发展水平');
    rows[i] = { ...rows[i], name: ' 对口帮扶地区的产业发展 水平' };
    const f = codes(run(inputOf(YANGPU_2024_JIAOLIUBAN, { rows })), 'DUPLICATE_NAME');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', indicatorIndex: Math.max(i, j) });
    expect(f[0].message).toContain(`第${Math.min(i, j) + 1}行`);
  });

  test('DUPLICATE_NAME does not fire on any reference table (their names are distinct)', () => {
    for (const t of REFERENCE_TABLES) expect(codes(run(inputOf(t)), 'DUPLICATE_NAME')).toEqual([]);
  });

  test('NEAR_DUPLICATE_NAME: yangpu 政府办公厅 「加强杨浦区电子政务项目的投资合理性」 vs 「杨浦区电子政务项目的投资合理性」', () => {
    const f = codes(run(inputOf(YANGPU_2024_BANGONGTING)), 'NEAR_DUPLICATE_NAME');
    const plain = rowIndex(YANGPU_2024_BANGONGTING, '杨浦区电子政务项目的投资合理性（电子政务科）');
    const prefixed = rowIndex(YANGPU_2024_BANGONGTING, '加强杨浦区电子政务项目的投资合理性（电子政务科）');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', indicatorIndex: prefixed });
    expect(f[0].message).toContain(`第${plain + 1}行`);
  });

  test('LEVEL2_NOT_IN_LEVEL1: 社会效益指标 under 产出指标', () => {
    const f = oneFindingAt(YANGPU_2024_JIAOLIUBAN, '完成效果', { level2: '社会效益指标' }, 'LEVEL2_NOT_IN_LEVEL1', 'error');
    expect(f.message).toContain('社会效益指标');
  });

  test('LEVEL2_NOT_IN_LEVEL1: a mof-2021 二级 in a shanghai-2020 table, and an empty 二级', () => {
    expect(findingsAfter(XINING_2020_YEWU, '预算执行率', { level2: '数量指标' }, 'LEVEL2_NOT_IN_LEVEL1')).toHaveLength(1);
    expect(findingsAfter(XINING_2020_YEWU, '预算执行率', { level2: '' }, 'LEVEL2_NOT_IN_LEVEL1')).toHaveLength(1);
  });

  test('LEVEL2_NOT_IN_LEVEL1 / UNKNOWN_LEVEL1 do not fire on the reference tables (2020 满意度 under 效果目标, `成本 指标`)', () => {
    for (const t of REFERENCE_TABLES) {
      const f = run(inputOf(t));
      expect(codes(f, 'LEVEL2_NOT_IN_LEVEL1')).toEqual([]);
      expect(codes(f, 'UNKNOWN_LEVEL1')).toEqual([]);
    }
  });

  test('UNKNOWN_LEVEL1: the PDF label 绩效指标 taken for a 一级 (yangpu 政府办公厅 line 451 layout)', () => {
    oneFindingAt(YANGPU_2024_BANGONGTING, '组织开展好区政府各类会议、活动（秘书科）', { level1: '绩效指标' }, 'UNKNOWN_LEVEL1', 'error');
  });

  test('UNKNOWN_FRAMEWORK', () => {
    const f = run(inputOf(YANGPU_2024_XIUSHAN, { frameworkCode: 'huzhou-2099' }));
    expect(f.map((x) => x.code)).toEqual(['UNKNOWN_FRAMEWORK']);
    expect(f[0].severity).toBe('error');
  });
});

describe('REPEATED_TEXT', () => {
  test('明显提升明显提升 in a value', () => {
    const f = oneFindingAt(XINING_2020_YEWU, '合作交流工作支撑作用', { target: '明显提升明显提升' }, 'REPEATED_TEXT', 'warning');
    expect(f.message).toContain('明显提升');
  });

  test('repeated text in a name', () => {
    expect(findingsAfter(YANGPU_2024_JIAOLIUBAN, '完成效果', { name: '完成效果完成效果' }, 'REPEATED_TEXT')).toHaveLength(1);
  });

  test('does not fire on the reference tables, single-character doubling or digits', () => {
    for (const t of REFERENCE_TABLES) expect(codes(run(inputOf(t)), 'REPEATED_TEXT')).toEqual([]);
    expect(findRepeatedText('时时处处')).toBeNull();
    expect(findRepeatedText('=1111.00(个)')).toBeNull();
    expect(findRepeatedText('项目单位有人员分工机制，人员配置能有效完成项目')).toBeNull();
    expect(findRepeatedText('支撑作用明显明显')).toBe('明显');
  });
});

describe('dates and funds', () => {
  test('DATES_OUTSIDE_YEAR: yangpu 外事办 2024 table planned for 2025-01-01 … 2025-12-31', () => {
    const f = codes(run(inputOf(YANGPU_2024_WAISHIBAN)), 'DATES_OUTSIDE_YEAR');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', indicatorIndex: null });
    expect(f[0].message).toContain('2025-01-01');
    expect(f[0].message).toContain('2024');
  });

  test('DATES_OUTSIDE_YEAR does not fire on the other reference tables', () => {
    for (const t of REFERENCE_TABLES.filter((x) => x !== YANGPU_2024_WAISHIBAN)) {
      expect(codes(run(inputOf(t)), 'DATES_OUTSIDE_YEAR')).toEqual([]);
    }
  });

  test.each([
    ['2024-02-30', '2024-12-31'],
    ['2024/01/01', '2024-12-31'],
    ['2024-12-31', '2024-01-01'],
  ])('DATES_INVALID: %s … %s', (startDate, endDate) => {
    const f = run(inputOf(YANGPU_2024_XIUSHAN, { startDate, endDate }));
    expect(f.map((x) => x.code)).toEqual(['DATES_INVALID']);
    expect(f[0].severity).toBe('error');
  });

  test('FUNDS_NOT_ADDING_UP: 政府办公厅 funds with the total off by one cent', () => {
    const funds = { ...YANGPU_2024_BANGONGTING.funds, total: '13235000.01' };
    const f = codes(run(inputOf(YANGPU_2024_BANGONGTING, { funds })), 'FUNDS_NOT_ADDING_UP');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', indicatorIndex: null });
    expect(f[0].message).toContain('13,235,000.01');
  });

  test('FUNDS_NOT_ADDING_UP: annual total ≠ 当年财政拨款 + 上年结转 + 其他', () => {
    const funds = { ...YANGPU_2024_BANGONGTING.funds, carryover: '100.00' };
    expect(codes(run(inputOf(YANGPU_2024_BANGONGTING, { funds })), 'FUNDS_NOT_ADDING_UP')).toHaveLength(1);
  });

  test('FUNDS_NOT_ADDING_UP uses exact decimals: 0.30 = 0.10 + 0.20, and thousands separators are accepted', () => {
    const funds = { total: '0.30', fiscal: '0.10', other: '0.20', annualTotal: '5,925,000.00', annualFiscal: '5925000', carryover: '0', annualOther: null };
    expect(run(inputOf(YANGPU_2024_XIUSHAN, { funds }))).toEqual([]);
  });

  test('FUNDS_NOT_ADDING_UP does not fire on the reference funds (2020: totals only, nothing to add up)', () => {
    for (const t of REFERENCE_TABLES) expect(codes(run(inputOf(t)), 'FUNDS_NOT_ADDING_UP')).toEqual([]);
  });

  test.each(['abc', '1.234', '-5.00', '1,23'])('FUNDS_INVALID: %s', (fiscal) => {
    const funds = { ...YANGPU_2024_XIUSHAN.funds, fiscal };
    const f = run(inputOf(YANGPU_2024_XIUSHAN, { funds }));
    expect(f.map((x) => x.code)).toEqual(['FUNDS_INVALID']);
  });
});

describe('COPIED_ROWS', () => {
  test('yangpu 交流办对口支援项目经费 shares rows with the 协作服务科 rows of 政府办公厅及相关机构事务经费', () => {
    const f = copiedRows(YANGPU_2024_JIAOLIUBAN, { projectName: YANGPU_2024_BANGONGTING.name, rows: YANGPU_2024_BANGONGTING.rows });
    // 完成效果 =100.00(%) (质量指标) and 对口帮扶地区的产业发展水平 提高 (经济效益指标) are verbatim copies
    // (the department tag 「（协作服务科）」 aside). 实际完成数 differs in its unit (家 vs 个) and
    // 教育、卫生水平 sits under another 二级, so they are not verbatim.
    expect(f.map((x) => x.indicatorIndex)).toEqual([
      rowIndex(YANGPU_2024_JIAOLIUBAN, '完成效果'),
      rowIndex(YANGPU_2024_JIAOLIUBAN, '对口帮扶地区的产业发展水平'),
    ]);
    expect(f[0].severity).toBe('warning');
    expect(f[0].message).toContain(YANGPU_2024_BANGONGTING.name);
  });

  test('names the other table by its kind where known, else 绩效目标 (a 部门整体 or 政策 target is not called 项目)', () => {
    const message = (kind?: 'project' | 'department' | 'policy') =>
      copiedRows(YANGPU_2024_JIAOLIUBAN, { projectName: '甲', kind, rows: YANGPU_2024_BANGONGTING.rows })[0].message;
    expect(message('policy')).toContain('与本单位政策绩效目标「甲」中的指标完全相同');
    expect(message('department')).toContain('与本单位部门（单位）整体绩效目标「甲」');
    expect(message('project')).toContain('与本单位项目「甲」');
    expect(message()).toContain('与本单位绩效目标「甲」');
  });

  test('the same rows are found from the 政府办公厅 side', () => {
    const f = copiedRows(YANGPU_2024_BANGONGTING, { projectName: YANGPU_2024_JIAOLIUBAN.name, rows: YANGPU_2024_JIAOLIUBAN.rows });
    expect(f.map((x) => x.indicatorIndex)).toEqual([
      rowIndex(YANGPU_2024_BANGONGTING, '完成效果（协作服务科）'),
      rowIndex(YANGPU_2024_BANGONGTING, '对口帮扶地区的产业发展水平（协作服务科）'),
    ]);
  });

  test('standard 投入与管理 / 影响力 / 满意度 rows shared by the two 2020 Xining tables are not copies', () => {
    const shared = XINING_2020_YEWU.rows.filter((r) =>
      XINING_2020_ZHUANXIANG.rows.some((o) => o.level2 === r.level2 && o.name === r.name && o.target === r.target),
    );
    expect(shared.length).toBeGreaterThanOrEqual(2); // they do share rows …
    // … but only one 产出/效益 row (支撑作用明显)
    expect(copiedRows(XINING_2020_YEWU, { projectName: XINING_2020_ZHUANXIANG.name, rows: XINING_2020_ZHUANXIANG.rows })).toEqual([]);
  });

  test('a single shared row is not reported; unrelated projects are not reported', () => {
    const one = YANGPU_2024_BANGONGTING.rows.filter((r) => r.name === '完成效果（协作服务科）');
    expect(copiedRows(YANGPU_2024_JIAOLIUBAN, { projectName: 'x', rows: one })).toEqual([]);
    expect(copiedRows(YANGPU_2024_JIAOLIUBAN, { projectName: '修缮类', rows: YANGPU_2024_XIUSHAN.rows })).toEqual([]);
  });
});

describe('robustness', () => {
  test('checkTable never throws and points only at existing, non-placeholder rows', () => {
    const text = fc.oneof(fc.constantFrom('', ' ', '=100.00(%)', '≥', '提高', '产出指标', '数量指标', '满意度'), fc.string({ maxLength: 12 }));
    const row = fc.record({ level1: text, level2: text, name: text, target: text });
    fc.assert(
      fc.property(
        fc.constantFrom('mof-2021', 'shanghai-2020', 'nope'),
        fc.array(row, { maxLength: 12 }),
        fc.option(fc.string({ maxLength: 12 }), { nil: null }),
        fc.option(fc.record({ total: fc.option(text, { nil: null }), fiscal: fc.option(text, { nil: null }) }), { nil: null }),
        (frameworkCode, rows, startDate, funds) => {
          const f = checkTable({ frameworkCode, rows, year: 2024, startDate, endDate: '2024-12-31', funds, otherTables: [{ projectName: 'p', rows }] });
          for (const x of f) {
            expect(CHECK_RULES.some((r) => r.code === x.code && r.severity === x.severity)).toBe(true);
            expect(x.message.length).toBeGreaterThan(0);
            if (x.indicatorIndex !== null) {
              expect(x.indicatorIndex).toBeGreaterThanOrEqual(0);
              expect(x.indicatorIndex).toBeLessThan(rows.length);
              expect(isPlaceholderRow(rows[x.indicatorIndex])).toBe(false);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('last year (domain §11)', () => {
  test('BELOW_LAST_YEAR_ACTUAL: a ≥ value under what the same indicator reached last year (details in checks/history-checks.spec.ts)', () => {
    const rows = [{ level1: '产出指标', level2: '质量指标', name: '验收合格率', target: '≥90%' }];
    const f = run({ frameworkCode: 'mof-2021', rows, history: [{ year: 2026, target: '≥90%', actual: '98%' }] });
    expect(f.find((x) => x.code === 'BELOW_LAST_YEAR_ACTUAL')).toMatchObject({ severity: 'warning', indicatorIndex: 0 });
  });
});

describe('coverage of the rule list', () => {
  // Runs last (jest runs the tests of a file in order): every rule was triggered above.
  test('every rule in CHECK_RULES fired in at least one test of this file', () => {
    expect(CHECK_RULES.map((r) => r.code).filter((c) => !seen.has(c))).toEqual([]);
  });
});
