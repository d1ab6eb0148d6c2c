import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { roleLabel } from '@pt/domain';
import { AuthStore } from '@pt/web/auth/data-access';
import { isFiller, isReviewer } from '@pt/web/projects/data-access';
import { WorkbenchStore } from '@pt/web/work/data-access';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzLayoutModule } from 'ng-zorro-antd/layout';
import { NzMenuModule } from 'ng-zorro-antd/menu';

/** Who sees an entry of the menu (see ShellLayout.business). */
type MenuAudience = 'all' | 'business' | 'others' | 'reviewer' | 'filler' | 'library' | 'sysadmin' | 'secadmin' | 'auditadmin';

/** The count a menu entry shows (the 工作台's 待办, the reviews waiting), from GET /api/workbench/counts. */
type MenuBadge = 'todo' | 'review' | null;

/** The menu, in its order. */
const MENU: readonly { path: string; icon: string; label: string; testId: string | null; audience: MenuAudience; badge?: MenuBadge }[] = [
  // the home page: the 工作台 of a filler or a reviewer; the administrators' own page otherwise
  { path: '/', icon: 'home', label: '工作台', testId: 'menu-workbench', audience: 'business', badge: 'todo' },
  { path: '/', icon: 'home', label: '首页', testId: null, audience: 'others' },
  { path: '/projects', icon: 'project', label: '绩效目标申报', testId: 'menu-projects', audience: 'business' },
  { path: '/inbox', icon: 'audit', label: '审核待办', testId: 'menu-inbox', audience: 'reviewer', badge: 'review' },
  { path: '/tasks', icon: 'schedule', label: '任务管理', testId: 'menu-tasks', audience: 'reviewer' },
  { path: '/monitoring', icon: 'check-circle', label: '运行监控', testId: 'menu-monitoring', audience: 'business' },
  { path: '/library', icon: 'database', label: '指标库', testId: 'menu-library', audience: 'library' },
  { path: '/dashboard', icon: 'bar-chart', label: '统计分析', testId: 'menu-dashboard', audience: 'business' },
  { path: '/reports/target-setting', icon: 'file-text', label: '目标设置情况', testId: 'menu-reports', audience: 'reviewer' },
  { path: '/imports', icon: 'import', label: '导入', testId: 'menu-imports', audience: 'filler' },
  { path: '/exports', icon: 'export', label: '批量导出', testId: 'menu-exports', audience: 'business' },
  { path: '/admin', icon: 'setting', label: '系统管理', testId: 'menu-admin', audience: 'sysadmin' },
  { path: '/security', icon: 'lock', label: '安全管理', testId: 'menu-security', audience: 'secadmin' },
  { path: '/audit', icon: 'audit', label: '审计日志', testId: 'menu-audit', audience: 'auditadmin' },
];

@Component({
  selector: 'pt-shell-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, NzBadgeModule, NzLayoutModule, NzMenuModule, NzIconModule, NzButtonModule],
  template: `
    <nz-layout class="shell">
      <nz-sider nzCollapsible [nzCollapsed]="collapsed()" (nzCollapsedChange)="collapsed.set($event)" nzWidth="220px">
        <div class="brand">{{ collapsed() ? '绩效' : '绩效目标管理' }}</div>
        <ul nz-menu nzTheme="dark" nzMode="inline">
          @for (m of menu(); track m.path) {
            <li nz-menu-item nzMatchRouter [nzMatchRouterExact]="m.path === '/'" [routerLink]="m.path" [attr.data-testid]="m.testId">
              <span nz-icon [nzType]="m.icon"></span><span>{{ m.label }}</span>
              @if (badge(m.badge); as b) {
                <nz-badge class="count" nzSize="small" [nzCount]="b.count" [nzOverflowCount]="99" [nzDot]="b.dot" [attr.title]="b.title" [attr.data-testid]="m.testId + '-count'" />
              }
            </li>
          }
        </ul>
      </nz-sider>
      <nz-layout>
        <nz-header class="header">
          <span class="who" data-testid="current-user">{{ userLine() }}</span>
          <a nz-button nzType="link" routerLink="/password" data-testid="header-password"><span nz-icon nzType="key"></span>修改密码</a>
          <button nz-button nzType="link" (click)="logout()"><span nz-icon nzType="logout"></span>退出</button>
        </nz-header>
        <nz-content class="content">
          <router-outlet />
        </nz-content>
      </nz-layout>
    </nz-layout>
  `,
  styles: `
    .shell { min-height: 100vh; }
    .brand { color: #fff; font-size: 16px; font-weight: 600; height: 64px; line-height: 64px; text-align: center; white-space: nowrap; overflow: hidden; }
    .header { background: #fff; display: flex; justify-content: flex-end; align-items: center; gap: 8px; padding: 0 24px; }
    .content { margin: 24px; }
    .count { margin-left: 8px; }
  `,
})
export class ShellLayout {
  private readonly store = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly work = inject(WorkbenchStore);
  readonly collapsed = signal(false);
  readonly reviewer = computed(() => isReviewer(this.store.user()));
  readonly filler = computed(() => isFiller(this.store.user()));
  readonly sysadmin = computed(() => !!this.store.user()?.roles.includes('sysadmin'));
  readonly secadmin = computed(() => !!this.store.user()?.roles.includes('secadmin'));
  readonly auditadmin = computed(() => !!this.store.user()?.roles.includes('auditadmin'));
  /**
   * Declares or reviews projects. The administrators of 三员分立 see no project data, so neither 绩效目标申报,
   * 运行监控, 统计分析 nor 批量导出; the 系统管理员 keeps the 指标库 he maintains.
   */
  readonly business = computed(() => isReviewer(this.store.user()) || !!this.store.user()?.roles.includes('filler'));
  /** The entries this user sees (the 系统管理员 keeps the 指标库 he maintains). */
  readonly menu = computed(() => {
    const sees: Record<MenuAudience, boolean> = {
      all: true,
      business: this.business(),
      others: !this.business(),
      reviewer: this.reviewer(),
      filler: this.filler(),
      library: this.business() || this.sysadmin(),
      sysadmin: this.sysadmin(),
      secadmin: this.secadmin(),
      auditadmin: this.auditadmin(),
    };
    return MENU.filter((m) => sees[m.audience]);
  });
  readonly userLine = computed(() => {
    const u = this.store.user();
    if (!u) return '';
    const roles = u.roles.map(roleLabel).join('、');
    return `${u.displayName}（${roles}）`;
  });

  constructor() {
    // the counts follow the user around (asked again when older than the store's freshness, or after an action)
    const refresh = () => {
      if (this.business()) void this.work.refreshCounts();
    };
    refresh();
    const sub = this.router.events.subscribe((e) => {
      if (e instanceof NavigationEnd) refresh();
    });
    inject(DestroyRef).onDestroy(() => sub.unsubscribe());
  }

  /** A menu entry's count: 待办 (a red dot alone when only a task is overdue), the reviews waiting; null for none. */
  badge(kind: MenuBadge | undefined): { count: number; dot: boolean; title: string } | null {
    const c = this.work.counts();
    if (!kind || !c) return null;
    if (kind === 'review') return c.review > 0 ? { count: c.review, dot: false, title: `${c.review} 个待审核` } : null;
    if (c.todo > 0) return { count: c.todo, dot: false, title: `${c.todo} 项待办` + (c.overdueTasks > 0 ? `，${c.overdueTasks} 个任务已逾期` : '') };
    return c.overdueTasks > 0 ? { count: c.overdueTasks, dot: true, title: `${c.overdueTasks} 个任务已逾期` } : null;
  }

  async logout(): Promise<void> {
    this.work.clear();
    await this.store.logout();
    await this.router.navigate(['/login']);
  }
}
