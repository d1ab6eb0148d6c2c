import { XINING_2020_YEWU, XINING_2020_ZHUANXIANG } from '../fixtures/reference-tables';
import { diffFields, diffIndicatorRows, nameSimilarity, type DiffRow } from './diff';

const row = (name: string, target: string, extra: Partial<DiffRow> = {}): DiffRow => ({ level1: '产出指标', level2: '数量指标', name, target, ...extra });

describe('diffIndicatorRows', () => {
  it('reports nothing but unchanged rows for the same table, even when targets are written differently', () => {
    const a = [row('接待团组数量', '>=60个'), row('公务用车保障率', '>=90%')];
    const b = [row('接待团组数量', '≥60.00(个)'), row('公务用车保障率', '≥ 90 %')];
    expect(diffIndicatorRows(a, b).map((d) => d.kind)).toEqual(['unchanged', 'unchanged']);
  });

  it('finds a changed target, an added row and a removed row, in the order of the new table', () => {
    const a = [row('A', '≥1次'), row('B', '≥2次'), row('C', '≥3次')];
    const b = [row('A', '≥1次'), row('C', '≥4次'), row('D', '≥5次')];
    const d = diffIndicatorRows(a, b);
    expect(d.map((x) => [x.kind, x.before?.name ?? null, x.after?.name ?? null, x.fields])).toEqual([
      ['unchanged', 'A', 'A', []],
      ['removed', 'B', null, []],
      ['changed', 'C', 'C', ['target']],
      ['added', null, 'D', []],
    ]);
    expect(d[2]).toMatchObject({ beforeIndex: 2, afterIndex: 1 });
  });

  it('matches by id first, so a renamed row is a change, not a removal plus an addition', () => {
    const a = [row('开展课题', '=4个', { id: 'x1' })];
    const b = [row('开展课题研究', '=5个', { id: 'x1' })];
    expect(diffIndicatorRows(a, b)).toEqual([
      expect.objectContaining({ kind: 'changed', fields: ['name', 'target'], beforeIndex: 0, afterIndex: 0 }),
    ]);
  });

  it('notices a moved row to another 二级, the core mark and the weight', () => {
    const a = [row('A', '≥1次', { weight: '10' })];
    const b = [row('A', '≥1次', { level2: '质量指标', core: true, weight: '10.00' })];
    expect(diffIndicatorRows(a, b)[0]).toMatchObject({ kind: 'changed', fields: ['level2', 'core'] });
  });

  it('diffs the two real 2020 Xining tables (same layout, different rows)', () => {
    const d = diffIndicatorRows(XINING_2020_YEWU.rows, XINING_2020_ZHUANXIANG.rows);
    const unchanged = d.filter((x) => x.kind === 'unchanged').map((x) => x.after?.name);
    expect(unchanged).toEqual(expect.arrayContaining(['预算资金到位率', '实施流程规范性', '合作交流工作支撑作用', '服务对象满意度', '人员配置情况', '部门协同有效性']));
    expect(d.filter((x) => x.kind === 'added').map((x) => x.after?.name)).toEqual(expect.arrayContaining(['接待团组数量', '公务用车保障率']));
    expect(d.filter((x) => x.kind === 'removed').map((x) => x.before?.name)).toEqual(expect.arrayContaining(['预算执行率', '课题转化成果率']));
    // every row of both tables appears exactly once
    expect(d.filter((x) => x.before).length).toBe(XINING_2020_YEWU.rows.length);
    expect(d.filter((x) => x.after).length).toBe(XINING_2020_ZHUANXIANG.rows.length);
  });
});

describe('diffFields', () => {
  it('lists the fields whose text differs, blank and null alike', () => {
    expect(
      diffFields({ name: '项目', overview: '', plan: '计划', budget: '100.00' }, { name: '项目', overview: null, plan: '新计划', budget: '120.00' }, {
        name: '项目名称',
        overview: '项目概况',
        plan: '项目实施计划',
        budget: '预算',
      }),
    ).toEqual([
      { field: 'plan', label: '项目实施计划', before: '计划', after: '新计划' },
      { field: 'budget', label: '预算', before: '100.00', after: '120.00' },
    ]);
  });
});

describe('nameSimilarity', () => {
  it('is 1 for the same name and ignores brackets and a trailing 经费', () => {
    expect(nameSimilarity('合作交流工作业务费', '合作交流工作业务费')).toBe(1);
    expect(nameSimilarity('外事办全区非经贸出国(出境)专项经费', '外事办全区非经贸出国（出境）')).toBe(1);
  });

  it('ranks related names above unrelated ones', () => {
    const related = nameSimilarity('合作交流工作业务费', '合作交流专项工作经费');
    const unrelated = nameSimilarity('合作交流工作业务费', '修缮类');
    expect(related).toBeGreaterThan(0.4);
    expect(unrelated).toBe(0);
    expect(nameSimilarity('', '修缮类')).toBe(0);
  });
});
