import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Component, inject } from '@angular/core';
import { YearOrgFilter } from './year-org-filter';

@Component({ selector: 'pt-filter-host', template: '' })
class HostComponent {
  readonly filter = new YearOrgFilter([2027, 2026], () => Promise.resolve([2024]), () => ({ kind: 'policy' }));
  readonly router = inject(Router);
}

async function open(url: string) {
  TestBed.configureTestingModule({ providers: [provideRouter([{ path: 'r', component: HostComponent }])] });
  const harness = await RouterTestingHarness.create();
  const host = await harness.navigateByUrl(url, HostComponent);
  await new Promise((r) => setTimeout(r));
  return { host, router: TestBed.inject(Router) };
}

describe('YearOrgFilter', () => {
  it('opens on the year and organisation of the link and keeps them', async () => {
    const { host } = await open('/r?year=2019&orgId=o1');
    expect(host.filter.value()).toEqual({ year: 2019, orgId: 'o1' });
    expect(host.filter.years()).toEqual([2027, 2026, 2019]);
  });

  it('opens on the newest year with data when the link names none, and writes each pick into the URL with the page’s other filters', async () => {
    const { host, router } = await open('/r');
    expect(host.filter.year()).toBe(2024);
    host.filter.setOrg('o2');
    await new Promise((r) => setTimeout(r));
    expect(router.url).toBe(`/r?year=2024&orgId=o2&kind=policy`);
    host.filter.setYear(2026);
    host.filter.setOrg('');
    await new Promise((r) => setTimeout(r));
    expect(router.url).toBe('/r?year=2026&kind=policy');
    expect(host.filter.value()).toEqual({ year: 2026, orgId: null });
  });
});
