import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { API_ROOT, ApiPaths } from '@pt/shared/api-types';
import { catchError, throwError } from 'rxjs';
import { AuthStore } from './auth.store';
import { returnUrlQuery } from './return-url';

/**
 * Adds the bearer token to API calls; a 401 on any call but login ends the session and opens the login page; a 403
 * PASSWORD_CHANGE_REQUIRED (an initial or reset password) opens 修改密码.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const store = inject(AuthStore);
  const router = inject(Router);
  const token = store.token();
  const isApi = req.url.startsWith(API_ROOT);
  const authed = token && isApi ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req;
  return next(authed).pipe(
    catchError((e: unknown) => {
      if (e instanceof HttpErrorResponse && e.status === 401 && isApi && req.url !== ApiPaths.login) {
        store.clear();
        void router.navigate(['/login'], { queryParams: returnUrlQuery(router.url) });
      }
      if (e instanceof HttpErrorResponse && e.status === 403 && isApi && (e.error as { code?: string } | null)?.code === 'PASSWORD_CHANGE_REQUIRED') {
        store.requirePasswordChange();
        void router.navigate(['/password']);
      }
      return throwError(() => e);
    }),
  );
};
