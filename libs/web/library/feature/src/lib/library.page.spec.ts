import { getDebugNode } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { PlusOutline, ReloadOutline, SearchOutline } from '@ant-design/icons-angular/icons';
import { AuthStore } from '@pt/web/auth/data-access';
import { LibraryApi } from '@pt/web/library/data-access';
import { ProjectsApi } from '@pt/web/projects/data-access';
import { settle } from '@pt/web/shared/data-access/testing';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import type { NzSelectComponent } from 'ng-zorro-antd/select';
import { LibraryPage } from './library.page';

const MOF = {
  code: 'mof-2021',
  name: '财政部 2021',
  groups: [
    { name: '产出指标', children: ['数量指标', '质量指标'] },
    { name: '效益指标', children: ['社会效益指标'] },
  ],
};

describe('LibraryPage filters', () => {
  it('offers the frameworks, then the 一级 and (under their 一级) the 二级 of the one chosen, and lists with them', async () => {
    const list = jest.fn(() => Promise.resolve({ items: [], total: 0 }));
    TestBed.configureTestingModule({
      providers: [
        provideNoopAnimations(),
        provideRouter([]),
        provideNzIcons([PlusOutline, ReloadOutline, SearchOutline]),
        { provide: AuthStore, useValue: { user: () => ({ id: 'a', username: 'admin', displayName: 'admin', roles: ['sysadmin'], orgId: 'czj' }) } },
        { provide: LibraryApi, useValue: { list } },
        { provide: ProjectsApi, useValue: { frameworks: () => Promise.resolve([MOF, { code: 'sh-2020', name: '上海2020版', groups: [] }]) } },
      ],
    });
    const fixture = TestBed.createComponent(LibraryPage);
    await settle(fixture);
    const el = fixture.nativeElement as HTMLElement;
    const select = (id: string) => getDebugNode(el.querySelector(`[data-testid="${id}"]`))?.componentInstance as NzSelectComponent;
    const labels = (s: NzSelectComponent) => s.listOfNzOptionComponent.map((o) => o.nzLabel);

    expect(labels(select('library-framework'))).toEqual(['财政部 2021', '上海2020版']);
    expect(select('library-level1').nzDisabled).toBe(true);

    select('library-framework').onItemClick('mof-2021');
    await settle(fixture);
    expect(fixture.componentInstance.filters().frameworkCode).toBe('mof-2021');
    expect(select('library-level1').nzDisabled).toBe(false);
    expect(labels(select('library-level1'))).toEqual(['产出指标', '效益指标']);
    expect(select('library-level2').listOfNzOptionGroupComponent.map((g) => g.nzLabel)).toEqual(['产出指标', '效益指标']);

    select('library-level1').onItemClick('产出指标');
    await settle(fixture);
    expect(labels(select('library-level2'))).toEqual(['数量指标', '质量指标']);
    select('library-level2').onItemClick('质量指标');
    await settle(fixture);
    expect(list).toHaveBeenLastCalledWith(expect.objectContaining({ frameworkCode: 'mof-2021', level1: '产出指标', level2: '质量指标', page: 1 }));

    select('library-level2').onClearSelection();
    await settle(fixture);
    expect(fixture.componentInstance.filters()).toEqual(expect.objectContaining({ level1: '产出指标', level2: null }));
    select('library-framework').onClearSelection();
    await settle(fixture);
    expect(fixture.componentInstance.filters()).toEqual(expect.objectContaining({ frameworkCode: null, level1: null, level2: null }));
  });
});
