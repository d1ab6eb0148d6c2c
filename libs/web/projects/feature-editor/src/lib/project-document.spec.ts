import type { Project, ProjectsApi } from '@pt/web/projects/data-access';
import { ProjectDocument } from './project-document';

const project = { id: 'p1', frameworkCode: 'mof-2021', reviewComments: [{ indicatorId: 'i1', action: 'return', comment: '补充依据' }] } as unknown as Project;

function fakeApi(over: Partial<Record<keyof ProjectsApi, unknown>> = {}): ProjectsApi {
  return {
    frameworks: () => Promise.resolve([]),
    get: () => Promise.resolve(project),
    history: () => Promise.resolve([{ action: 'submit' }]),
    findings: () => Promise.resolve([{ code: 'X', severity: 'warning', message: 'm' }]),
    indicatorHistory: () => Promise.resolve(new Map([['i1', { year: 2026, target: '≥90%', actual: '95%' }]])),
    ...over,
  } as unknown as ProjectsApi;
}

describe('ProjectDocument', () => {
  it('is loading until the first project arrives, then holds it', async () => {
    const doc = new ProjectDocument(fakeApi());
    expect(doc.loading()).toBe(true);
    const p = await doc.fetch('p1');
    expect(p).toBe(project);
    doc.project.set(p ?? null);
    expect(doc.loading()).toBe(false);
    expect(doc.loadError()).toBeNull();
    expect(doc.reviewComments()[0].action).not.toBe('return'); // the action's label, not its code
  });

  it('a refused load answers undefined and says why', async () => {
    const doc = new ProjectDocument(fakeApi({ get: () => Promise.reject(new Error('down')) }));
    expect(await doc.fetch('p1')).toBeUndefined();
    expect(doc.loadError()?.message).toBe('项目加载失败');
  });

  it('refreshSide sets history and findings, keeping each one whose request failed', async () => {
    const doc = new ProjectDocument(fakeApi({ findings: () => Promise.reject(new Error('x')) }));
    doc.serverFindings.set([{ code: 'OLD', severity: 'error', message: 'old', indicatorIndex: null }]);
    await doc.refreshSide('p1');
    expect(doc.history()).toEqual([{ action: 'submit' }]);
    expect(doc.serverFindings()[0].code).toBe('OLD');
    expect(doc.rowHistory().get('i1')).toEqual({ year: 2026, target: '≥90%', actual: '95%' });
  });
});
