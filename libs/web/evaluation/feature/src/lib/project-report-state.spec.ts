import type { Project } from '@pt/web/projects/data-access';
import { ProjectReportState } from './project-report-state';

interface Report {
  version: number | null;
  permissions: { edit: boolean };
}
const project = { id: 'p1', version: 7 } as unknown as Project;

describe('ProjectReportState', () => {
  it('loads project and report together: spinner until the report is shown, the project kept', async () => {
    const state = new ProjectReportState<Report, { text: string }>((f) => f.text);
    expect(state.loading()).toBe(true);
    const report: Report = { version: null, permissions: { edit: true } };
    const loaded = await state.fetch(() => Promise.resolve([project, report]), '加载失败');
    expect(loaded?.[1]).toBe(report);
    expect(state.project()).toBe(project);
    state.show(report, { text: 'a' }, project.version);
    expect(state.loading()).toBe(false);
    expect(state.version()).toBe(7); // the report has none yet: the project's
  });

  it('is dirty when the editable form differs from what was shown as saved', () => {
    const state = new ProjectReportState<Report, { text: string }>((f) => f.text);
    state.show({ version: 3, permissions: { edit: true } }, { text: 'a' }, 9);
    expect(state.version()).toBe(3);
    expect(state.dirty()).toBe(false);
    state.form.set({ text: 'b' });
    expect(state.dirty()).toBe(true);
    state.show({ version: 4, permissions: { edit: false } }, { text: 'a' }, null);
    state.form.set({ text: 'c' });
    expect(state.dirty()).toBe(false); // read-only: nothing to lose
  });

  it('a refused load answers undefined and says why', async () => {
    const state = new ProjectReportState<Report, string>((f) => f);
    expect(await state.fetch(() => Promise.reject(new Error('down')), '运行监控加载失败')).toBeUndefined();
    expect(state.loadError()?.message).toBe('运行监控加载失败');
    expect(state.project()).toBeNull();
  });
});
