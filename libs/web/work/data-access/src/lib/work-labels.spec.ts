import { daysLeftText, deadlineState, pastDeadline, taskLink, taskStepLabel, todoLink } from './work-labels';

describe('work labels', () => {
  it('says where a deadline stands: done wins, passed, within three days, later', () => {
    expect(deadlineState(-1, true)).toBe('done');
    expect(deadlineState(-1, false)).toBe('overdue');
    expect(deadlineState(0, false)).toBe('near');
    expect(deadlineState(3, false)).toBe('near');
    expect(deadlineState(4, false)).toBe('ok');
  });

  it('words the days left', () => {
    expect(daysLeftText(5)).toBe('剩 5 天');
    expect(daysLeftText(0)).toBe('今天截止');
    expect(daysLeftText(-2)).toBe('已逾期 2 天');
  });

  it('names the step of a task, the month for monitoring', () => {
    expect(taskStepLabel({ kind: 'declaration', year: 2027, month: null })).toBe('2027 年度 绩效目标申报');
    expect(taskStepLabel({ kind: 'monitoring', year: 2026, month: 8 })).toBe('2026 年 8 月 运行监控');
  });

  it('links each 待办 to its page of the target', () => {
    expect(todoLink({ type: 'review', targetId: 't1' })).toEqual(['/projects', 't1', 'review']);
    expect(todoLink({ type: 'returned', targetId: 't1' })).toEqual(['/projects', 't1']);
    expect(todoLink({ type: 'fill', targetId: 't1' })).toEqual(['/projects', 't1']);
    expect(todoLink({ type: 'monitoring', targetId: 't1' })).toEqual(['/projects', 't1', 'monitoring']);
    expect(todoLink({ type: 'evaluation', targetId: 't1' })).toEqual(['/projects', 't1', 'evaluation']);
    expect(todoLink({ type: 'rectification', targetId: 't1' })).toEqual(['/projects', 't1', 'rectifications']);
  });

  it('marks a 待办 past its deadline (the day after it, local time)', () => {
    const today = new Date(2026, 11, 7, 23, 30);
    expect(pastDeadline('2026-12-06', today)).toBe(true);
    expect(pastDeadline('2026-12-07', today)).toBe(false);
    expect(pastDeadline(null, today)).toBe(false);
  });

  it('links a task to where its step is done', () => {
    expect(taskLink({ kind: 'declaration', year: 2027 })).toEqual({ path: '/projects', query: { year: 2027 } });
    expect(taskLink({ kind: 'monitoring', year: 2026 })).toEqual({ path: '/monitoring', query: { year: 2026 } });
  });
});
