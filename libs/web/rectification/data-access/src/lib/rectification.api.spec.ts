import { apiTestBed } from '@pt/web/shared/data-access/testing';
import { RectificationApi } from './rectification.api';

describe('RectificationApi', () => {
  it('reads a target\'s notices and last year\'s open ones, and writes with the notice\'s version as If-Match', async () => {
    const { api, http } = apiTestBed(RectificationApi);
    const list = api.carried('t1');
    http.expectOne('/api/targets/t1/rectifications?carried=true').flush([]);
    expect(await list).toEqual([]);

    const answer = api.answer({ id: 'r1', version: 4 }, '已整改');
    const patch = http.expectOne('/api/rectifications/r1');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.headers.get('If-Match')).toBe('"4"');
    expect(patch.request.body).toEqual({ feedback: '已整改' });
    patch.flush({ id: 'r1', version: 5 });
    await answer;

    const back = api.transition({ id: 'r1', version: 5 }, 'return', '佐证不足');
    const post = http.expectOne('/api/rectifications/r1/transitions');
    expect(post.request.headers.get('If-Match')).toBe('"5"');
    expect(post.request.body).toEqual({ action: 'return', comment: '佐证不足' });
    post.flush({ id: 'r1', version: 6 });
    await back;
    http.verify();
  });
});
