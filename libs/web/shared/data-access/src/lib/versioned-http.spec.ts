import { apiTestBed } from '../testing';
import { VersionedHttp } from './versioned-http';

describe('VersionedHttp', () => {
  it('reads and creates a row with the version of its ETag, unconditionally', async () => {
    const { api: rows, http } = apiTestBed(VersionedHttp);
    const read = rows.get<{ id: string; version: number }>('/api/x/1');
    const r1 = http.expectOne('/api/x/1');
    expect(r1.request.method).toBe('GET');
    r1.flush({ id: '1', version: 1 }, { headers: { ETag: '"2"' } });
    await expect(read).resolves.toEqual({ id: '1', version: 2 });

    const created = rows.post<{ id: string; version: number }>('/api/x', { name: 'a' });
    const r2 = http.expectOne('/api/x');
    expect(r2.request.method).toBe('POST');
    expect(r2.request.body).toEqual({ name: 'a' });
    expect(r2.request.headers.has('If-Match')).toBe(false);
    r2.flush({ id: '2', version: 1 });
    await expect(created).resolves.toEqual({ id: '2', version: 1 });
    http.verify();
  });

  it('writes and deletes the row as last seen with If-Match; null writes unconditionally', async () => {
    const { api: rows, http } = apiTestBed(VersionedHttp);
    const put = rows.put<{ version: number }>('/api/x/1', { a: 1 }, 3);
    const r1 = http.expectOne('/api/x/1');
    expect(r1.request.method).toBe('PUT');
    expect(r1.request.headers.get('If-Match')).toBe('"3"');
    r1.flush({ version: 3 }, { headers: { ETag: '"4"' } });
    await expect(put).resolves.toEqual({ version: 4 });

    const patch = rows.patch<{ version: number }>('/api/x/1', { a: 2 }, null);
    const r2 = http.expectOne('/api/x/1');
    expect(r2.request.method).toBe('PATCH');
    expect(r2.request.body).toEqual({ a: 2 });
    expect(r2.request.headers.has('If-Match')).toBe(false);
    r2.flush({ version: 5 });
    await expect(patch).resolves.toEqual({ version: 5 });

    const removed = rows.delete('/api/x/1', 5);
    const r3 = http.expectOne('/api/x/1');
    expect(r3.request.method).toBe('DELETE');
    expect(r3.request.headers.get('If-Match')).toBe('"5"');
    r3.flush(null);
    await expect(removed).resolves.toBeUndefined();
    http.verify();
  });
});
