import { inject } from '@angular/core';
import { CanMatchFn, Router } from '@angular/router';
import { AuthStore } from './auth.store';
import { returnUrlQuery } from './return-url';

/** The URL being opened (a pasted link): the navigation's, as typed, query included. */
function openingUrl(router: Router): string | null {
  const nav = router.currentNavigation();
  return nav ? router.serializeUrl(nav.extractedUrl) : null;
}

/** Only for a signed-in user; otherwise to the login page, which brings the user back to the link afterwards. */
export const authGuard: CanMatchFn = () => {
  const store = inject(AuthStore);
  if (store.loggedIn()) return true;
  const router = inject(Router);
  return router.createUrlTree(['/login'], { queryParams: returnUrlQuery(openingUrl(router)) });
};

/** The app itself waits until an initial or reset password is changed: to 修改密码 until then (and back afterwards). */
export const passwordChangedGuard: CanMatchFn = () => {
  const store = inject(AuthStore);
  if (!store.mustChangePassword()) return true;
  const router = inject(Router);
  return router.createUrlTree(['/password'], { queryParams: returnUrlQuery(openingUrl(router)) });
};
