import type { Routes } from '@angular/router';
import { secadminGuard } from '@pt/web/security/data-access';

/**
 * `/security/accounts` (安全管理员 only): 三员分立 — the administrator accounts it manages, on the users page of 系统管理
 * (which offers it only the security and audit administrators). Composed by the shell: a feature does not load another.
 * Its own lazy file, so the guard stays out of the first bundle.
 */
export const SECURITY_ACCOUNTS_ROUTES: Routes = [
  { path: '', pathMatch: 'full', canMatch: [secadminGuard], loadComponent: () => import('@pt/web/admin/feature').then((m) => m.UsersPage), title: '管理员账号 · 安全管理' },
];
