import { inject } from '@angular/core';
import { type CanMatchFn, Router } from '@angular/router';
import type { UserSummary } from '@pt/shared/api-types';
import { AuthStore } from '@pt/web/auth/data-access';

function hasRole(user: UserSummary | null | undefined, role: string): boolean {
  return !!user && (user.roles as string[]).includes(role);
}

export function isSecadmin(user: UserSummary | null | undefined): boolean {
  return hasRole(user, 'secadmin');
}

export function isAuditadmin(user: UserSummary | null | undefined): boolean {
  return hasRole(user, 'auditadmin');
}

/** 安全管理 is for the 安全管理员 only; anyone else goes to the home page. */
export const secadminGuard: CanMatchFn = () => {
  return isSecadmin(inject(AuthStore).user()) ? true : inject(Router).createUrlTree(['/']);
};

/** 审计日志 is for the 审计管理员 only; anyone else goes to the home page. */
export const auditadminGuard: CanMatchFn = () => {
  return isAuditadmin(inject(AuthStore).user()) ? true : inject(Router).createUrlTree(['/']);
};
