import { checkTable } from '../checks';
import { checkAgainstLastYear, indicatorKey } from './history-checks';

const last = (actual: string | null) => ({ year: 2026, target: '≥90%', actual });

describe('checkAgainstLastYear (BELOW_LAST_YEAR_ACTUAL)', () => {
  it('warns where a ≥ target is below last year\'s actual, naming the row and both values', () => {
    const f = checkAgainstLastYear([{ name: '培训合格率', target: '≥90%', history: last('96%') }]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ code: 'BELOW_LAST_YEAR_ACTUAL', severity: 'warning', indicatorIndex: 0 });
    expect(f[0].message).toContain('第1行「培训合格率」');
    expect(f[0].message).toContain('2026年');
    expect(f[0].message).toContain('96%');
  });

  it('is quiet at or above last year\'s actual, without an actual, in another unit, or for a lower-is-better value', () => {
    expect(checkAgainstLastYear([{ name: 'a', target: '≥96%', history: last('96%') }])).toEqual([]);
    expect(checkAgainstLastYear([{ name: 'a', target: '不低于 97%', history: last('96%') }])).toEqual([]);
    expect(checkAgainstLastYear([{ name: 'a', target: '≥90%', history: last(null) }])).toEqual([]);
    expect(checkAgainstLastYear([{ name: 'a', target: '≥90%', history: null }])).toEqual([]);
    expect(checkAgainstLastYear([{ name: 'a', target: '≥90人次', history: last('96%') }])).toEqual([]);
    expect(checkAgainstLastYear([{ name: 'a', target: '≤90万元', history: last('96万元') }])).toEqual([]);
    expect(checkAgainstLastYear([{ name: 'a', target: '有效提升', history: last('优') }])).toEqual([]);
  });

  it('compares numbers as decimals (1,500 against 1,600; = counts too)', () => {
    expect(checkAgainstLastYear([{ name: 'a', target: '=1,500人次', history: last('1600人次') }])).toHaveLength(1);
    expect(checkAgainstLastYear([{ name: 'a', target: '≥0.10%', history: last('0.1%') }])).toEqual([]);
  });

  it('runs inside checkTable when the history is given, by the index of the row', () => {
    const rows = [
      { level1: '产出指标', level2: '数量指标', name: '培训人次', target: '≥100人次' },
      { level1: '效益指标', level2: '社会效益指标', name: '覆盖率', target: '≥80%' },
      { level1: '满意度指标', level2: '服务对象满意度指标', name: '满意度', target: '≥90%' },
    ];
    const f = checkTable({ frameworkCode: 'mof-2021', rows, history: [null, { year: 2026, target: '≥80%', actual: '85%' }] });
    expect(f.filter((x) => x.code === 'BELOW_LAST_YEAR_ACTUAL').map((x) => x.indicatorIndex)).toEqual([1]);
    expect(checkTable({ frameworkCode: 'mof-2021', rows }).some((x) => x.code === 'BELOW_LAST_YEAR_ACTUAL')).toBe(false);
  });

  it('keys the same indicator by its levels (spacing ignored) and trimmed name', () => {
    expect(indicatorKey({ level1: '产出 指标', level2: '数量指标', name: ' 培训人次 ' })).toBe(indicatorKey({ level1: '产出指标', level2: '数量 指标', name: '培训人次' }));
    expect(indicatorKey({ level1: '产出指标', level2: '数量指标', name: '培训人次' })).not.toBe(indicatorKey({ level1: '产出指标', level2: '质量指标', name: '培训人次' }));
  });
});
