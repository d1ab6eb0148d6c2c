import { apiTestBed } from '@pt/web/shared/data-access/testing';
import { DashboardApi, dashboardYears } from './dashboard.api';

describe('DashboardApi', () => {
  it('GET /api/dashboard with the year, and the organisation when one is chosen', async () => {
    const { api, http } = apiTestBed(DashboardApi);
    const a = api.get({ year: 2024 });
    http.expectOne((r) => r.url === '/api/dashboard' && r.params.toString() === 'year=2024').flush({ year: 2024 });
    await expect(a).resolves.toEqual({ year: 2024 });
    const b = api.get({ year: 2024, orgId: 'o1' });
    http.expectOne((r) => r.url === '/api/dashboard' && r.params.toString() === 'year=2024&orgId=o1').flush({ year: 2024, orgId: 'o1' });
    await expect(b).resolves.toEqual({ year: 2024, orgId: 'o1' });
    const c = api.get({ year: 2024, kind: 'department' });
    http.expectOne((r) => r.url === '/api/dashboard' && r.params.toString() === 'year=2024&kind=department').flush({ year: 2024 });
    await expect(c).resolves.toEqual({ year: 2024 });
    http.verify();
  });

  it('offers next year and the ten before it', () => {
    const years = dashboardYears(2026);
    expect(years[0]).toBe(2027);
    expect(years).toHaveLength(11);
    expect(years).toContain(2020);
  });
});
