import {
  cascadeLevels,
  findFramework,
  frameworkChoices,
  frameworkName,
  groupOfLevel2,
  isLevel2Of,
  level1Choices,
  level2Choices,
  libraryQueryParams,
} from './library-filters';
import type { LevelFramework } from './library-filters';

const MOF: LevelFramework = {
  code: 'mof-2021',
  name: '财政部 2021',
  groups: [
    { name: '成本指标', children: ['经济成本指标', '社会成本指标', '生态环境成本指标'] },
    { name: '产出指标', children: ['数量指标', '质量指标', '时效指标'] },
    { name: '效益指标', children: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'] },
    { name: '满意度指标', children: ['服务对象满意度指标'] },
  ],
};

describe('libraryQueryParams', () => {
  it('drops empty filters and trims the search text', () => {
    expect(libraryQueryParams({ q: '  培训 ', frameworkCode: null, level1: '', level2: undefined, page: 2, pageSize: 20 })).toEqual({
      q: '培训',
      page: '2',
      pageSize: '20',
    });
  });

  it('passes framework and levels', () => {
    expect(libraryQueryParams({ frameworkCode: 'mof-2021', level1: '产出指标', level2: '数量指标' })).toEqual({
      frameworkCode: 'mof-2021',
      level1: '产出指标',
      level2: '数量指标',
    });
  });

  it('ignores a blank search and non-positive paging', () => {
    expect(libraryQueryParams({ q: '   ', page: 0, pageSize: -1 })).toEqual({});
  });
});

describe('level cascade', () => {
  it('lists 一级 in framework order', () => {
    expect(level1Choices(MOF)).toEqual(['成本指标', '产出指标', '效益指标', '满意度指标']);
    expect(level1Choices(null)).toEqual([]);
  });

  it('lists the children of the chosen 一级, or every 二级 grouped', () => {
    expect(level2Choices(MOF, '产出指标')).toEqual([{ group: '产出指标', children: ['数量指标', '质量指标', '时效指标'] }]);
    expect(level2Choices(MOF, null).map((g) => g.group)).toEqual(['成本指标', '产出指标', '效益指标', '满意度指标']);
  });

  it('compares level names after normalisation', () => {
    expect(level2Choices(MOF, '产出 指标')[0]?.group).toBe('产出指标');
    expect(isLevel2Of(MOF, '产出指标', '数量 指标')).toBe(true);
    expect(isLevel2Of(MOF, '效益指标', '数量指标')).toBe(false);
  });

  it('finds the 一级 of a 二级', () => {
    expect(groupOfLevel2(MOF, '服务对象满意度指标')).toBe('满意度指标');
    expect(groupOfLevel2(MOF, '不存在')).toBeNull();
  });

  it('clears a 二级 that does not belong to the new 一级', () => {
    expect(cascadeLevels(MOF, '效益指标', '数量指标')).toEqual({ level1: '效益指标', level2: null });
    expect(cascadeLevels(MOF, '产出指标', '数量指标')).toEqual({ level1: '产出指标', level2: '数量指标' });
  });

  it('brings the 一级 along with a 二级 chosen alone', () => {
    expect(cascadeLevels(MOF, null, '时效指标')).toEqual({ level1: '产出指标', level2: '时效指标' });
  });

  it('drops levels unknown to the framework', () => {
    expect(cascadeLevels(MOF, '投入与管理', '投入管理')).toEqual({ level1: null, level2: null });
    expect(cascadeLevels(MOF, '', '')).toEqual({ level1: null, level2: null });
  });

  it('keeps the values as they are without a framework', () => {
    expect(cascadeLevels(null, '产出指标', 'x')).toEqual({ level1: '产出指标', level2: 'x' });
  });
});

describe('frameworks', () => {
  it('finds a framework and its name by code', () => {
    expect(findFramework([MOF], 'mof-2021')).toBe(MOF);
    expect(findFramework([MOF], 'shanghai-2020')).toBeNull();
    expect(frameworkName([MOF], 'mof-2021')).toBe('财政部 2021');
    expect(frameworkName([MOF], 'other')).toBe('other');
    expect(frameworkChoices([MOF, { code: 'x', groups: [] }])).toEqual([
      { value: 'mof-2021', label: '财政部 2021' },
      { value: 'x', label: 'x' },
    ]);
    expect(frameworkName([MOF], null)).toBe('');
  });
});
