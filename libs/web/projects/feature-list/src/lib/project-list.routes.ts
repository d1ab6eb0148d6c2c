import type { Routes } from '@angular/router';
import { REVIEWER_ROLES, roleGuard } from '@pt/web/projects/data-access';
import { ProjectListPage } from './project-list.page';

/** `projects`: every project the user may see. */
export const PROJECT_LIST_ROUTES: Routes = [
  { path: '', pathMatch: 'full', component: ProjectListPage, data: { mode: 'all' }, title: '绩效目标申报 · 绩效目标管理' },
];

/** `inbox`: the projects waiting for the current reviewer. */
export const INBOX_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    component: ProjectListPage,
    canMatch: [roleGuard(...REVIEWER_ROLES)],
    data: { mode: 'inbox' },
    title: '审核待办 · 绩效目标管理',
  },
];
