import { TASK_KIND_LABELS } from '@pt/shared/api-types';
import { defaultTaskTitle, newTaskForm, taskBody, taskFormFailure } from './task-form';

describe('task form', () => {
  it('names each missing field before sending', () => {
    const f = { ...newTaskForm(2027), kind: 'monitoring' as const };
    expect(taskFormFailure(f)?.details?.map((d) => d.field)).toEqual(['title', 'month', 'deadline']);
    expect(taskFormFailure({ ...f, title: '八月监控', month: 8, deadline: new Date(2026, 7, 31) })).toBeNull();
  });

  it('sends the month only for monitoring, the deadline as a local date, orgIds only when chosen', () => {
    const d = new Date(2026, 9, 31);
    expect(taskBody({ kind: 'declaration', year: 2027, month: 8, title: ' 申报 ', deadline: d, orgIds: [] })).toEqual({
      kind: 'declaration',
      year: 2027,
      title: '申报',
      deadline: '2026-10-31',
    });
    expect(taskBody({ kind: 'monitoring', year: 2026, month: 8, title: 'm', deadline: d, orgIds: ['o1'] })).toEqual({
      kind: 'monitoring',
      year: 2026,
      month: 8,
      title: 'm',
      deadline: '2026-10-31',
      orgIds: ['o1'],
    });
  });

  it('offers a title from the step', () => {
    expect(defaultTaskTitle('declaration', 2027, null, TASK_KIND_LABELS)).toBe('2027 年度绩效目标申报');
    expect(defaultTaskTitle('monitoring', 2026, 8, TASK_KIND_LABELS)).toBe('2026 年 8 月运行监控');
  });
});
