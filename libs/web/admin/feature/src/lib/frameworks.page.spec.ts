import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { EditOutline, ReloadOutline } from '@ant-design/icons-angular/icons';
import { MOF_2021 } from '@pt/domain';
import type { FrameworkVersion, ScoringSettingsVersion } from '@pt/shared/api-types';
import { FrameworksAdminApi } from '@pt/web/admin/data-access';
import { settle } from '@pt/web/shared/data-access/testing';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { FrameworksPage } from './frameworks.page';

const stamp = { createdAt: '2026-12-06T00:00:00.000Z', createdBy: null, note: null };
const mof: FrameworkVersion = { code: 'mof-2021', version: 1, name: MOF_2021.name, region: '全国', groups: MOF_2021.groups, ...stamp };
const settings: ScoringSettingsVersion = {
  version: 3,
  settings: { reverseRule: 'linear', farAboveThreshold: '0.20', budgetPoints: '10', indicatorPoints: '90', gradeBands: [{ grade: '优', min: '90' }, { grade: '良', min: '80' }, { grade: '中', min: '60' }, { grade: '差', min: '0' }] },
  ...stamp,
};

describe('FrameworksPage (a new version of a framework)', () => {
  it("checks a group's typed weight and saves the edit as a new version", async () => {
    const createFramework = jest.fn((code: string) => Promise.resolve({ ...mof, code, version: 2 }));
    TestBed.configureTestingModule({
      providers: [
        provideNoopAnimations(),
        provideNzIcons([EditOutline, ReloadOutline]),
        { provide: FrameworksAdminApi, useValue: { list: () => Promise.resolve({ frameworks: [mof], settings: [settings] }), createFramework } },
      ],
    });
    const fixture = TestBed.createComponent(FrameworksPage);
    await settle(fixture);
    const q = (id: string) => fixture.nativeElement.querySelector(`[data-testid="${id}"]`) as HTMLInputElement | null;
    q('fw-edit-mof-2021')?.click();
    await settle(fixture);

    const type = async (id: string, value: string) => {
      const input = q(id) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await settle(fixture);
    };
    expect(q('fw-group-weight-1')?.value).toBe('50');
    await type('fw-group-weight-1', '60');
    expect(q('fw-form-total-error')?.textContent).toContain('一级指标权重合计 100 分，应为 90 分');
    await type('fw-group-weight-1', '50');
    await type('fw-group-name-0', '');
    expect(fixture.nativeElement.querySelector('[data-testid="fw-group-0"] .err')).not.toBeNull();
    await type('fw-group-name-0', MOF_2021.groups[0].name);

    await fixture.componentInstance.saveFramework();
    await settle(fixture);
    expect(createFramework).toHaveBeenCalledWith('mof-2021', expect.objectContaining({ baseVersion: 1 }));
    expect(fixture.componentInstance.frameworkEdit()).toBeNull();
  });
});
