import { HttpEventType, HttpHeaders } from '@angular/common/http';
import type { HttpTestingController } from '@angular/common/http/testing';
import { apiTestBed } from '@pt/web/shared/data-access/testing';
import { DownloadCancelled, ExportsApi } from './exports.api';
import { ImportsApi, XLSX_MIME } from './imports.api';

describe('ExportsApi', () => {
  let api: ExportsApi;
  let http: HttpTestingController;

  beforeEach(() => ({ api, http } = apiTestBed(ExportsApi)));

  afterEach(() => http.verify());

  it('reports progress as a signal and names the file from Content-Disposition', async () => {
    const done = api.fetch('/api/projects/p1/export', { form: 'declaration', format: 'xlsx' }, 'x.xlsx');
    expect(api.progress()).toEqual({ loaded: 0, total: null, percent: null });
    const req = http.expectOne((r) => r.url === '/api/projects/p1/export');
    expect(req.request.params.get('form')).toBe('declaration');
    expect(req.request.responseType).toBe('blob');
    expect(req.request.reportProgress).toBe(true);
    req.event({ type: HttpEventType.DownloadProgress, loaded: 300, total: 1200 });
    expect(api.progress()).toEqual({ loaded: 300, total: 1200, percent: 25 });
    expect(api.downloading()).toBe(true);
    req.flush(new Blob(['PK']), {
      headers: new HttpHeaders({ 'Content-Disposition': `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent('申报表-合作交流工作业务费.xlsx')}` }),
    });
    const file = await done;
    expect(file.fileName).toBe('申报表-合作交流工作业务费.xlsx');
    expect(file.blob.size).toBe(2);
    expect(api.progress()).toBeNull();
    expect(api.downloading()).toBe(false);
  });

  it('rejects with the server message of a JSON error sent as a blob', async () => {
    const done = api.fetch('/api/exports', { year: '2024', form: 'declaration', format: 'pdf' }, 'x.pdf');
    http.expectOne((r) => r.url === '/api/exports').flush(new Blob([JSON.stringify({ message: '年度须为整数' })]), { status: 400, statusText: 'Bad Request' });
    await expect(done).rejects.toMatchObject({ status: 400, error: { message: '年度须为整数' } });
    expect(api.progress()).toBeNull();
  });

  it('cancels a running download', async () => {
    const done = api.fetch('/api/exports', {}, 'x.zip');
    const req = http.expectOne('/api/exports');
    api.cancel();
    await expect(done).rejects.toBeInstanceOf(DownloadCancelled);
    expect(req.cancelled).toBe(true);
    expect(api.progress()).toBeNull();
  });
});

describe('ImportsApi', () => {
  it('posts text with dryRun and a workbook as the raw body', async () => {
    const { api, http } = apiTestBed(ImportsApi);
    const result = { dryRun: true, projects: [], problems: [] };

    const t = api.text({ text: 'x', year: 2020, orgId: 'o' }, true);
    const r1 = http.expectOne((r) => r.url === '/api/imports/text');
    expect(r1.request.params.get('dryRun')).toBe('true');
    expect(r1.request.body).toEqual({ text: 'x', year: 2020, orgId: 'o' });
    r1.flush(result);
    await expect(t).resolves.toEqual(result);

    const file = new Blob(['PK']);
    const x = api.xlsx(file, { orgId: 'o', year: null }, false);
    const r2 = http.expectOne((r) => r.url === '/api/imports/xlsx');
    expect(r2.request.params.get('dryRun')).toBe('false');
    expect(r2.request.params.get('orgId')).toBe('o');
    expect(r2.request.params.has('year')).toBe(false);
    expect(r2.request.headers.get('Content-Type')).toBe(XLSX_MIME);
    expect(r2.request.body).toBe(file);
    r2.flush({ ...result, dryRun: false });
    await expect(x).resolves.toMatchObject({ dryRun: false });
    http.verify();
  });
});
