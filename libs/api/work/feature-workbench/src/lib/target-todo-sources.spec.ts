import type { WorkTask } from '@pt/shared/api-types';
import { deadlineFor } from './target-todo-sources';

const task = (over: Partial<WorkTask>): WorkTask => ({
  id: 't',
  kind: 'declaration',
  year: 2027,
  month: null,
  title: '申报',
  deadline: '2027-10-31',
  setterOrgId: 'czj',
  setterOrgName: '财政局',
  createdBy: '财政局审核人',
  createdAt: '2026-09-01T00:00:00.000Z',
  orgIds: ['unit'],
  ...over,
});

describe('deadlineFor', () => {
  it('is the earliest deadline of the tasks of that kind and year covering the unit', () => {
    const tasks = [task({ deadline: '2027-10-31' }), task({ deadline: '2027-09-30' }), task({ deadline: '2027-08-01', year: 2028 }), task({ deadline: '2027-07-01', orgIds: ['other'] })];
    expect(deadlineFor(tasks, 'declaration', 2027, 'unit')).toBe('2027-09-30');
    expect(deadlineFor(tasks, 'evaluation', 2027, 'unit')).toBeNull();
  });

  it('matches the month of a monitoring task', () => {
    const tasks = [task({ kind: 'monitoring', month: 7, deadline: '2027-08-10' }), task({ kind: 'monitoring', month: 8, deadline: '2027-09-10' })];
    expect(deadlineFor(tasks, 'monitoring', 2027, 'unit', 8)).toBe('2027-09-10');
  });
});
