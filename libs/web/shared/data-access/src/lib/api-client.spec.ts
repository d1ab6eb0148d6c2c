import { Injectable } from '@angular/core';
import { apiTestBed } from '../testing';
import { ApiClient, VersionedRowsClient } from './api-client';

@Injectable({ providedIn: 'root' })
class ThingsApi extends ApiClient {
  list(q: string): Promise<string[]> {
    return this.read<string[]>('/api/things', { q });
  }
  one(): Promise<{ id: string }> {
    return this.read<{ id: string }>('/api/things/1');
  }
}

interface Thing {
  id: string;
  version: number;
}

@Injectable({ providedIn: 'root' })
class ThingRowsApi extends VersionedRowsClient<Thing, { name: string }, { name?: string }> {
  constructor() {
    super('/api/things', (id) => `/api/things/${id}`);
  }
}

describe('ApiClient', () => {
  it('reads the JSON answer of a GET, with the query when there is one', async () => {
    const { api, http } = apiTestBed(ThingsApi);
    const list = api.list('a b');
    const r1 = http.expectOne((r) => r.url === '/api/things');
    expect(r1.request.method).toBe('GET');
    expect(r1.request.params.get('q')).toBe('a b');
    r1.flush(['x']);
    await expect(list).resolves.toEqual(['x']);

    const one = api.one();
    const r2 = http.expectOne('/api/things/1');
    expect(r2.request.params.keys()).toEqual([]);
    r2.flush({ id: '1' });
    await expect(one).resolves.toEqual({ id: '1' });
    http.verify();
  });

  it('gets, creates, updates and removes the rows of one collection, the writes of a row with If-Match', async () => {
    const { api, http } = apiTestBed(ThingRowsApi);
    const requests: [Promise<unknown>, string, string, unknown, string | null][] = [
      [api.get('1'), 'GET', '/api/things/1', { id: '1', version: 1 }, null],
      [api.create({ name: 'a' }), 'POST', '/api/things', { id: '2', version: 1 }, null],
      [api.update('2', 1, { name: 'b' }), 'PATCH', '/api/things/2', { id: '2', version: 2 }, '"1"'],
      [api.remove('2', 2), 'DELETE', '/api/things/2', null, '"2"'],
    ];
    for (const [answer, method, url, body, ifMatch] of requests) {
      const r = http.expectOne({ method, url });
      expect(r.request.headers.get('If-Match')).toBe(ifMatch);
      r.flush(body);
      await expect(answer).resolves.toEqual(body ?? undefined);
    }
    http.verify();
  });
});
