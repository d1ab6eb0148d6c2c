import type { Indicator, Project, ProjectRevision } from '@pt/shared/api-types';
import {
  canStartAdjustment,
  defaultDiffRange,
  goalIndicators,
  goalText,
  parseRevision,
  resolveDiffRange,
  revisionRows,
  viewRows,
} from './revision-diff';

const rev = (revision: number, approvedAt: string | null, reason: string | null, current = false): ProjectRevision => ({
  revision,
  approvedAt,
  reason,
  createdAt: '2025-01-01T00:00:00.000Z',
  current,
});

const target = (raw: string) => ({ raw, text: raw, kind: 'qualitative' as const, operator: null, value: null, unit: null, direction: 'qualitative' as const });

const ind = (level1: string, level2: string, name: string, raw: string): Indicator => ({
  id: name,
  level1,
  level2,
  name,
  core: false,
  weight: null,
  target: target(raw),
});

describe('revision list', () => {
  it('shows each revision with the reason it was made for', () => {
    const rows = revisionRows([rev(3, null, '追加预算', true), rev(1, '2025-02-01T00:00:00Z', '调整数量'), rev(2, '2025-05-01T00:00:00Z', '追加预算')]);
    expect(rows.map((r) => [r.label, r.reason, r.current])).toEqual([
      ['第 1 版', null, false],
      ['第 2 版', '调整数量', false],
      ['第 3 版', '追加预算', true],
    ]);
  });

  it('defaults to the latest earlier approved revision → the current one', () => {
    expect(defaultDiffRange([rev(1, '2025-02-01', 'a'), rev(2, '2025-05-01', 'b'), rev(3, null, 'b', true)])).toEqual({ from: 2, to: 3 });
    expect(defaultDiffRange([rev(1, null, 'a'), rev(2, null, 'a', true)])).toEqual({ from: 1, to: 2 });
    expect(defaultDiffRange([rev(1, '2025-02-01', null, true)])).toBeNull();
    expect(defaultDiffRange([])).toBeNull();
  });

  it('takes from/to from the URL when the project has them', () => {
    const revs = [rev(1, 'x', 'a'), rev(2, 'y', 'b'), rev(3, null, 'b', true)];
    expect(parseRevision('2', revs)).toBe(2);
    expect(parseRevision('9', revs)).toBeNull();
    expect(parseRevision('abc', revs)).toBeNull();
    expect(parseRevision(undefined, revs)).toBeNull();
    expect(resolveDiffRange(revs, '1', undefined)).toEqual({ from: 1, to: 3 });
    expect(resolveDiffRange(revs, '7', '2')).toEqual({ from: 2, to: 2 });
    expect(resolveDiffRange([rev(1, null, null, true)], null, null)).toBeNull();
  });

  it('offers 发起调整 to a filler on an approved project only', () => {
    expect(canStartAdjustment({ roles: ['filler'] }, { status: 'approved' })).toBe(true);
    expect(canStartAdjustment({ roles: ['filler'] }, { status: 'draft' })).toBe(false);
    expect(canStartAdjustment({ roles: ['dept_reviewer'] }, { status: 'approved' })).toBe(false);
    expect(canStartAdjustment(null, { status: 'approved' })).toBe(false);
  });
});

describe('read-only revision table', () => {
  const project = {
    year: 2025,
    indicators: [ind('产出指标', '数量指标', '旧行', '1')],
    annualGoal: '年度目标',
    totalGoal: null,
    goals: [
      { id: 'o', kind: 'overall' as const, year: null, text: '总目标', indicators: [ind('效益指标', '社会效益指标', '总', '提高')] },
      { id: 'a24', kind: 'annual' as const, year: 2024, text: '去年', indicators: [] },
      { id: 'a25', kind: 'annual' as const, year: 2025, text: null, indicators: [ind('产出指标', '数量指标', '甲', '≥1(个)')] },
    ],
  } satisfies Pick<Project, 'year' | 'goals' | 'indicators' | 'annualGoal' | 'totalGoal'>;

  it('takes the annual goal of the project year and the overall goal', () => {
    expect(goalIndicators(project, 'annual').map((i) => i.name)).toEqual(['甲']);
    expect(goalIndicators(project, 'overall').map((i) => i.name)).toEqual(['总']);
    expect(goalIndicators({ ...project, goals: [] }, 'annual').map((i) => i.name)).toEqual(['旧行']);
    expect(goalText(project, 'overall')).toBe('总目标');
    expect(goalText(project, 'annual')).toBe('年度目标');
  });

  it('merges equal consecutive 一级 and 二级 cells', () => {
    const rows = viewRows([
      ind('产出指标', '数量指标', 'a', '1'),
      ind('产出指标', '数量指标', 'b', '2'),
      ind('产出 指标', '质量指标', 'c', '3'),
      ind('效益指标', '社会效益指标', 'd', '提高'),
      ind('产出指标', '数量指标', 'e', '4'),
    ]);
    expect(rows.map((r) => [r.n, r.level1Span, r.level2Span])).toEqual([
      [1, 3, 2],
      [2, 0, 0],
      [3, 0, 1],
      [4, 1, 1],
      [5, 1, 1],
    ]);
    expect(rows[3].target).toBe('提高');
  });
});
