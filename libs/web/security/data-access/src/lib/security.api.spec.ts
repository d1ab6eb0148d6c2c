import { HttpErrorResponse } from '@angular/common/http';
import { apiTestBed } from '@pt/web/shared/data-access/testing';
import { AuditApi } from './audit.api';
import { toSecurityFailure } from './security-failure';
import { SecurityApi } from './security.api';

describe('SecurityApi and AuditApi', () => {
  it('lists and ends sessions, lists and lifts lockouts', async () => {
    const { api, http } = apiTestBed(SecurityApi);

    const sessions = api.sessions();
    http.expectOne({ method: 'GET', url: '/api/security/sessions' }).flush([{ id: 's1' }]);
    await expect(sessions).resolves.toEqual([{ id: 's1' }]);

    const end = api.endSession('s 1');
    http.expectOne({ method: 'DELETE', url: '/api/security/sessions/s%201' }).flush(null, { status: 204, statusText: 'No Content' });
    await expect(end).resolves.toBeUndefined();

    const endAll = api.endUserSessions('u1');
    http.expectOne({ method: 'DELETE', url: '/api/security/users/u1/sessions' }).flush(null, { status: 204, statusText: 'No Content' });
    await endAll;

    const locks = api.lockouts();
    http.expectOne({ method: 'GET', url: '/api/security/lockouts' }).flush([{ username: 'ypb', failures: 5, lockedUntil: null }]);
    await expect(locks).resolves.toEqual([{ username: 'ypb', failures: 5, lockedUntil: null }]);

    const unlock = api.unlock('a/b');
    http.expectOne({ method: 'DELETE', url: '/api/security/lockouts/a%2Fb' }).flush(null, { status: 204, statusText: 'No Content' });
    await unlock;
    http.verify();
  });

  it('reads the audit log with the filters set, at most 200 a page, and verifies the chain', async () => {
    const { api, http } = apiTestBed(AuditApi);

    const all = api.list();
    http.expectOne((r) => r.url === '/api/audit' && r.params.keys().length === 0).flush({ items: [], total: 0 });
    await expect(all).resolves.toEqual({ items: [], total: 0 });

    const some = api.list({ page: 2, pageSize: 500, event: 'auth.', username: ' ypb ' });
    http.expectOne((r) => r.url === '/api/audit' && r.params.toString() === 'page=2&pageSize=200&event=auth.&username=ypb').flush({ items: [], total: 0 });
    await some;

    const none = api.list({ page: 1, pageSize: 20, event: '', username: '  ' });
    http.expectOne((r) => r.url === '/api/audit' && r.params.toString() === 'page=1&pageSize=20').flush({ items: [], total: 0 });
    await none;

    const verify = api.verify();
    http.expectOne({ method: 'GET', url: '/api/audit/verify' }).flush({ ok: true, rows: 3, firstBad: null, reason: null });
    await expect(verify).resolves.toEqual({ ok: true, rows: 3, firstBad: null, reason: null });
    http.verify();
  });

  it('turns errors into Chinese messages, the server’s first', () => {
    expect(toSecurityFailure(new HttpErrorResponse({ status: 404, error: { code: 'NOT_FOUND', message: '会话不存在或已结束' } })).message).toBe('会话不存在或已结束');
    expect(toSecurityFailure(new HttpErrorResponse({ status: 403, error: null })).message).toBe('您没有权限执行此操作');
    expect(toSecurityFailure(new HttpErrorResponse({ status: 404, error: null })).message).toBe('记录不存在，可能已被他人处理');
    expect(toSecurityFailure(new Error('x'), '加载失败')).toEqual({ status: -1, code: '', message: '加载失败', details: [], findings: [] });
  });
});
