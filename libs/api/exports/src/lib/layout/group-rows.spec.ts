import { MOF_2021, SHANGHAI_2020 } from '@pt/domain';
import { groupRows } from './group-rows';
import { mergeRuns } from './sheet-model';

const row = (level1: string, level2: string, name: string) => ({ level1, level2, name });
const names = (rows: { name: string }[]) => rows.map((r) => r.name);

describe('groupRows (exports only)', () => {
  it('puts rows entered out of 一级 order into one block per 一级, in the framework order', () => {
    const rows = [
      row('满意度指标', '服务对象满意度指标', 'a'),
      row('产出指标', '数量指标', 'b'),
      row('效益指标', '社会效益指标', 'c'),
      row('产出指标', '质量指标', 'd'),
      row('成本指标', '经济成本指标', 'e'),
    ];
    const grouped = groupRows(rows, MOF_2021);
    expect(names(grouped)).toEqual(['e', 'b', 'd', 'c', 'a']);
    // 产出指标 is now one merged run of two rows
    expect(mergeRuns(grouped.map((r) => [r.level1, r.level2, r.name]))).toEqual([{ row: 1, col: 0, rowSpan: 2 }]);
  });

  it('orders the 二级 inside a 一级 by the framework and keeps the entered order within a 二级 (stable)', () => {
    const rows = [
      row('产出指标', '时效指标', 't1'),
      row('产出指标', '数量指标', 'n1'),
      row('产出指标', '时效指标', 't2'),
      row('产出指标', '质量指标', 'q1'),
      row('产出指标', '数量指标', 'n2'),
    ];
    expect(names(groupRows(rows, MOF_2021))).toEqual(['n1', 'n2', 'q1', 't1', 't2']);
  });

  it('reads printed spacing as the same level and puts unknown levels after the known ones, by first appearance', () => {
    const rows = [
      row('自定义一级', 'x', 'u1'),
      row('产出 目标', '质量', 'q'),
      row('产出目标', '自定义二级', 'c'),
      row('产出目标', '数量', 'n'),
      row('另一个一级', 'y', 'u2'),
      row('自定义一级', 'z', 'u3'),
    ];
    expect(names(groupRows(rows, SHANGHAI_2020))).toEqual(['n', 'q', 'c', 'u1', 'u3', 'u2']);
  });

  it('without a known framework keeps the first-appearance order of each level', () => {
    const rows = [row('B', '1', 'b1'), row('A', '1', 'a1'), row('B', '2', 'b2'), row('A', '1', 'a2')];
    expect(names(groupRows(rows, undefined))).toEqual(['b1', 'b2', 'a1', 'a2']);
    expect(groupRows([], MOF_2021)).toEqual([]);
  });
});
