import { apiTestBed } from '@pt/web/shared/data-access/testing';
import { ProjectsApi } from './projects.api';

describe('ProjectsApi (every kind through /api/targets)', () => {
  it('lists with the kind filter and creates with the kind', async () => {
    const { api, http } = apiTestBed(ProjectsApi);
    const list = api.list({ kind: 'department', year: 2027 });
    http.expectOne((r) => r.url === '/api/targets' && r.params.toString() === 'kind=department&year=2027').flush({ items: [], total: 0, page: 1, pageSize: 20 });
    await expect(list).resolves.toMatchObject({ total: 0 });
    const created = api.create({ kind: 'department', year: 2027, orgId: 'o1', frameworkCode: 'mof-2021' });
    const req = http.expectOne('/api/targets');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ kind: 'department', year: 2027, orgId: 'o1', frameworkCode: 'mof-2021' });
    req.flush({ id: 't1', version: 1, kind: 'department' }, { headers: { ETag: '"1"' } });
    await expect(created).resolves.toMatchObject({ id: 't1', kind: 'department' });
    http.verify();
  });

  it('sends countUpTo when asked (a name search of the list page), never otherwise', async () => {
    const { api, http } = apiTestBed(ProjectsApi);
    const capped = api.list({ year: 2025, q: ' 信息化 ', countUpTo: 200 });
    http.expectOne((r) => r.url === '/api/targets' && r.params.toString() === `year=2025&q=${encodeURIComponent('信息化')}&countUpTo=200`).flush({ items: [], total: 200, totalCapped: true, page: 1, pageSize: 20 });
    await expect(capped).resolves.toMatchObject({ total: 200, totalCapped: true });
    const plain = api.list({ year: 2025, countUpTo: null });
    http.expectOne((r) => r.url === '/api/targets' && r.params.toString() === 'year=2025').flush({ items: [], total: 3, page: 1, pageSize: 20 });
    await expect(plain).resolves.toMatchObject({ total: 3 });
    http.verify();
  });

  it('writes a goal table at its own path, the annual table at …/indicators, each with If-Match; the ETag wins', async () => {
    const { api, http } = apiTestBed(ProjectsApi);
    const goal = api.putIndicators('t1', 3, [], 'g1');
    const r1 = http.expectOne('/api/targets/t1/goals/g1/indicators');
    expect(r1.request.method).toBe('PUT');
    expect(r1.request.headers.get('If-Match')).toBe('"3"');
    r1.flush({ id: 't1', version: 3 }, { headers: { ETag: '"4"' } });
    await expect(goal).resolves.toMatchObject({ version: 4 });
    const annual = api.putIndicators('t1', 4, []);
    http.expectOne('/api/targets/t1/indicators').flush({ id: 't1', version: 5 });
    await expect(annual).resolves.toMatchObject({ version: 5 });
    const history = api.history('t1');
    http.expectOne('/api/targets/t1/history').flush([]);
    await expect(history).resolves.toEqual([]);
    http.verify();
  });

  it('reads what changed since the last return from the API (null when never returned)', async () => {
    const { api, http } = apiTestBed(ProjectsApi);
    const none = api.changes('t1');
    http.expectOne('/api/targets/t1/changes').flush(null);
    await expect(none).resolves.toBeNull();
    const some = api.changes('t2');
    http.expectOne('/api/targets/t2/changes').flush({ returnedAt: '2026-12-07T02:00:00.000Z', returnedBy: '审核人', comment: '偏低', before: { id: 't2' }, after: { id: 't2' } });
    await expect(some).resolves.toMatchObject({ returnedBy: '审核人', before: { id: 't2' } });
    http.verify();
  });
});
