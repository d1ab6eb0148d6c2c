import { TestBed } from '@angular/core/testing';
import type { CreateTaskBody, WorkTask } from '@pt/shared/api-types';
import { ProjectsApi } from '@pt/web/projects/data-access';
import { WorkApi, WorkbenchStore } from '@pt/web/work/data-access';
import { TasksPage } from './tasks.page';
import { pageTestProviders } from '@pt/web/shared/data-access/testing';

describe('TasksPage', () => {
  async function render() {
    const created: CreateTaskBody[] = [];
    const tasks = jest.fn(async (): Promise<WorkTask[]> => []);
    const invalidate = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        ...pageTestProviders(),
        { provide: WorkApi, useValue: { tasks, createTask: async (b: CreateTaskBody) => (created.push(b), { id: 'n' }) } },
        { provide: ProjectsApi, useValue: { orgs: async () => [{ id: 'u1', code: 'U1', name: '西宁办', kind: 'unit', parentId: null }] } },
        { provide: WorkbenchStore, useValue: { invalidate } },
      ],
    });
    const fixture = TestBed.createComponent(TasksPage);
    fixture.detectChanges();
    await new Promise((r) => setTimeout(r));
    return { page: fixture.componentInstance, created, tasks, invalidate };
  }

  it('新建任务: a title from the step that follows it until typed; the missing deadline named; sent, the list on its year', async () => {
    const { page, created, tasks, invalidate } = await render();
    page.openCreate();
    const thisYear = new Date().getFullYear();
    expect(page.dialog.form()?.title).toBe(`${thisYear} 年度绩效目标申报`);
    page.setKind('monitoring');
    page.setMonth(8);
    page.setYear(thisYear + 1);
    expect(page.dialog.form()?.title).toBe(`${thisYear + 1} 年 8 月运行监控`);
    page.dialog.patch({ title: '八月监控（自定）' });
    page.setMonth(7);
    expect(page.dialog.form()?.title).toBe('八月监控（自定）');
    await page.save();
    expect(page.dialog.err('deadline')).toBe('请选择截止日期');
    expect(created).toEqual([]);
    page.dialog.patch({ deadline: new Date(thisYear + 1, 7, 31), orgIds: ['u1'] });
    await page.save();
    expect(created).toEqual([{ kind: 'monitoring', year: thisYear + 1, month: 7, title: '八月监控（自定）', deadline: `${thisYear + 1}-08-31`, orgIds: ['u1'] }]);
    expect(page.dialog.open()).toBe(false);
    expect(page.year()).toBe(thisYear + 1);
    expect(tasks).toHaveBeenLastCalledWith(thisYear + 1);
    expect(invalidate).toHaveBeenCalled();
    expect(page.orgChoices()).toEqual([{ value: 'u1', label: '西宁办' }]);
  });
});
