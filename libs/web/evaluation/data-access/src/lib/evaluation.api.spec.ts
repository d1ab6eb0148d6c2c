import { apiTestBed } from '@pt/web/shared/data-access/testing';
import { EvaluationApi, MonitoringApi } from './evaluation.api';

const ID = '6f1c2a34-1b2c-4d5e-8f90-123456789abc';

describe('evaluation / monitoring API clients', () => {
  it('read the version from the ETag, else from the body', async () => {
    const { api, http } = apiTestBed(EvaluationApi);
    const get = api.get(ID);
    http.expectOne(`/api/targets/${ID}/evaluation`).flush({ projectId: ID, version: 3 }, { headers: { ETag: '"7"' } });
    expect((await get).version).toBe(7);

    const put = api.put(ID, 7, { budget: { annualBudget: '1.00', executed: '1.00' }, items: [] });
    const req = http.expectOne(`/api/targets/${ID}/evaluation`);
    expect(req.request.method).toBe('PUT');
    expect(req.request.headers.get('If-Match')).toBe('"7"');
    req.flush({ projectId: ID, version: 8 });
    expect((await put).version).toBe(8);

    const submit = api.transition(ID, 8, { action: 'submit' });
    const t = http.expectOne(`/api/targets/${ID}/evaluation/transitions`);
    expect([t.request.method, t.request.headers.get('If-Match'), t.request.body]).toEqual(['POST', '"8"', { action: 'submit' }]);
    t.flush({ projectId: ID }, { headers: { ETag: 'W/"9"' } });
    expect((await submit).version).toBe(9);
    http.verify();
  });

  it('ask for a month and for the overview of a year and unit', async () => {
    const { api, http } = apiTestBed(MonitoringApi);
    const get = api.get(ID, 7);
    http.expectOne(`/api/targets/${ID}/monitoring?month=7`).flush({ projectId: ID });
    expect((await get).version).toBeNull();

    const latest = api.get(ID);
    http.expectOne(`/api/targets/${ID}/monitoring`).flush({ projectId: ID, version: 2 });
    expect((await latest).version).toBe(2);

    const overview = api.overview(2020, 'org-1');
    http.expectOne('/api/monitoring?year=2020&orgId=org-1').flush([]);
    expect(await overview).toEqual([]);
    http.verify();
  });
});
