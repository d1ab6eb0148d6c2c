import type { Finding } from '@pt/domain';
import { emptyRow } from './indicator-rows';
import { commentsByIndicator, RowViews } from './row-view';

const finding = (indicatorIndex: number, code = 'X'): Finding => ({ code, severity: 'error', message: code, indicatorIndex }) as Finding;

describe('RowViews', () => {
  const a = emptyRow({ id: 'a', name: '完成率', target: '≥90%' });
  const b = emptyRow({ id: 'b', name: '满意度', target: '≥95%' });

  it('keeps the view of an unchanged row and makes a new one for the row typed in', () => {
    const views = new RowViews();
    const first = views.update(null, [a, b], [], new Map());
    expect(first.map((v) => [v.n, v.parsed.kind, v.kindLabel])).toEqual([
      [1, 'quantitative', '定量'],
      [2, 'quantitative', '定量'],
    ]);
    const typed = { ...b, target: '提高' };
    const second = views.update(null, [a, typed], [], new Map());
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1].kindLabel).toBe('定性');
  });

  it('gives a row a new view when its findings, place or comments change', () => {
    const views = new RowViews();
    const first = views.update(null, [a, b], [], new Map());
    const flagged = views.update(null, [a, b], [finding(1)], new Map());
    expect(flagged[0]).toBe(first[0]);
    expect(flagged[1].findings.map((f) => f.code)).toEqual(['X']);
    const moved = views.update(null, [b, a], [finding(0)], new Map());
    expect(moved.map((v) => [v.row.id, v.n])).toEqual([
      ['b', 1],
      ['a', 2],
    ]);
    const comments = commentsByIndicator([{ indicatorId: 'a', comment: '请细化', user: '审核人', at: '2026-12-07T00:00:00Z' }, { indicatorId: null, comment: '整表', user: '审核人', at: '2026-12-07T00:00:00Z' }]);
    const commented = views.update(null, [b, a], [finding(0)], comments);
    expect(commented[0]).toBe(moved[0]);
    expect(commented[1].reviewComments.map((c) => c.comment)).toEqual(['请细化']);
  });
});
