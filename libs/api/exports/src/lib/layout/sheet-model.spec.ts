import { parseTargetValue } from '@pt/domain';
import { indicatorsAsText, mergeRuns, money, sheetNameFor } from './sheet-model';

describe('sheet model', () => {
  it('merges runs of equal 一级, and of equal 二级 inside one 一级, only when longer than one row', () => {
    const rows = [
      ['产出指标', '数量指标', 'a'],
      ['产出指标', '数量指标', 'b'],
      ['产出指标', '质量指标', 'c'],
      ['效益指标', '质量指标', 'd'],
      ['满意度指标', '服务对象满意度指标', 'e'],
    ];
    expect(mergeRuns(rows)).toEqual([
      { row: 0, col: 0, rowSpan: 3 },
      { row: 0, col: 1, rowSpan: 2 },
    ]);
    // printed spacing ("产出 指标") is the same level; an empty cell never merges
    expect(mergeRuns([['产出 指标', ''], ['产出指标', '']])).toEqual([{ row: 0, col: 0, rowSpan: 2 }]);
  });

  it('names sheets within Excel rules, unique without regard to case', () => {
    const taken = new Set<string>();
    expect(sheetNameFor('a/b:c*d?[e]', taken)).toBe('a b c d  e');
    expect(sheetNameFor('A/B:C*D?[E]', taken)).toBe('A B C D  E(2)');
    expect(sheetNameFor('很长的项目名称'.repeat(6), taken)).toHaveLength(28);
    expect(sheetNameFor("''", taken)).toBe('项目');
  });

  it('prints money with separators and two decimals', () => {
    expect(money('500000')).toBe('500,000.00');
    expect(money('1234567.5')).toBe('1,234,567.50');
    expect(money('0.00')).toBe('0.00');
    expect(money(null)).toBe('');
  });

  it('writes the indicators as one text grouped by 二级 in the framework order, skipping empty rows', () => {
    const row = (level1: string, level2: string, name: string, target: string) => ({ id: name, level1, level2, name, core: false, weight: null, target: parseTargetValue(target) });
    const indicators = [
      row('效益指标', '社会效益指标', '影响', '明显'),
      row('产出指标', '数量指标', '资金支付率', '≥90%'),
      row('产出指标', '质量指标', '', ''),
      row('产出指标', '数量指标', '培训次数', '≥2次'),
    ];
    expect(indicatorsAsText({ frameworkCode: 'mof-2021', indicators })).toBe('数量指标: 资金支付率≥90%，培训次数≥2次; 社会效益指标: 影响明显');
  });
});
