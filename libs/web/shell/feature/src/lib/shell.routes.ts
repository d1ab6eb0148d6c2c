import { HttpClient } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import type { Routes } from '@angular/router';
import { authGuard, passwordChangedGuard } from '@pt/web/auth/data-access';
import { PagesStylesheet } from './pages-stylesheet';
import { SHELL_PAGES } from './shell.pages';
import { warmPage } from './warm-page';

/** A page outside the shell, with ng-zorro's setup (zorro-ui.ts) loaded beside it. */
const withZorroUi = (routes: () => Promise<Routes>) => (): Promise<Routes> =>
  Promise.all([routes(), import('./zorro-ui')]).then(([children, ui]) => [{ path: '', providers: ui.ZORRO_UI_PROVIDERS, children }]);

/**
 * The application's routes: every page is lazy, and so is everything it needs (ng-zorro's icons, i18n and the styles
 * of the pages inside the shell included: the initial bundle holds only the router, the session, this table and the
 * styles of the login page); everything but login needs a session.
 */
export const SHELL_ROUTES: Routes = [
  { path: 'login', loadChildren: withZorroUi(() => import('@pt/web/auth/feature-login').then((m) => m.LOGIN_ROUTES)) },
  // 修改密码: outside the shell, the one page of a user whose initial or reset password is still to be changed
  {
    path: 'password',
    canMatch: [authGuard],
    loadChildren: withZorroUi(() => import('@pt/web/auth/feature-login').then((m) => m.PASSWORD_ROUTES)),
  },
  // the shell and its pages (shell.content.routes.ts), with the styles of ng-zorro's components only they use
  {
    path: '',
    canMatch: [authGuard, passwordChangedGuard],
    loadChildren: () => {
      const styles = inject(PagesStylesheet).load();
      // the page of the URL and its first data load beside the shell, not after it
      warmPage(SHELL_PAGES, inject(Router).currentNavigation()?.extractedUrl, inject(HttpClient));
      return Promise.all([import('./shell.content.routes'), styles]).then(([m]) => m.SHELL_CONTENT_ROUTES);
    },
  },
  { path: '**', redirectTo: '' },
];
