import { HttpErrorResponse, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import type { EnvironmentProviders, Provider, Type } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router, type RouterFeatures, type Routes } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

/**
 * Lets a page under test take in what its (mocked) APIs answered: a few macrotask turns, each followed by change
 * detection, so promise chains started in the constructor (a load, then a second load it triggers) have run and shown.
 */
export async function settle(fixture: ComponentFixture<unknown>, rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await new Promise((r) => setTimeout(r));
    fixture.detectChanges();
  }
}

/** Change detection, then what it started (the template's own loads, nz-zorro's timers), then change detection again. */
export async function stabilize(fixture: ComponentFixture<unknown>): Promise<void> {
  fixture.detectChanges();
  await fixture.whenStable();
  fixture.detectChanges();
}

/**
 * What a page or component spec starts from: HTTP with the testing backend, no animations, and a router on
 * `routes` (none by default). The spec adds its own stand-ins for the APIs after these.
 */
export function pageTestProviders(routes: Routes = [], ...features: RouterFeatures[]): (Provider | EnvironmentProviders)[] {
  return [provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations(), provideRouter(routes, ...features)];
}

/**
 * What an API service spec starts from: the service on the testing HTTP backend, and that backend to answer its
 * requests (and to `verify()` that none is left open).
 */
export function apiTestBed<T>(api: Type<T>): { api: T; http: HttpTestingController } {
  TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
  return { api: TestBed.inject(api), http: TestBed.inject(HttpTestingController) };
}

/**
 * An error answer as the API sends it: the status, and the body of every API error with that status as its
 * `statusCode` (anything else in `body`, even malformed details, is passed on for the mapper to cope with).
 */
export function apiErrorResponse(status: number, body: { code: string; message: string; [key: string]: unknown }): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: { statusCode: status, ...body } });
}

/** `rounds` turns of: a macrotask (the mocked APIs answer), change detection, stable (what they started has run). */
export async function settleRoute(harness: RouterTestingHarness, rounds = 1): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await new Promise((r) => setTimeout(r));
    harness.detectChanges();
    await harness.fixture.whenStable();
  }
}

/**
 * Navigates a routed test page to `url` and lets its first loads show ({@link settleRoute}): the harness, the
 * routed element, lookups by `data-testid` (the first, or all as they are now) and the router.
 */
export async function openRoute(url: string, rounds = 1) {
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url);
  await settleRoute(harness, rounds);
  const root = harness.routeNativeElement as HTMLElement;
  const byId = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const all = (id: string) => Array.from((harness.routeNativeElement as HTMLElement).querySelectorAll<HTMLElement>(`[data-testid="${id}"]`));
  return { harness, root, byId, all, router: TestBed.inject(Router) };
}
