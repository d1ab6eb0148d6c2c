import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AttachmentsClient } from './attachments-client';

describe('AttachmentsClient', () => {
  it('reads a target’s list once for the rows of one render, and afresh when the page is opened again later', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const client = TestBed.inject(AttachmentsClient);
    const http = TestBed.inject(HttpTestingController);
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
    const first = client.ensure('t1');
    const second = client.ensure('t1');
    http.expectOne('/api/targets/t1/attachments').flush([]);
    http.expectOne('/api/targets/t1/attachments/rights').flush({ declaration: true, monitoring: false, evaluation: false, rectifications: [] });
    await Promise.all([first, second]);
    await client.ensure('t1');
    http.verify();
    expect(client.of('t1')()).toEqual([]);
    expect(client.rightsOf('t1')()?.declaration).toBe(true);
    now.mockReturnValue(1_000_000 + 10_000);
    const later = client.ensure('t1');
    http.expectOne('/api/targets/t1/attachments').flush([]);
    http.expectOne('/api/targets/t1/attachments/rights').flush({ declaration: false, monitoring: false, evaluation: false, rectifications: [] });
    await later;
    http.verify();
    now.mockRestore();
  });
});
