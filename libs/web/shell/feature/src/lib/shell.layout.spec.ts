import { signal } from '@angular/core';
import type { Type } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { AuthStore } from '@pt/web/auth/data-access';
import { pageTestProviders } from '@pt/web/shared/data-access/testing';
import { WorkApi } from '@pt/web/work/data-access';
import { HomePage } from './home.page';
import { ShellLayout } from './shell.layout';

const COUNTS = { todo: 4, review: 2, returned: 1, overdueTasks: 0 };

function setup(roles: string[]): void {
  TestBed.configureTestingModule({
    providers: [
      ...pageTestProviders(),
      { provide: AuthStore, useValue: { user: signal({ displayName: '某人', roles }), token: signal('t'), logout: () => Promise.resolve() } },
      { provide: WorkApi, useValue: { counts: () => Promise.resolve(COUNTS) } },
    ],
  });
}

function testIds(el: HTMLElement, prefix: string): string[] {
  return Array.from(el.querySelectorAll(`[data-testid^="${prefix}"]`)).map((e) => e.getAttribute('data-testid') ?? '');
}

async function render<T>(type: Type<T>): Promise<HTMLElement> {
  const fixture = TestBed.createComponent(type);
  fixture.detectChanges();
  // the inbox count (a resolved promise); not whenStable: the icons' requests stay pending here
  await new Promise((resolve) => setTimeout(resolve));
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

describe('the menu and the home page by role', () => {
  it('a filler sees the 工作台 with its 待办 count, the project pages and the imports', async () => {
    setup(['filler']);
    const shell = await render(ShellLayout);
    expect(testIds(shell, 'menu-').filter((id) => !id.endsWith('-count'))).toEqual([
      'menu-workbench',
      'menu-projects',
      'menu-monitoring',
      'menu-library',
      'menu-dashboard',
      'menu-imports',
      'menu-exports',
    ]);
    expect(shell.querySelector('[data-testid="menu-workbench-count"]')?.textContent).toContain('4');
  });

  it('a reviewer sees the 工作台, the inbox with its count, the tasks and the project pages', async () => {
    setup(['dept_reviewer']);
    const shell = await render(ShellLayout);
    expect(shell.querySelector('[data-testid="menu-inbox-count"]')?.textContent).toContain('2');
    expect(testIds(shell, 'menu-').filter((id) => !id.endsWith('-count'))).toEqual([
      'menu-workbench',
      'menu-projects',
      'menu-inbox',
      'menu-tasks',
      'menu-monitoring',
      'menu-library',
      'menu-dashboard',
      'menu-reports',
      'menu-exports',
    ]);
  });

  it.each([
    ['sysadmin', ['menu-library', 'menu-admin'], 'home-admin'],
    ['secadmin', ['menu-security'], 'home-security'],
    ['auditadmin', ['menu-audit'], 'home-audit'],
  ])('the %s sees no project data: no 绩效目标申报, 运行监控, 统计分析, 批量导出', async (role, menu, button) => {
    setup([role]);
    expect(testIds(await render(ShellLayout), 'menu-')).toEqual(menu);
    const home = await render(HomePage);
    expect(testIds(home, 'home-')).toEqual(['home-links', button]);
    expect(home.textContent).not.toContain('绩效目标申报');
    expect(home.textContent).toContain('暂无待办事项');
  });
});
