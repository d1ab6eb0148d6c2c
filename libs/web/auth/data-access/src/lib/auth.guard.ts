import { inject } from '@angular/core';
import { CanMatchFn, Router } from '@angular/router';
import { AuthStore } from './auth.store';

/** Only for a signed-in user; otherwise to the login page. */
export const authGuard: CanMatchFn = () => {
  const store = inject(AuthStore);
  return store.loggedIn() ? true : inject(Router).createUrlTree(['/login']);
};

/** The app itself waits until an initial or reset password is changed: to 修改密码 until then. */
export const passwordChangedGuard: CanMatchFn = () => {
  const store = inject(AuthStore);
  return store.mustChangePassword() ? inject(Router).createUrlTree(['/password']) : true;
};
