import { apiTestBed } from '@pt/web/shared/data-access/testing';
import { ImportsApi } from './imports.api';

describe('ImportsApi', () => {
  it('sends the choices of an .xlsx import as JSON in the query (the body is the file)', async () => {
    const { api, http } = apiTestBed(ImportsApi);
    const done = api.xlsx(new Blob(['x']), { orgId: 'u1', year: 2024, choices: [{ name: '甲', choice: 'keepBoth' }] }, false);
    const req = http.expectOne((r) => r.url === '/api/imports/xlsx');
    expect(req.request.params.get('choices')).toBe('[{"name":"甲","choice":"keepBoth"}]');
    expect(req.request.params.get('dryRun')).toBe('false');
    req.flush({ dryRun: false, projects: [], problems: [] });
    await done;
    const plain = api.xlsx(new Blob(['x']), { orgId: 'u1' }, true);
    const req2 = http.expectOne((r) => r.url === '/api/imports/xlsx');
    expect(req2.request.params.has('choices')).toBe(false);
    req2.flush({ dryRun: true, projects: [], problems: [] });
    await plain;
    http.verify();
  });
});
