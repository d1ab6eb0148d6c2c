import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthStore } from '@pt/web/auth/data-access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';

/**
 * The home page of the 三员 administrators (a filler's or a reviewer's home is the 工作台): no project data, a button
 * to each one's own page.
 */
@Component({
  selector: 'pt-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NzButtonModule, NzCardModule, NzEmptyModule, NzIconModule],
  template: `
    <nz-card [nzTitle]="'欢迎，' + (store.user()?.displayName ?? '')">
      <nz-empty nzNotFoundContent="暂无待办事项"></nz-empty>
      <div class="links" data-testid="home-links">
        @if (hasRole('sysadmin')) {
          <a nz-button nzType="primary" routerLink="/admin" data-testid="home-admin"><span nz-icon nzType="setting"></span>系统管理</a>
        }
        @if (hasRole('secadmin')) {
          <a nz-button nzType="primary" routerLink="/security" data-testid="home-security"><span nz-icon nzType="lock"></span>安全管理</a>
        }
        @if (hasRole('auditadmin')) {
          <a nz-button nzType="primary" routerLink="/audit" data-testid="home-audit"><span nz-icon nzType="audit"></span>审计日志</a>
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
  hasRole(role: 'sysadmin' | 'secadmin' | 'auditadmin'): boolean {
    return !!this.store.user()?.roles.includes(role);
  }
}
