import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterOutlet } from '@angular/router';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMenuModule } from 'ng-zorro-antd/menu';

/** 系统管理: a horizontal menu over the admin screens. */
@Component({
  selector: 'pt-admin-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, RouterLink, NzMenuModule, NzIconModule],
  template: `
    <ul nz-menu nzMode="horizontal" class="admin-nav" data-testid="admin-nav">
      <li nz-menu-item nzMatchRouter routerLink="/admin/users" data-testid="admin-nav-users">
        <span nz-icon nzType="user"></span><span>用户管理</span>
      </li>
      <li nz-menu-item nzMatchRouter routerLink="/admin/orgs" data-testid="admin-nav-orgs">
        <span nz-icon nzType="apartment"></span><span>组织机构</span>
      </li>
      <li nz-menu-item nzMatchRouter routerLink="/admin/frameworks" data-testid="admin-nav-frameworks">
        <span nz-icon nzType="database"></span><span>指标体系与评分规则</span>
      </li>
    </ul>
    <router-outlet />
  `,
  styles: `
    .admin-nav { margin-bottom: 16px; background: transparent; }
  `,
})
export class AdminLayout {}
