import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthStore } from '@pt/web/auth/data-access';
import { isFiller, isReviewer, ProjectsApi } from '@pt/web/projects/data-access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';

@Component({
  selector: 'pt-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NzButtonModule, NzCardModule, NzEmptyModule, NzIconModule],
  template: `
    <nz-card [nzTitle]="'欢迎，' + (store.user()?.displayName ?? '')">
      @if (reviewer()) {
        <p data-testid="home-inbox">
          @if (inboxTotal() === null) {
            正在查询审核待办…
          } @else if (inboxTotal() === 0) {
            暂无待您审核的项目。
          } @else {
            有 <strong>{{ inboxTotal() }}</strong> 个项目等待您审核。
          }
        </p>
      } @else if (!filler()) {
        <nz-empty nzNotFoundContent="暂无待办事项"></nz-empty>
      }
      <div class="links" data-testid="home-links">
        @if (reviewer()) {
          <a nz-button nzType="primary" routerLink="/inbox"><span nz-icon nzType="audit"></span>审核待办</a>
        }
        @if (business()) {
          <a nz-button [nzType]="reviewer() ? 'default' : 'primary'" routerLink="/projects" data-testid="home-projects"><span nz-icon nzType="project"></span>项目申报</a>
        }
        @if (filler()) {
          <a nz-button routerLink="/projects/new"><span nz-icon nzType="plus"></span>新建项目</a>
        }
        @if (!business()) {
          @if (hasRole('sysadmin')) {
            <a nz-button nzType="primary" routerLink="/admin" data-testid="home-admin"><span nz-icon nzType="setting"></span>系统管理</a>
          }
          @if (hasRole('secadmin')) {
            <a nz-button nzType="primary" routerLink="/security" data-testid="home-security"><span nz-icon nzType="lock"></span>安全管理</a>
          }
          @if (hasRole('auditadmin')) {
            <a nz-button nzType="primary" routerLink="/audit" data-testid="home-audit"><span nz-icon nzType="audit"></span>审计日志</a>
          }
        }
      </div>
    </nz-card>
  `,
  styles: `
    .links { display: flex; gap: 8px; flex-wrap: wrap; }
  `,
})
export class HomePage {
  readonly store = inject(AuthStore);
  private readonly api = inject(ProjectsApi);
  readonly reviewer = computed(() => isReviewer(this.store.user()));
  readonly filler = computed(() => isFiller(this.store.user()));
  /** Declares or reviews projects: the administrators of 三员分立 see no project data, so no project buttons. */
  readonly business = computed(() => this.reviewer() || this.filler());
  /** An administrator gets a button to his own page instead. */
  hasRole(role: 'sysadmin' | 'secadmin' | 'auditadmin'): boolean {
    return !!this.store.user()?.roles.includes(role);
  }
  readonly inboxTotal = signal<number | null>(null);

  constructor() {
    if (this.reviewer()) {
      this.api.list({ inbox: true, pageSize: 1 }).then(
        (page) => this.inboxTotal.set(page.total),
        () => this.inboxTotal.set(null),
      );
    }
  }
}
