import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { EditOutline, ReloadOutline } from '@ant-design/icons-angular/icons';
import { FrameworksAdminApi } from '@pt/web/admin/data-access';
import { MOF_VERSION as mof, SETTINGS_VERSION as settings } from '@pt/web/admin/data-access/testing';
import { settle } from '@pt/web/shared/data-access/testing';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { FrameworksPage } from './frameworks.page';

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
    await type('fw-group-name-0', mof.groups[0].name);

    await fixture.componentInstance.saveFramework();
    await settle(fixture);
    expect(createFramework).toHaveBeenCalledWith('mof-2021', expect.objectContaining({ baseVersion: 1 }));
    expect(fixture.componentInstance.frameworkEdit()).toBeNull();
  });
});
