import { inject } from '@angular/core';
import { CanMatchFn, Router } from '@angular/router';
import { AuthStore } from './auth.store';

/** Only for a signed-in user; otherwise to the login page. */
export const authGuard: CanMatchFn = () => {
  const store = inject(AuthStore);
  return store.loggedIn() ? true : inject(Router).createUrlTree(['/login']);
};
