import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuthStore } from '@pt/web/auth/data-access';
import { WorkApi } from '@pt/web/work/data-access';
import { PagesStylesheet } from './pages-stylesheet';
import { SHELL_ROUTES } from './shell.routes';

/**
 * ng-zorro's icons come with the lazy routes (zorro-ui.ts), not with the app config: the first page opened —
 * the login page or the shell — has them. Without them an icon is asked of the server (/assets/…svg) and not drawn.
 */
let stylesheet: { load: jest.Mock<Promise<void>, []> };
let stylesLoaded: () => void;

function setup(user: { displayName: string; roles: string[] } | null): HttpTestingController {
  stylesheet = { load: jest.fn(() => new Promise<void>((resolve) => (stylesLoaded = resolve))) };
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideNoopAnimations(),
      provideRouter(SHELL_ROUTES),
      {
        provide: AuthStore,
        useValue: { user: signal(user), token: signal(user ? 't' : null), loggedIn: signal(!!user), mustChangePassword: signal(false), logout: () => Promise.resolve() },
      },
      { provide: WorkApi, useValue: { counts: () => new Promise(() => undefined) } },
      { provide: PagesStylesheet, useValue: stylesheet },
    ],
  });
  return TestBed.inject(HttpTestingController);
}

/** The icons on the page (by their anticon-… class) that have their SVG drawn, and those that have none. */
function icons(el: HTMLElement): { drawn: string[]; missing: string[] } {
  const all = Array.from(el.querySelectorAll('.anticon'));
  const name = (e: Element) => /anticon-(\S+)/.exec(e.className)?.[1] ?? e.className;
  return { drawn: all.filter((e) => e.querySelector('svg')).map(name), missing: all.filter((e) => !e.querySelector('svg')).map(name) };
}

describe('SHELL_ROUTES: ng-zorro set up by the lazy routes', () => {
  it('the login page draws its icons', async () => {
    const http = setup(null);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/login');
    const el = harness.routeNativeElement as HTMLElement;
    expect(el.querySelector('#username')).not.toBeNull();
    const { drawn, missing } = icons(el);
    expect(missing).toEqual([]);
    expect(drawn).toEqual(expect.arrayContaining(['user', 'lock'])); // the prefixes of 用户名 and 密码
    http.expectNone((req) => req.url.endsWith('.svg'));
    expect(stylesheet.load).not.toHaveBeenCalled(); // the login page needs only the initial styles
  });

  it('the shell draws the icons of its menu, its header and its first page', async () => {
    // an administrator: the home page is the administrators' own (the 工作台 would ask for its data)
    const http = setup({ displayName: '某人', roles: ['sysadmin'] });
    await import('./shell.content.routes'); // loaded already: only the styles can hold the shell back
    const harness = await RouterTestingHarness.create();
    const navigated = harness.navigateByUrl('/');
    // the shell waits for the styles of the pages inside it
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stylesheet.load).toHaveBeenCalledTimes(1);
    const el = harness.fixture.nativeElement as HTMLElement;
    expect(el.querySelector('pt-shell-layout')).toBeNull();
    stylesLoaded();
    await navigated;
    expect(el.querySelector('[data-testid="home-admin"]')).not.toBeNull();
    const { drawn, missing } = icons(el);
    expect(missing).toEqual([]);
    expect(drawn).toEqual(expect.arrayContaining(['home', 'database', 'setting', 'key', 'logout']));
    http.expectNone((req) => req.url.endsWith('.svg'));
  });
});
