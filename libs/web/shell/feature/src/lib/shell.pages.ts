import type { Routes } from '@angular/router';
import { ApiPaths } from '@pt/shared/api-types';
import { EARLY_GETS, type EarlyGets } from './warm-page';

/**
 * The pages inside the shell, each a lazy route. Apart from the shell's layout (shell.content.routes.ts): the initial
 * bundle holds this table, so that the page of the URL starts loading beside the shell (warm-page.ts), not after it.
 */
export const SHELL_PAGES: Routes = [
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
  {
    path: 'projects',
    loadChildren: () => import('@pt/web/projects/feature-editor').then((m) => m.PROJECT_EDITOR_ROUTES),
    // the 申报表 of a target: the target and the frameworks its table is drawn with
    data: { [EARLY_GETS]: ((s) => (s.length === 2 && s[1] !== 'new' ? [ApiPaths.project(s[1]), ApiPaths.frameworks] : [])) satisfies EarlyGets },
  },
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
];
