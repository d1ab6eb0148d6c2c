import type { Project, TargetChanges } from '@pt/shared/api-types';
import { reviewChanges } from './review-changes';

const ind = (id: string, name: string, target: string) => ({
  id,
  level1: '产出指标',
  level2: '数量指标',
  name,
  core: false,
  weight: null,
  target: { raw: target, text: target, kind: 'qualitative' as const, operator: null, value: null, unit: null, direction: 'qualitative' as const },
});

function project(version: number, name: string, rows: ReturnType<typeof ind>[], total = '100000.00'): Project {
  return {
    id: 'p1',
    version,
    year: 2027,
    name,
    funds: { total },
    goals: [{ id: 'g', kind: 'annual', year: 2027, text: '', indicators: rows }],
  } as unknown as Project;
}

describe('reviewChanges', () => {
  const returned = project(3, '培训项目', [ind('a', '培训人数', '≥100人'), ind('b', '培训天数', '≥5天'), ind('c', '满意度', '≥90%')]);
  /** The API's answer: the target as returned and as it is now. */
  const since = (before: Project, after: Project): TargetChanges =>
    ({ returnedAt: '2026-12-07T02:00:00Z', returnedBy: '合作交流办审核人', comment: '指标值偏低', before, after }) as TargetChanges;

  it('names the header fields and the rows added, removed and changed since the return', () => {
    const now = project(5, '培训项目（修订）', [ind('a', '培训人数', '≥120人'), ind('c', '满意度', '≥90%'), ind('d', '培训合格率', '≥95%')], '120000.00');
    const c = reviewChanges(since(returned, now));
    expect(c?.any).toBe(true);
    expect(c?.since).toBe('2026-12-07T02:00:00Z');
    expect(c?.by).toBe('合作交流办审核人');
    expect(c?.fields.map((f) => [f.field, f.before, f.after])).toEqual([
      ['name', '培训项目', '培训项目（修订）'],
      ['funds.total', '100000.00', '120000.00'],
    ]);
    const kinds = c?.annualRows.map((r) => [r.kind, (r.after ?? r.before)?.name]);
    expect(kinds).toEqual([
      ['changed', '培训人数'],
      ['removed', '培训天数'],
      ['unchanged', '满意度'],
      ['added', '培训合格率'],
    ]);
    expect(c?.annualRows[0].fields).toEqual(['target']);
  });

  it('nothing to show when never returned, or before anything newer than the return', () => {
    expect(reviewChanges(null)).toBeNull();
    expect(reviewChanges(since(returned, returned))).toBeNull();
    expect(reviewChanges(since({ ...returned, id: 'other' } as Project, project(4, '培训项目', [])))).toBeNull();
  });

  it('resubmitted unchanged: no changes', () => {
    expect(reviewChanges(since(returned, { ...returned, version: 4 }))?.any).toBe(false);
  });
});
