import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, type UrlTree } from '@angular/router';
import type { UserSummary } from '@pt/shared/api-types';
import { AuthStore } from '@pt/web/auth/data-access';
import { auditadminGuard, isAuditadmin, isSecadmin, secadminGuard } from './role.guards';

const user = (roles: string[]) => ({ id: 'u', username: 'u', displayName: 'U', roles, orgId: 'o', orgName: 'O' }) as unknown as UserSummary;

describe('role guards', () => {
  let current: UserSummary | null;

  beforeEach(() => {
    current = null;
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: AuthStore, useValue: { user: () => current } }] });
  });

  const run = (guard: typeof secadminGuard) => TestBed.runInInjectionContext(() => guard({ path: '' }, []));

  it('knows the administrators', () => {
    expect(isSecadmin(user(['secadmin']))).toBe(true);
    expect(isSecadmin(user(['sysadmin']))).toBe(false);
    expect(isAuditadmin(user(['auditadmin']))).toBe(true);
    expect(isAuditadmin(user(['secadmin']))).toBe(false);
    expect(isSecadmin(null)).toBe(false);
    expect(isAuditadmin(undefined)).toBe(false);
  });

  it('lets the 安全管理员 into 安全管理 only, and sends anyone else home', () => {
    const home = TestBed.inject(Router).serializeUrl(TestBed.inject(Router).createUrlTree(['/']));
    current = user(['secadmin']);
    expect(run(secadminGuard)).toBe(true);
    expect(TestBed.inject(Router).serializeUrl(run(auditadminGuard) as UrlTree)).toBe(home);
    current = user(['auditadmin']);
    expect(run(auditadminGuard)).toBe(true);
    expect(TestBed.inject(Router).serializeUrl(run(secadminGuard) as UrlTree)).toBe(home);
    current = user(['sysadmin']);
    expect(run(secadminGuard)).not.toBe(true);
    expect(run(auditadminGuard)).not.toBe(true);
    current = null;
    expect(run(secadminGuard)).not.toBe(true);
  });
});
