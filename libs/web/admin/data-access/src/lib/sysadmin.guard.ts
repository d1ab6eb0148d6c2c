import { inject } from '@angular/core';
import { type CanMatchFn, Router } from '@angular/router';
import type { UserSummary } from '@pt/shared/api-types';
import { AuthStore } from '@pt/web/auth/data-access';

export function isSysadmin(user: UserSummary | null | undefined): boolean {
  return !!user && (user.roles as string[]).includes('sysadmin');
}

/** The admin screens are for the 系统管理员 only; anyone else goes to the home page. */
export const sysadminGuard: CanMatchFn = () => {
  return isSysadmin(inject(AuthStore).user()) ? true : inject(Router).createUrlTree(['/']);
};
