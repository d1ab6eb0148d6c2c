import { TestBed } from '@angular/core/testing';
import type { TaskProgressRow, WorkTask } from '@pt/shared/api-types';
import { ExportsApi } from '@pt/web/exports/data-access';
import { WorkApi } from '@pt/web/work/data-access';
import { TaskProgressPage } from './task-progress.page';
import { pageTestProviders } from '@pt/web/shared/data-access/testing';

const TASK: WorkTask = {
  id: 't1',
  kind: 'declaration',
  year: 2027,
  month: null,
  title: '2027 年度绩效目标申报',
  deadline: '2026-10-31',
  setterOrgId: 'o',
  setterOrgName: '财政局',
  createdBy: 'czj',
  createdAt: '2026-09-01T00:00:00Z',
  orgIds: ['a', 'b', 'c'],
};
const ROWS: TaskProgressRow[] = [
  { orgId: 'a', orgName: '西宁办', status: '已完成', targets: 2, done: 2, overdue: false },
  { orgId: 'b', orgName: '杨浦区府办', status: '已退回', targets: 1, done: 0, overdue: true },
  { orgId: 'c', orgName: '某单位', status: '未开始', targets: 0, done: 0, overdue: true },
];

async function render(download: jest.Mock) {
  TestBed.configureTestingModule({
    providers: [
      ...pageTestProviders(),
      { provide: WorkApi, useValue: { task: async () => TASK, progress: async () => ROWS } },
      { provide: ExportsApi, useValue: { download } },
    ],
  });
  const fixture = TestBed.createComponent(TaskProgressPage);
  fixture.componentRef.setInput('id', 't1');
  const settle = async () => {
    fixture.detectChanges();
    await new Promise((r) => setTimeout(r));
    fixture.detectChanges();
  };
  await settle();
  const el = fixture.nativeElement as HTMLElement;
  return { fixture, el, settle, by: (id: string) => el.querySelector(`[data-testid="${id}"]`) as HTMLElement | null };
}

describe('TaskProgressPage', () => {
  it('shows each unit with its status, done / targets and overdue; the summary filters', async () => {
    const { el, by, fixture, settle } = await render(jest.fn());
    expect(by('task-title')?.textContent).toContain('2027 年度绩效目标申报');
    const rows = Array.from(el.querySelectorAll('[data-testid^="progress-row-"]'));
    expect(rows.map((r) => r.querySelector('[data-testid="progress-status"]')?.textContent?.trim())).toEqual(['已完成', '已退回', '未开始']);
    expect(rows[0].textContent).toContain('2 / 2');
    expect(el.querySelectorAll('[data-testid="progress-overdue"]')).toHaveLength(2);
    expect(by('progress-summary')?.textContent).toContain('逾期 2');
    fixture.componentInstance.filter.set('overdue');
    await settle();
    expect(el.querySelectorAll('[data-testid^="progress-row-"]')).toHaveLength(2);
  });

  it('导出 downloads the sheet; a failure is said', async () => {
    const download = jest.fn().mockResolvedValueOnce({ fileName: '任务进度.xlsx', blob: new Blob([]) }).mockRejectedValueOnce(new Error('offline'));
    const { by, settle } = await render(download);
    by('progress-export')?.click();
    await settle();
    expect(download).toHaveBeenCalledWith('/api/tasks/t1/progress/export', {}, '任务进度-2027 年度绩效目标申报.xlsx');
    by('progress-export')?.click();
    await settle();
    expect(by('progress-export-error')?.textContent).toContain('导出失败');
  });
});
