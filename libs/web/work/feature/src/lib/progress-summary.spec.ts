import { progressSummary } from './progress-summary';

describe('progressSummary', () => {
  it('counts the units at each status, in the workflow order', () => {
    expect(progressSummary([{ status: '已完成' }, { status: '未开始' }, { status: '已完成' }])).toEqual([
      { status: '未开始', count: 1 },
      { status: '填报中', count: 0 },
      { status: '已提交', count: 0 },
      { status: '已退回', count: 0 },
      { status: '已完成', count: 2 },
    ]);
  });
});
