import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { authGuard, passwordChangedGuard } from './auth.guard';
import { AuthStore } from './auth.store';

@Component({ template: '' })
class BlankComponent {}

/** A router with the shell's guards in front of every page but login and 修改密码. */
function setUp(loggedIn: boolean, mustChange: boolean) {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([
        { path: 'login', component: BlankComponent },
        { path: 'password', component: BlankComponent },
        { path: '', canMatch: [authGuard, passwordChangedGuard], children: [{ path: '**', component: BlankComponent }] },
      ]),
      { provide: AuthStore, useValue: { loggedIn: signal(loggedIn), mustChangePassword: signal(mustChange) } },
    ],
  });
  return TestBed.inject(Router);
}

describe('authGuard', () => {
  it('a pasted link without a session: the login page, which keeps the link (path and query) to return to', async () => {
    const router = setUp(false, false);
    await router.navigateByUrl('/projects/p-1/review?from=mail');
    expect(router.url).toBe('/login?returnUrl=%2Fprojects%2Fp-1%2Freview%3Ffrom%3Dmail');
    expect(router.parseUrl(router.url).queryParams['returnUrl']).toBe('/projects/p-1/review?from=mail');
  });

  it('the home page without a session: the login page with nothing to return to', async () => {
    const router = setUp(false, false);
    await router.navigateByUrl('/');
    expect(router.url).toBe('/login');
  });

  it('a signed-in user opens the link', async () => {
    const router = setUp(true, false);
    await router.navigateByUrl('/inbox');
    expect(router.url).toBe('/inbox');
  });
});

describe('passwordChangedGuard', () => {
  it('sends a user with an initial or reset password to 修改密码 (keeping the link), lets the others in', async () => {
    const router = setUp(true, true);
    await router.navigateByUrl('/work/tasks');
    expect(router.url).toBe('/password?returnUrl=%2Fwork%2Ftasks');
  });
});
