// the contracts' DTO classes (imported here for the labels) need the decorator metadata API
import 'reflect-metadata';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { IMPORT_CHOICE_LABELS as CONTRACT_LABELS, IMPORT_CHOICES as CONTRACT_CHOICES } from '@pt/shared/api-types';
import { IMPORT_CHOICE_LABELS, IMPORT_CHOICES, ImportsApi } from './imports.api';

describe('ImportsApi', () => {
  it('offers the contracts’ choices for a name that exists, with their labels', () => {
    expect(IMPORT_CHOICE_LABELS).toEqual(CONTRACT_LABELS);
    expect(IMPORT_CHOICES).toEqual([...CONTRACT_CHOICES]);
  });

  it('sends the choices of an .xlsx import as JSON in the query (the body is the file)', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const api = TestBed.inject(ImportsApi);
    const http = TestBed.inject(HttpTestingController);
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
