import type { Routes } from '@angular/router';
import { ShellLayout } from './shell.layout';
import { ZORRO_UI_PROVIDERS } from './zorro-ui';

/** The pages inside the shell (its menu and header), each a lazy route; loaded once the user has a session. */
export const SHELL_CONTENT_ROUTES: Routes = [
  {
    path: '',
    component: ShellLayout,
    providers: ZORRO_UI_PROVIDERS,
    children: [
      // the home page: a filler's or a reviewer's 工作台; the administrators' buttons to their pages otherwise
      { path: '', pathMatch: 'full', loadChildren: () => import('./home.routes').then((m) => m.HOME_ROUTES) },
      { path: 'tasks', loadChildren: () => import('@pt/web/work/feature').then((m) => m.TASK_ROUTES) },
      { path: 'library', loadChildren: () => import('@pt/web/library/feature').then((m) => m.LIBRARY_ROUTES) },
      // before any `projects/:id` route
      {
        path: 'projects/:id/revisions',
        loadChildren: () => import('@pt/web/projects/feature-revisions').then((m) => m.REVISION_ROUTES),
      },
      { path: 'projects/:id/evaluation', loadChildren: () => import('@pt/web/evaluation/feature').then((m) => m.EVALUATION_ROUTES) },
      { path: 'projects/:id/monitoring', loadChildren: () => import('@pt/web/evaluation/feature').then((m) => m.MONITORING_ROUTES) },
      { path: 'projects/:id/rectifications', loadChildren: () => import('@pt/web/rectification/feature').then((m) => m.RECTIFICATION_ROUTES) },
      {
        path: 'projects',
        pathMatch: 'full',
        loadChildren: () => import('@pt/web/projects/feature-list').then((m) => m.PROJECT_LIST_ROUTES),
      },
      { path: 'projects', loadChildren: () => import('@pt/web/projects/feature-editor').then((m) => m.PROJECT_EDITOR_ROUTES) },
      { path: 'monitoring', loadChildren: () => import('@pt/web/evaluation/feature').then((m) => m.MONITORING_OVERVIEW_ROUTES) },
      { path: 'inbox', loadChildren: () => import('@pt/web/projects/feature-list').then((m) => m.INBOX_ROUTES) },
      { path: 'admin', loadChildren: () => import('@pt/web/admin/feature').then((m) => m.ADMIN_ROUTES) },
      // 三员分立: the 安全管理员 manages the administrator accounts on the users page of 系统管理 (composed here, not by 安全管理)
      { path: 'security/accounts', loadChildren: () => import('./security-accounts.routes').then((m) => m.SECURITY_ACCOUNTS_ROUTES) },
      { path: 'security', loadChildren: () => import('@pt/web/security/feature').then((m) => m.SECURITY_ROUTES) },
      { path: 'audit', loadChildren: () => import('@pt/web/security/feature').then((m) => m.AUDIT_ROUTES) },
      { path: 'dashboard', loadChildren: () => import('@pt/web/dashboard/feature').then((m) => m.DASHBOARD_ROUTES) },
      { path: 'reports', loadChildren: () => import('@pt/web/reports/feature').then((m) => m.REPORT_ROUTES) },
      { path: 'exports', loadChildren: () => import('@pt/web/exports/feature').then((m) => m.EXPORT_ROUTES) },
      { path: 'imports', loadChildren: () => import('@pt/web/exports/feature').then((m) => m.IMPORT_ROUTES) },
    ],
  },
];
