import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router, RouterLink, RouterOutlet } from '@angular/router';
import { roleLabel } from '@pt/domain';
import { AuthStore } from '@pt/web/auth/data-access';
import { isFiller, isReviewer } from '@pt/web/projects/data-access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzLayoutModule } from 'ng-zorro-antd/layout';
import { NzMenuModule } from 'ng-zorro-antd/menu';

@Component({
  selector: 'pt-shell-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, NzLayoutModule, NzMenuModule, NzIconModule, NzButtonModule],
  template: `
    <nz-layout class="shell">
      <nz-sider nzCollapsible [nzCollapsed]="collapsed()" (nzCollapsedChange)="collapsed.set($event)" nzWidth="220px">
        <div class="brand">{{ collapsed() ? '绩效' : '绩效目标管理' }}</div>
        <ul nz-menu nzTheme="dark" nzMode="inline">
          <li nz-menu-item nzMatchRouter nzMatchRouterExact routerLink="/">
            <span nz-icon nzType="home"></span><span>首页</span>
          </li>
          @if (business()) {
            <li nz-menu-item nzMatchRouter routerLink="/projects" data-testid="menu-projects">
              <span nz-icon nzType="project"></span><span>项目申报</span>
            </li>
          }
          @if (reviewer()) {
            <li nz-menu-item nzMatchRouter routerLink="/inbox" data-testid="menu-inbox">
              <span nz-icon nzType="audit"></span><span>审核待办</span>
            </li>
          }
          @if (business()) {
            <li nz-menu-item nzMatchRouter routerLink="/monitoring" data-testid="menu-monitoring">
              <span nz-icon nzType="check-circle"></span><span>运行监控</span>
            </li>
          }
          @if (business() || sysadmin()) {
            <li nz-menu-item nzMatchRouter routerLink="/library" data-testid="menu-library">
              <span nz-icon nzType="database"></span><span>指标库</span>
            </li>
          }
          @if (business()) {
            <li nz-menu-item nzMatchRouter routerLink="/dashboard" data-testid="menu-dashboard">
              <span nz-icon nzType="bar-chart"></span><span>统计分析</span>
            </li>
          }
          @if (filler()) {
            <li nz-menu-item nzMatchRouter routerLink="/imports" data-testid="menu-imports">
              <span nz-icon nzType="import"></span><span>导入</span>
            </li>
          }
          @if (business()) {
            <li nz-menu-item nzMatchRouter routerLink="/exports" data-testid="menu-exports">
              <span nz-icon nzType="export"></span><span>批量导出</span>
            </li>
          }
          @if (sysadmin()) {
            <li nz-menu-item nzMatchRouter routerLink="/admin" data-testid="menu-admin">
              <span nz-icon nzType="setting"></span><span>系统管理</span>
            </li>
          }
          @if (secadmin()) {
            <li nz-menu-item nzMatchRouter routerLink="/security" data-testid="menu-security">
              <span nz-icon nzType="lock"></span><span>安全管理</span>
            </li>
          }
          @if (auditadmin()) {
            <li nz-menu-item nzMatchRouter routerLink="/audit" data-testid="menu-audit">
              <span nz-icon nzType="audit"></span><span>审计日志</span>
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
  `,
})
export class ShellLayout {
  private readonly store = inject(AuthStore);
  private readonly router = inject(Router);
  readonly collapsed = signal(false);
  readonly reviewer = computed(() => isReviewer(this.store.user()));
  readonly filler = computed(() => isFiller(this.store.user()));
  readonly sysadmin = computed(() => !!this.store.user()?.roles.includes('sysadmin'));
  readonly secadmin = computed(() => !!this.store.user()?.roles.includes('secadmin'));
  readonly auditadmin = computed(() => !!this.store.user()?.roles.includes('auditadmin'));
  /**
   * Declares or reviews projects. The administrators of 三员分立 see no project data, so neither 项目申报,
   * 运行监控, 统计分析 nor 批量导出; the 系统管理员 keeps the 指标库 he maintains.
   */
  readonly business = computed(() => isReviewer(this.store.user()) || !!this.store.user()?.roles.includes('filler'));
  readonly userLine = computed(() => {
    const u = this.store.user();
    if (!u) return '';
    const roles = u.roles.map(roleLabel).join('、');
    return `${u.displayName}（${roles}）`;
  });

  async logout(): Promise<void> {
    await this.store.logout();
    await this.router.navigate(['/login']);
  }
}
