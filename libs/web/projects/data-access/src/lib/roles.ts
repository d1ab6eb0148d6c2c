import { inject } from '@angular/core';
import type { CanMatchFn } from '@angular/router';
import { Router } from '@angular/router';
import type { Role } from '@pt/domain';
import { AuthStore } from '@pt/web/auth/data-access';

export const REVIEWER_ROLES: readonly Role[] = ['dept_reviewer', 'finance_reviewer'];

export function hasAnyRole(user: { roles: readonly string[] } | null | undefined, roles: readonly Role[]): boolean {
  return !!user && user.roles.some((r) => (roles as readonly string[]).includes(r));
}

export function isReviewer(user: { roles: readonly string[] } | null | undefined): boolean {
  return hasAnyRole(user, REVIEWER_ROLES);
}

export function isFiller(user: { roles: readonly string[] } | null | undefined): boolean {
  return hasAnyRole(user, ['filler']);
}

/** Route guard: only users with one of these roles; others go to the home page. */
export function roleGuard(...roles: Role[]): CanMatchFn {
  return () => (hasAnyRole(inject(AuthStore).user(), roles) ? true : inject(Router).createUrlTree(['/']));
}
