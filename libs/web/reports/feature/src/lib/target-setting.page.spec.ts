import { TestBed } from '@angular/core/testing';
import type { TargetSettingReport } from '@pt/shared/api-types';
import { ProjectsApi } from '@pt/web/projects/data-access';
import { openRoute as open, pageTestProviders } from '@pt/web/shared/data-access/testing';
import { CopyOutline, ExportOutline } from '@ant-design/icons-angular/icons';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { REPORT_ROUTES } from './reports.routes';
import { TargetSettingApi, targetSettingParams, type TargetSettingFilter } from './target-setting.api';

const REPORT: TargetSettingReport = {
  year: 2025,
  orgId: null,
  units: 11,
  departmentTargets: 1,
  policyTargets: 1,
  policyFunds: '30000000.00',
  projectTargets: 25,
  projectFunds: '12478600.00',
  unitsWithoutDepartmentTarget: ['驻广州办事处'],
  text: '按照本市预算绩效管理工作的总体要求，全区11个预算单位开展了2025年预算绩效目标编报工作，……',
  departments: [
    { orgId: 'd1', name: '合作交流办', units: 6, departmentTargets: 1, policyTargets: 0, policyFunds: '0.00', projectTargets: 25, projectFunds: '12478600.00', unitsWithoutDepartmentTarget: ['驻广州办事处'] },
    { orgId: 'd2', name: '杨浦区府办', units: 5, departmentTargets: 0, policyTargets: 1, policyFunds: '30000000.00', projectTargets: 0, projectFunds: '0.00', unitsWithoutDepartmentTarget: [] },
  ],
};

describe('TargetSettingPage (绩效目标设置情况)', () => {
  let calls: TargetSettingFilter[];
  let downloads: TargetSettingFilter[];
  let messages: string[];
  let clipboard: string[];

  beforeEach(() => {
    calls = [];
    downloads = [];
    messages = [];
    clipboard = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: (x: string) => (clipboard.push(x), Promise.resolve()) } });
    TestBed.configureTestingModule({
      providers: [
        ...pageTestProviders([{ path: 'reports', children: REPORT_ROUTES }]),
        // the icons the page names (the app registers them in app-icons.ts)
        provideNzIcons([CopyOutline, ExportOutline]),
        {
          provide: TargetSettingApi,
          useValue: {
            get: (f: TargetSettingFilter) => (calls.push(f), Promise.resolve({ ...REPORT, year: f.year })),
            download: (f: TargetSettingFilter) => (downloads.push(f), Promise.resolve({ fileName: '2025年绩效目标设置情况.xlsx', blob: new Blob([]) })),
          },
        },
        { provide: ProjectsApi, useValue: { orgs: () => Promise.resolve([]), years: () => Promise.resolve([2025]) } },
        { provide: NzMessageService, useValue: { success: (m: string) => messages.push(m), error: (m: string) => messages.push(`error: ${m}`) } },
      ],
    });
  });

  it('shows the paragraph, a row per department in 万元 with the 合计, and the units without a 部门整体 target', async () => {
    const { byId } = await open('/reports/target-setting?year=2025');
    expect(calls).toEqual([{ year: 2025, orgId: null }]);
    expect(byId('ts-text')?.textContent).toContain('全区11个预算单位');
    const cells = (id: string) => [...(byId(id)?.querySelectorAll('td, th') ?? [])].map((c) => c.textContent?.trim());
    expect(cells('ts-row-d1')).toEqual(['合作交流办', '6', '1', '0', '0.00', '25', '1,247.86']);
    expect(cells('ts-total')).toEqual(['合计', '11', '1', '1', '3,000.00', '25', '1,247.86']);
    expect(byId('ts-missing')?.textContent).toContain('未编报部门（单位）整体绩效目标的单位（1个）');
    expect(byId('ts-missing')?.textContent).toContain('驻广州办事处');
  });

  it('copies the paragraph and exports the year shown', async () => {
    const { byId, harness } = await open('/reports/target-setting?year=2025');
    byId('ts-copy')?.click();
    await harness.fixture.whenStable();
    expect(clipboard).toEqual([REPORT.text]);
    byId('ts-export')?.click();
    await harness.fixture.whenStable();
    expect(downloads).toEqual([{ year: 2025, orgId: null }]);
    expect(messages).toEqual(['已复制预算文本段落', '已导出：2025年绩效目标设置情况.xlsx']);
  });

  it('says so where the browser refuses to copy', async () => {
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: () => Promise.reject(new Error('denied')) } });
    const { byId, harness } = await open('/reports/target-setting?year=2025');
    byId('ts-copy')?.click();
    await harness.fixture.whenStable();
    await new Promise((r) => setTimeout(r));
    expect(messages).toEqual(['error: 浏览器不允许复制，请选中段落后按 Ctrl+C']);
  });

  it('sends orgId only when one is chosen', () => {
    expect(targetSettingParams({ year: 2025, orgId: null })).toEqual({ year: '2025' });
    expect(targetSettingParams({ year: 2025, orgId: 'o1' })).toEqual({ year: '2025', orgId: 'o1' });
  });
});
