import type { Routes } from '@angular/router';
import { authGuard } from '@pt/web/auth/data-access';

/** The application's routes: every feature is a lazy route; everything but login needs a session. */
export const SHELL_ROUTES: Routes = [
  { path: 'login', loadChildren: () => import('@pt/web/auth/feature-login').then((m) => m.LOGIN_ROUTES) },
  {
    path: '',
    canMatch: [authGuard],
    loadComponent: () => import('./shell.layout').then((m) => m.ShellLayout),
    children: [{ path: '', loadComponent: () => import('./home.page').then((m) => m.HomePage), title: '首页 · 绩效目标管理' }],
  },
  { path: '**', redirectTo: '' },
];
