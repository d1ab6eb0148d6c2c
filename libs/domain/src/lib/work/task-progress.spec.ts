import { beijingDate, daysLeft, isOverdue, leastAdvanced, monitoringState, stepStatus } from './task-progress';

describe('stepStatus (a unit on a task)', () => {
  it('is 未开始 with no document or none started', () => {
    expect(stepStatus([])).toBe('未开始');
    expect(stepStatus(['none', 'none'])).toBe('未开始');
  });

  it('is 已完成 only when every document is approved, at least one', () => {
    expect(stepStatus(['approved'])).toBe('已完成');
    expect(stepStatus(['approved', 'approved'])).toBe('已完成');
    expect(stepStatus(['approved', 'dept_approved'])).toBe('已提交');
    expect(stepStatus(['approved', 'none'])).toBe('填报中');
  });

  it('is 已退回 as soon as one document is returned, before 填报中', () => {
    expect(stepStatus(['returned', 'draft'])).toBe('已退回');
    expect(stepStatus(['returned', 'approved'])).toBe('已退回');
  });

  it('is 已提交 when all are submitted or further, 填报中 while one is a draft or not started', () => {
    expect(stepStatus(['submitted', 'dept_approved'])).toBe('已提交');
    expect(stepStatus(['submitted', 'draft'])).toBe('填报中');
    expect(stepStatus(['draft'])).toBe('填报中');
  });

  it('counts a saved monitoring report as done for its target', () => {
    expect(stepStatus([monitoringState(true), monitoringState(true)])).toBe('已完成');
    expect(stepStatus([monitoringState(true), monitoringState(false)])).toBe('填报中');
    expect(stepStatus([monitoringState(false)])).toBe('未开始');
  });
});

describe('deadlines', () => {
  it('is overdue the day after the deadline unless 已完成', () => {
    expect(isOverdue('2026-10-31', '2026-10-31', '填报中')).toBe(false);
    expect(isOverdue('2026-10-31', '2026-11-01', '填报中')).toBe(true);
    expect(isOverdue('2026-10-31', '2026-11-01', '已完成')).toBe(false);
  });

  it('counts the whole days left, negative once passed', () => {
    expect(daysLeft('2026-10-31', '2026-10-28')).toBe(3);
    expect(daysLeft('2026-10-31', '2026-10-31')).toBe(0);
    expect(daysLeft('2026-03-01', '2026-02-28')).toBe(1);
    expect(daysLeft('2026-10-31', '2026-11-02')).toBe(-2);
  });
});

describe('beijingDate and leastAdvanced', () => {
  it('is the date in Beijing: 16:00 UTC is already the next day', () => {
    expect(beijingDate(new Date('2026-10-31T15:59:59Z'))).toBe('2026-10-31');
    expect(beijingDate(new Date('2026-10-31T16:00:00Z'))).toBe('2026-11-01');
  });

  it('summarises many units by the least advanced', () => {
    expect(leastAdvanced(['已完成', '已提交', '已完成'])).toBe('已提交');
    expect(leastAdvanced(['已完成', '已退回', '填报中'])).toBe('已退回');
    expect(leastAdvanced(['已完成'])).toBe('已完成');
    expect(leastAdvanced([])).toBe('未开始');
  });
});
