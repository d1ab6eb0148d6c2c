import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Workbench } from '@pt/shared/api-types';
import { AuthStore } from '@pt/web/auth/data-access';
import { WorkApi } from '@pt/web/work/data-access';
import { WorkbenchPage } from './workbench.page';
import { pageTestProviders } from '@pt/web/shared/data-access/testing';

const WB: Workbench = {
  tasks: [
    { id: 't-late', kind: 'declaration', title: '2027 年度绩效目标申报', year: 2027, month: null, deadline: '2026-12-01', status: '填报中', overdue: true, daysLeft: -2 },
    { id: 't-soon', kind: 'monitoring', title: '八月监控', year: 2026, month: 8, deadline: '2026-12-05', status: '未开始', overdue: false, daysLeft: 2 },
    { id: 't-done', kind: 'evaluation', title: '自评', year: 2026, month: null, deadline: '2026-11-01', status: '已完成', overdue: false, daysLeft: -30 },
  ],
  todo: [
    { type: 'fill', targetId: 'p1', name: '草稿项目', orgName: '西宁办', year: 2027, status: 'draft', deadline: '2026-12-01' },
    { type: 'returned', targetId: 'p2', name: '退回项目', orgName: '西宁办', year: 2027, status: 'returned', deadline: null, reason: '请补充测算依据' },
  ],
  done: [{ targetId: 'p3', name: '已提交项目', action: 'submit', fromStatus: 'draft', toStatus: 'submitted', comment: null, at: '2026-12-03T01:02:00Z' }],
  counts: { todo: 2, review: 0, returned: 1, overdueTasks: 1 },
};

async function render(workbench: () => Promise<Workbench>, roles = ['filler']) {
  TestBed.configureTestingModule({
    providers: [
      ...pageTestProviders(),
      { provide: AuthStore, useValue: { user: signal({ displayName: '西宁办填报人', roles }) } },
      { provide: WorkApi, useValue: { workbench } },
    ],
  });
  const fixture = TestBed.createComponent(WorkbenchPage);
  fixture.detectChanges();
  await new Promise((r) => setTimeout(r));
  fixture.detectChanges();
  const el = fixture.nativeElement as HTMLElement;
  return { el, by: (id: string) => el.querySelector(`[data-testid="${id}"]`) as HTMLElement | null };
}

describe('WorkbenchPage', () => {
  it('shows the tasks with days left (overdue in red), the reminders, the 待办 with the reason, linked to the target', async () => {
    const { el, by } = await render(async () => WB);
    const late = by('task-t-late');
    expect(late?.querySelector('[data-testid="task-days-left"]')?.textContent).toContain('已逾期 2 天');
    expect(late?.querySelector('.overdue')).not.toBeNull();
    expect(by('task-t-soon')?.querySelector('.overdue')).toBeNull();
    expect(by('task-t-done')?.querySelector('[data-testid="task-days-left"]')?.textContent?.trim()).toBe('—');
    const reminders = by('workbench-reminders')?.textContent ?? '';
    expect(reminders).toContain('已逾期：2027 年度绩效目标申报');
    expect(reminders).toContain('即将截止：八月监控');
    expect(reminders).not.toContain('自评');
    // what came back first
    const rows = Array.from(el.querySelectorAll('[data-testid^="todo-returned"], [data-testid^="todo-fill"]')).map((r) => r.getAttribute('data-testid'));
    expect(rows).toEqual(['todo-returned-p2', 'todo-fill-p1']);
    expect(by('todo-returned-p2')?.querySelector('[data-testid="todo-reason"]')?.textContent).toContain('退回原因：请补充测算依据');
    expect(by('todo-returned-p2')?.querySelector('a')?.getAttribute('href')).toBe('/projects/p2');
    expect(el.textContent).toContain('欢迎，西宁办填报人');
    // a unit's task links to where its step is done; no units summary for a filler
    expect(late?.querySelector('a')?.getAttribute('href')).toBe('/projects?year=2027');
    expect(by('task-units')).toBeNull();
  });

  it('a reviewer sees how many units are done and overdue, and each task links to its progress', async () => {
    const units = { total: 3, done: 1, overdue: 2 };
    const { by } = await render(async () => ({ ...WB, tasks: [{ ...WB.tasks[0], units }] }), ['finance_reviewer']);
    expect(by('task-units')?.textContent).toContain('1/3 个单位已完成，2 个逾期');
    expect(by('task-t-late')?.querySelector('a')?.getAttribute('href')).toBe('/tasks/t-late');
  });

  it('a failed load says so, with 重试', async () => {
    const { by } = await render(() => Promise.reject(new Error('offline')));
    expect(by('workbench-error')?.textContent).toContain('工作台加载失败');
  });
});
