import type { Routes } from '@angular/router';
import { sysadminGuard } from '@pt/web/admin/data-access';
import { AdminLayout } from './admin.layout';
import { FrameworksPage } from './frameworks.page';
import { OrgsPage } from './orgs.page';
import { UsersPage } from './users.page';

/** 系统管理 (sysadmin only): 组织机构, 用户管理 and 指标体系与评分规则. Mounted by the shell at `/admin`. */
export const ADMIN_ROUTES: Routes = [
  {
    path: '',
    canMatch: [sysadminGuard],
    component: AdminLayout,
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'users' },
      { path: 'orgs', component: OrgsPage, title: '组织机构 · 系统管理' },
      { path: 'users', component: UsersPage, title: '用户管理 · 系统管理' },
      { path: 'frameworks', component: FrameworksPage, title: '指标体系与评分规则 · 系统管理' },
    ],
  },
];
