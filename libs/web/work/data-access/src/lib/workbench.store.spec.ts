import { TestBed } from '@angular/core/testing';
import type { Workbench, WorkbenchCounts, WorkbenchTask } from '@pt/shared/api-types';
import { taskReminders, WorkbenchStore } from './workbench.store';
import { WorkApi } from './work.api';

const task = (id: string, daysLeft: number, status: WorkbenchTask['status'] = '填报中'): WorkbenchTask => ({
  id,
  kind: 'declaration',
  title: id,
  year: 2027,
  month: null,
  deadline: '2026-12-10',
  status,
  overdue: daysLeft < 0 && status !== '已完成',
  daysLeft,
});

describe('taskReminders', () => {
  it('keeps the overdue and near tasks not done, overdue first', () => {
    const r = taskReminders([task('far', 10), task('near', 2), task('late', -1), task('done-late', -3, '已完成')]);
    expect(r.map((x) => [x.task.id, x.state])).toEqual([
      ['late', 'overdue'],
      ['near', 'near'],
    ]);
  });
});

describe('WorkbenchStore', () => {
  const counts: WorkbenchCounts = { todo: 3, review: 2, returned: 1, overdueTasks: 0 };
  function setUp() {
    const api = { counts: jest.fn(async () => counts), workbench: jest.fn(async (): Promise<Workbench> => ({ tasks: [task('t', 1)], todo: [], done: [], counts })) };
    TestBed.configureTestingModule({ providers: [{ provide: WorkApi, useValue: api }] });
    return { api, store: TestBed.inject(WorkbenchStore) };
  }

  it('asks the counts once while fresh, again after the user acted', async () => {
    const { api, store } = setUp();
    await store.refreshCounts();
    await store.refreshCounts();
    expect(api.counts).toHaveBeenCalledTimes(1);
    expect(store.counts()).toEqual(counts);
    store.invalidate();
    await store.refreshCounts();
    expect(api.counts).toHaveBeenCalledTimes(2);
  });

  it('a failed count keeps the last ones; the 工作台 sets the counts and the reminders', async () => {
    const { api, store } = setUp();
    await store.load();
    expect(store.reminders().map((r) => r.state)).toEqual(['near']);
    api.counts.mockRejectedValueOnce(new Error('offline'));
    store.invalidate();
    await store.refreshCounts();
    expect(store.counts()).toEqual(counts);
    store.clear();
    expect(store.counts()).toBeNull();
  });
});
