import { checkTable } from '@pt/domain';
import type { Finding } from '@pt/domain';
import { pickLevelValue, valueFixes } from './table-cells';

describe('pickLevelValue', () => {
  const listed = [{ value: '产出指标' }, { value: '成本指标' }];

  it('takes the highlighted option when it is listed', () => {
    expect(pickLevelValue(listed, '成本指标', '指标')).toBe('成本指标');
  });

  it('takes the first listed option when the highlight is not in the filtered list', () => {
    expect(pickLevelValue([{ value: '产出指标' }], '效益指标', '产出')).toBe('产出指标');
    expect(pickLevelValue([{ value: '产出指标' }], undefined, '产出')).toBe('产出指标');
  });

  it('skips disabled options', () => {
    expect(pickLevelValue([{ value: '产出指标', disabled: true }, { value: '成本指标' }], '产出指标', '指标')).toBe('成本指标');
  });

  it('keeps typed text that matches no option (trimmed): nothing typed is dropped', () => {
    expect(pickLevelValue([], null, '  自定义二级 ')).toBe('自定义二级');
  });

  it('changes nothing when nothing was typed and nothing is highlighted', () => {
    expect(pickLevelValue(listed, undefined, '')).toBeNull();
    expect(pickLevelValue([], null, '   ')).toBeNull();
  });

  it('with nothing typed, an open list still gives its highlighted option (Enter after ↓)', () => {
    expect(pickLevelValue(listed, '产出指标', '')).toBe('产出指标');
  });
});

describe('valueFixes', () => {
  const finding = (code: string): Finding => ({ code, severity: 'error', indicatorIndex: 0, message: '' });

  it('offers the domain fixes for a value the checks could not read', () => {
    const fixes = valueFixes('≥9O%', '培训计划完成率', [finding('MALFORMED_NUMBER')]);
    expect(fixes.length).toBeGreaterThan(0);
    expect(fixes[0]).toBe('≥90.00(%)');
  });

  it('offers = and ≥ for a number with a unit but no operator (the info finding IMPLIED_EQUAL)', () => {
    const findings = checkTable({ frameworkCode: 'mof-2021', rows: [{ level1: '产出指标', level2: '质量指标', name: '验收合格率', target: '100%', core: false, weight: null }] }).filter(
      (f) => f.indicatorIndex === 0,
    );
    expect(findings.map((f) => f.code)).toContain('IMPLIED_EQUAL');
    expect(valueFixes('100%', '验收合格率', findings)).toEqual(['=100.00(%)', '≥100.00(%)']);
  });

  it('offers nothing for a row without such a finding, nor the value it already has', () => {
    expect(valueFixes('90', '满意度', [finding('EMPTY_NAME')])).toEqual([]);
    expect(valueFixes('≥90%', '满意度', [])).toEqual([]);
  });
});
