import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { CanMatchFn } from '@angular/router';
import { AuthStore } from '@pt/web/auth/data-access';
import { HOME_ROUTES } from './home.routes';

describe('HOME_ROUTES', () => {
  const user = signal<{ roles: string[] } | null>(null);
  beforeEach(() => TestBed.configureTestingModule({ providers: [{ provide: AuthStore, useValue: { user } }] }));
  const workbenchMatches = () => {
    const guard = HOME_ROUTES[0].canMatch?.[0] as CanMatchFn;
    return TestBed.runInInjectionContext(() => guard({} as never, []));
  };

  it('the 工作台 for a filler or a reviewer, the administrators\' page for the others', () => {
    for (const roles of [['filler'], ['dept_reviewer'], ['finance_reviewer']]) {
      user.set({ roles });
      expect(workbenchMatches()).toBe(true);
    }
    for (const roles of [['sysadmin'], ['secadmin'], ['auditadmin'], []]) {
      user.set({ roles });
      expect(workbenchMatches()).toBe(false);
    }
    expect(HOME_ROUTES[1].canMatch).toBeUndefined();
  });
});
