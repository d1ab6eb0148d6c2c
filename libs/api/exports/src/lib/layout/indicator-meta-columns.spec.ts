import { hasMetaRows, META_COLUMNS, metaCells, metaFromCells, pickMeta } from './indicator-meta-columns';

describe('the description columns of the 申报表', () => {
  it('are added only where a row has one, in the order 指标解释 设定依据 评(扣)分标准 数据来源', () => {
    expect(META_COLUMNS.map((c) => c.header)).toEqual(['指标解释', '设定依据', '评(扣)分标准', '数据来源']);
    expect(hasMetaRows([{ explanation: null }, {}])).toBe(false);
    expect(hasMetaRows([{}, { dataSource: '年报' }])).toBe(true);
    expect(metaCells({ basis: '计划标准', dataSource: '年报' })).toEqual(['', '计划标准', '', '年报']);
  });

  it('are read back by their headers; a 设定依据 outside the four or an over-long text is a problem, not a value', () => {
    const headers = ['指标解释', '设定依据', '评(扣)分标准', '数据来源'];
    expect(metaFromCells(headers, ['解释', '历史标准', '', ' 年报 '])).toEqual({ meta: { explanation: '解释', basis: '历史标准', scoringRule: null, dataSource: '年报' }, problem: null });
    expect(metaFromCells(headers, ['', '国标', '', '']).problem).toContain('设定依据“国标”须为');
    const long = metaFromCells(headers, ['', '', '', 'x'.repeat(201)]);
    expect(long.problem).toContain('数据来源最多 200 个字符');
    expect('dataSource' in long.meta).toBe(false);
    // a file without the columns (the official layout): nothing is read, so a replace keeps nothing it did not have
    expect(metaFromCells(['', '', '', ''], ['a', 'b', 'c', 'd'])).toEqual({ meta: {}, problem: null });
    expect(pickMeta({ basis: null } as never)).toEqual({ basis: null });
  });
});
