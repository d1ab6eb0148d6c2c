import { Injectable } from '@angular/core';
import { apiTestBed } from '../testing';
import { ApiClient } from './api-client';

@Injectable({ providedIn: 'root' })
class ThingsApi extends ApiClient {
  list(q: string): Promise<string[]> {
    return this.read<string[]>('/api/things', { q });
  }
  one(): Promise<{ id: string }> {
    return this.read<{ id: string }>('/api/things/1');
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
});
