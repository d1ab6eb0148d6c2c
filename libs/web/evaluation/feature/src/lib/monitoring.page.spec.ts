import { SaveOutline } from '@ant-design/icons-angular/icons';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { parseTargetValue } from '@pt/domain';
import { MonitoringApi } from '@pt/web/evaluation/data-access';
import { AttachmentsClient } from '@pt/web/evidence/ui';
import type { Monitoring, Versioned } from '@pt/web/evaluation/data-access';
import { ProjectsApi } from '@pt/web/projects/data-access';
import type { Project } from '@pt/web/projects/data-access';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { MonitoringPage } from './monitoring.page';

const ID = '22222222-2222-4222-8222-222222222222';

const MONITORING = {
  projectId: ID,
  version: 3,
  month: 7,
  months: [7],
  budget: { annualBudget: '1000000.00', executed: '500000.00', expectedExecuted: '1000000.00' },
  budgetLight: { light: 'green', executionRate: '50.00', progress: '85.71' },
  items: [
    {
      indicatorId: '00000000-0000-4000-8000-000000000001',
      level1: '产出指标',
      level2: '数量指标',
      name: '接待团组数量',
      target: parseTargetValue('≥60个'),
      current: '40',
      expected: null,
      likelihood: null,
      reasons: [],
      measures: null,
      light: 'green',
      progress: '114.29',
    },
  ],
  light: 'green',
  updatedAt: null,
  permissions: { edit: true },
} as unknown as Versioned<Monitoring>;

const PROJECT = { id: ID, name: '绩效监控测试项目', year: 2026, version: 3, frameworkCode: 'mof-2021', orgName: '驻西宁办事处', departmentName: '合作交流办' } as unknown as Project;

const text = (f: ComponentFixture<MonitoringPage>, id: string) => (f.nativeElement.querySelector(`[data-testid="${id}"]`) as HTMLElement | null)?.textContent ?? '';

/** The page of PROJECT with MONITORING loaded. */
async function open(project: Project): Promise<ComponentFixture<MonitoringPage>> {
  // the evidence list asks its own API: not this spec's business
  jest.spyOn(AttachmentsClient.prototype, 'reload').mockResolvedValue(undefined);
  TestBed.configureTestingModule({
    providers: [
      provideNoopAnimations(),
      provideRouter([]),
      provideNzIcons([SaveOutline]),
      { provide: MonitoringApi, useValue: { get: jest.fn().mockResolvedValue(MONITORING), put: jest.fn() } },
      { provide: ProjectsApi, useValue: { get: jest.fn().mockResolvedValue(project) } },
    ],
  });
  const f = TestBed.createComponent(MonitoringPage);
  f.componentRef.setInput('id', ID);
  f.detectChanges();
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await f.whenStable();
    f.detectChanges();
  }
  return f;
}

/** The 运行监控 page names the target by its kind: a 部门整体 or 政策 target's page does not say 项目. */
describe('MonitoringPage wording by kind', () => {
  it('a project: 项目信息与预算执行, 返回项目, 项目取最差的灯', async () => {
    const f = await open(PROJECT);
    expect(text(f, 'mon-info')).toContain('项目信息与预算执行');
    expect(text(f, 'mon-info')).toContain('项目取最差的灯');
    expect(text(f, 'mon-back').trim()).toBe('返回项目');
  });

  it('a 部门整体 target: its kind in the card title, the light rule and the way back; its own name label', async () => {
    const f = await open({ ...PROJECT, kind: 'department', name: '驻西宁办事处' } as Project);
    const info = text(f, 'mon-info');
    expect(info).toContain('部门（单位）整体信息与预算执行');
    expect(info).toContain('部门（单位）名称');
    expect(info).toContain('部门（单位）整体取最差的灯');
    expect(info).not.toContain('项目');
    expect(text(f, 'mon-back').trim()).toBe('返回部门（单位）整体绩效目标');
    expect((f.nativeElement.querySelector('[data-testid="mon-project-light"]') as HTMLElement).getAttribute('title')).toBe('部门（单位）整体：取各指标和预算执行中最差的灯');
  });

  it('a 政策 target likewise', async () => {
    const f = await open({ ...PROJECT, kind: 'policy', name: '产业帮扶政策' } as Project);
    expect(text(f, 'mon-info')).toContain('政策信息与预算执行');
    expect(text(f, 'mon-info')).not.toContain('项目');
    expect(text(f, 'mon-back').trim()).toBe('返回政策绩效目标');
  });
});

describe('MonitoringPage budget figures', () => {
  it('shows the three typed figures and takes an edit into the form', async () => {
    const f = await open(PROJECT);
    const input = (id: string) => f.nativeElement.querySelector(`[data-testid="${id}"]`) as HTMLInputElement;
    expect(['mon-budget-annual', 'mon-budget-executed', 'mon-budget-expected'].map((id) => [input(id).value, input(id).getAttribute('aria-label')])).toEqual([
      ['1000000.00', '年初预算数'],
      ['500000.00', '截至当月执行数'],
      ['1000000.00', '全年预计执行数'],
    ]);
    input('mon-budget-executed').value = '600000';
    input('mon-budget-executed').dispatchEvent(new Event('input'));
    expect(f.componentInstance.ed.form()?.budget).toEqual({ annualBudget: '1000000.00', executed: '600000', expectedExecuted: '1000000.00' });
  });
});
