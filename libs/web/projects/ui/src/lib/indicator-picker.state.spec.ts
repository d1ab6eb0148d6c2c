import {
  allPickable,
  cascadePickerFilter,
  existingNameSet,
  isEmptySearch,
  libraryCandidates,
  pickCheckState,
  pickedRows,
  pickerLevel2Options,
  pickNameKey,
  prunePicks,
  setAllPicks,
  similarCandidates,
  similarityLabel,
  togglePick,
} from './indicator-picker.state';
import type { PickerFramework } from './indicator-picker.state';

const lib = (id: string, name: string, target: string | null = '≥90%') => ({
  id,
  frameworkCode: 'mof-2021',
  level1: '产出指标',
  level2: '数量指标',
  name,
  target,
  source: '2024年 参考表',
  usageCount: 3,
  version: 1,
});

const FW: PickerFramework = {
  code: 'mof-2021',
  groups: [
    { name: '产出指标', children: ['数量指标', '质量指标', '时效指标'] },
    { name: '效益指标', children: ['社会效益指标'] },
  ],
};

describe('picker candidates', () => {
  it('marks rows whose name is already in the table, ignoring width and spaces', () => {
    const existing = existingNameSet(['培训 人次', '', null]);
    const c = libraryCandidates([lib('a', '培训人次'), lib('b', '培训满意度')], existing);
    expect(c.map((x) => [x.key, x.existing])).toEqual([
      ['lib:a', true],
      ['lib:b', false],
    ]);
    expect(pickNameKey('ＡＢ Ｃ')).toBe(pickNameKey('AB C'));
  });

  it('turns a missing library target into an empty one and keeps source and usage', () => {
    const [c] = libraryCandidates([lib('a', '培训人次', null)], new Set());
    expect(c.row).toEqual({ level1: '产出指标', level2: '数量指标', name: '培训人次', target: '' });
    expect(c.source).toBe('2024年 参考表');
    expect(c.usageCount).toBe(3);
  });

  it('carries a library entry\'s 指标解释 … 数据来源 into the picked row (and none from an entry without them)', () => {
    const [c] = libraryCandidates([{ ...lib('a', '培训人次'), explanation: '参训人次合计', basis: '计划标准', scoringRule: null, dataSource: '签到表' }], new Set());
    expect(c.row).toMatchObject({ name: '培训人次', explanation: '参训人次合计', basis: '计划标准', scoringRule: null, dataSource: '签到表' });
    expect(Object.keys(libraryCandidates([lib('b', '培训满意度')], new Set())[0].row)).toEqual(['level1', 'level2', 'name', 'target']);
  });

  it('keys similar-project rows by project and position and skips unnamed rows', () => {
    const c = similarCandidates(
      {
        id: 'p1',
        indicators: [
          { level1: '产出指标', level2: '数量指标', name: '培训人次', target: '≥100人次' },
          { level1: '成本指标', level2: '经济成本指标', name: '', target: '' },
          { level1: '效益指标', level2: '社会效益指标', name: '培训覆盖面', target: '提高' },
        ],
      },
      new Set(),
    );
    expect(c.map((x) => x.key)).toEqual(['sim:p1:0', 'sim:p1:1']);
    expect(c[1].row.name).toBe('培训覆盖面');
  });
});

describe('picker selection', () => {
  const candidates = libraryCandidates([lib('a', '甲'), lib('b', '乙'), lib('c', '丙')], existingNameSet(['丙']));

  it('toggles one key without touching the original set', () => {
    const s0 = new Set<string>();
    const s1 = togglePick(s0, 'lib:a', true);
    expect([...s1]).toEqual(['lib:a']);
    expect(s0.size).toBe(0);
    expect([...togglePick(s1, 'lib:a', false)]).toEqual([]);
  });

  it('selects all pickable rows only', () => {
    const s = setAllPicks(new Set(['other']), candidates, true);
    expect([...s].sort()).toEqual(['lib:a', 'lib:b', 'other']);
    expect([...setAllPicks(s, candidates, false)]).toEqual(['other']);
  });

  it('reports all / some / count over pickable rows', () => {
    expect(pickCheckState(new Set(), candidates)).toEqual({ all: false, some: false, count: 0, pickable: 2 });
    expect(pickCheckState(new Set(['lib:a']), candidates)).toEqual({ all: false, some: true, count: 1, pickable: 2 });
    expect(pickCheckState(new Set(['lib:a', 'lib:b', 'lib:c']), candidates)).toEqual({ all: true, some: false, count: 2, pickable: 2 });
    expect(pickCheckState(new Set(), []).all).toBe(false);
  });

  it('gives the ticked rows in list order, each name once, trimmed, never an existing one', () => {
    const dup = [
      ...candidates,
      ...similarCandidates({ id: 'p', indicators: [{ level1: ' 产出指标', level2: '数量指标 ', name: ' 甲 ', target: ' 提高 ' }] }, new Set()),
      ...similarCandidates({ id: 'q', indicators: [{ level1: '效益指标', level2: '社会效益指标', name: '丁 ', target: ' 提高 ' }] }, new Set()),
    ];
    const rows = pickedRows(dup, new Set(['sim:q:0', 'lib:c', 'sim:p:0', 'lib:a']));
    expect(rows).toEqual([
      { level1: '产出指标', level2: '数量指标', name: '甲', target: '≥90%' },
      { level1: '效益指标', level2: '社会效益指标', name: '丁', target: '提高' },
    ]);
  });

  it('adds every pickable row with 全部加入', () => {
    expect(allPickable(candidates).map((r) => r.name)).toEqual(['甲', '乙']);
  });

  it('drops ticks of rows that are gone or now in the table', () => {
    const now = libraryCandidates([lib('a', '甲'), lib('b', '乙')], existingNameSet(['乙']));
    expect([...prunePicks(new Set(['lib:a', 'lib:b', 'lib:z']), now)]).toEqual(['lib:a']);
  });
});

describe('picker filters', () => {
  it('lists the 二级 of the chosen 一级, or all', () => {
    expect(pickerLevel2Options(FW, '效益指标')).toEqual(['社会效益指标']);
    expect(pickerLevel2Options(FW, null)).toEqual(['数量指标', '质量指标', '时效指标', '社会效益指标']);
    expect(pickerLevel2Options(null, null)).toEqual([]);
  });

  it('cascades 一级 and 二级', () => {
    expect(cascadePickerFilter(FW, '效益指标', '数量指标')).toEqual({ level1: '效益指标', level2: null });
    expect(cascadePickerFilter(FW, null, '时效指标')).toEqual({ level1: '产出指标', level2: '时效指标' });
    expect(cascadePickerFilter(FW, '产出指标', '质量指标')).toEqual({ level1: '产出指标', level2: '质量指标' });
    expect(cascadePickerFilter(FW, '', '')).toEqual({ level1: null, level2: null });
  });

  it('knows an empty search', () => {
    expect(isEmptySearch({ q: '  ', level1: null, level2: null })).toBe(true);
    expect(isEmptySearch({ q: '', level1: '产出指标', level2: null })).toBe(false);
  });

  it('formats similarity as a percentage', () => {
    expect(similarityLabel(0.834)).toBe('83%');
    expect(similarityLabel(1.2)).toBe('100%');
    expect(similarityLabel(null)).toBe('');
  });
});
