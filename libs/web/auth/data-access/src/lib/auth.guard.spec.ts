import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, type UrlTree } from '@angular/router';
import { passwordChangedGuard } from './auth.guard';
import { AuthStore } from './auth.store';

describe('passwordChangedGuard', () => {
  it('sends a user with an initial or reset password to 修改密码, lets the others in', () => {
    const pending = signal(true);
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: AuthStore, useValue: { mustChangePassword: pending } }] });
    const run = () => TestBed.runInInjectionContext(() => passwordChangedGuard({} as never, []));
    expect(TestBed.inject(Router).serializeUrl(run() as UrlTree)).toBe('/password');
    pending.set(false);
    expect(run()).toBe(true);
  });
});
