import { getDebugNode } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { EditOutline, PlusOutline, ReloadOutline } from '@ant-design/icons-angular/icons';
import { AdminApi, type AdminOrg } from '@pt/web/admin/data-access';
import { settle } from '@pt/web/shared/data-access/testing';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import type { NzSelectComponent } from 'ng-zorro-antd/select';
import { OrgsPage } from './orgs.page';

const org = (id: string, name: string, kind: AdminOrg['kind'], parentId: string | null, depth: number): AdminOrg =>
  ({ id, code: id, name, kind, parentId, depth, userCount: 0, childCount: 0 }) as unknown as AdminOrg;

const ORGS = [org('czj', '财政局', 'finance', null, 0), org('d1', '合作交流办', 'department', 'czj', 1), org('d2', '教育局', 'department', 'czj', 1)];

describe('OrgsPage (新增机构)', () => {
  it('offers the departments as the parent of a new unit and keeps the one chosen', async () => {
    const createOrg = jest.fn((body: { name: string }) => Promise.resolve({ ...ORGS[1], id: 'u1', name: body.name }));
    TestBed.configureTestingModule({
      providers: [
        provideNoopAnimations(),
        provideNzIcons([EditOutline, PlusOutline, ReloadOutline]),
        { provide: AdminApi, useValue: { orgs: () => Promise.resolve(ORGS), createOrg } },
      ],
    });
    const fixture = TestBed.createComponent(OrgsPage);
    await settle(fixture);
    const page = fixture.componentInstance;
    page.openCreate('unit', 'd1');
    await settle(fixture);

    const el = document.querySelector<HTMLElement>('[data-testid="org-form-parent"]');
    const select = getDebugNode(el)?.componentInstance as NzSelectComponent;
    expect(select.listOfNzOptionComponent.map((o) => [o.nzValue, o.nzLabel])).toEqual([
      ['d1', '\u3000合作交流办（主管部门）'],
      ['d2', '\u3000教育局（主管部门）'],
    ]);
    expect(select.listOfValue).toEqual(['d1']);
    expect(select.nzAllowClear).toBe(false);
    expect(el?.getAttribute('aria-label')).toBe('上级机构（主管部门）');

    select.onItemClick('d2');
    expect(page.dialog.form()?.parentId).toBe('d2');
  });
});
