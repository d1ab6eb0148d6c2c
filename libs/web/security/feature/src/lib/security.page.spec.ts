import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { AuthStore } from '@pt/web/auth/data-access';
import { openRoute, settleRoute as settle } from '@pt/web/shared/data-access/testing';
import { type LockoutEntry, SecurityApi, type SessionEntry } from '@pt/web/security/data-access';
import { securityTestProviders } from './security.testing';
import { SecurityPage } from './security.page';

const session = (id: string, userId: string, username: string, displayName: string): SessionEntry => ({
  id,
  userId,
  username,
  displayName,
  createdAt: '2026-05-04T08:00:00.000Z',
  lastSeenAt: '2026-05-04T09:00:00.000Z',
  expiresAt: '2026-05-04T16:00:00.000Z',
});

describe('SecurityPage', () => {
  let sessions: SessionEntry[];
  let lockouts: LockoutEntry[];
  let calls: string[];
  let failNext: HttpErrorResponse | null;
  let roles: string[];

  beforeEach(() => {
    sessions = [session('s1', 'me', 'security', '安全管理员'), session('s2', 'u2', 'xining', '西宁办填报人'), session('s3', 'u2', 'xining', '西宁办填报人')];
    lockouts = [{ username: 'ypb', clientIp: '10.0.0.7', failures: 5, lockedUntil: '2026-05-04T09:15:00.000Z' }];
    calls = [];
    failNext = null;
    roles = ['secadmin'];
    const act = (call: string, apply: () => void) => {
      calls.push(call);
      if (failNext) {
        const e = failNext;
        failNext = null;
        return Promise.reject(e);
      }
      apply();
      return Promise.resolve();
    };
    TestBed.configureTestingModule({
      providers: [
        ...securityTestProviders(),
        { provide: AuthStore, useValue: { user: () => ({ id: 'me', username: 'security', displayName: '安全管理员', roles, orgId: 'o' }) } },
        {
          provide: SecurityApi,
          useValue: {
            sessions: () => Promise.resolve([...sessions]),
            lockouts: () => Promise.resolve([...lockouts]),
            endSession: (id: string) => act(`end ${id}`, () => (sessions = sessions.filter((s) => s.id !== id))),
            endUserSessions: (id: string) => act(`end-user ${id}`, () => (sessions = sessions.filter((s) => s.userId !== id))),
            unlock: (name: string) => act(`unlock ${name}`, () => (lockouts = lockouts.filter((l) => l.username !== name))),
          },
        },
      ],
    });
  });

  const open = (url = '/security') => openRoute(url, 3);

  it('lists the live sessions and the locked user names', async () => {
    const { all } = await open();
    const rows = all('session-row');
    expect(rows.map((r) => r.getAttribute('data-username'))).toEqual(['security', 'xining', 'xining']);
    expect(rows[0].textContent).toContain('本人');
    expect(rows[1].textContent).toContain('西宁办填报人');
    expect(rows[1].textContent).toMatch(/2026-05-04 \d\d:00:00/);
    // one's own sessions cannot all be ended from here
    expect((rows[0].querySelector('[data-testid="end-user-sessions"]') as HTMLButtonElement).disabled).toBe(true);
    expect((rows[1].querySelector('[data-testid="end-user-sessions"]') as HTMLButtonElement).disabled).toBe(false);
    expect(all('lockout-row').map((r) => r.querySelector('[data-testid="lockout-username"]')?.textContent?.trim())).toEqual(['ypb']);
    // a name is locked per client address: the row says which
    expect(all('lockout-row').map((r) => r.querySelector('[data-testid="lockout-address"]')?.textContent?.trim())).toEqual(['10.0.0.7']);
    expect(all('security-accounts')[0].getAttribute('href')).toBe('/security/accounts');
  });

  it('ends one session, every session of a user, and unlocks a name, reloading the lists', async () => {
    const { harness, all } = await open();
    const page = harness.routeDebugElement?.componentInstance as SecurityPage;
    await page.endSession(sessions[1]);
    await settle(harness);
    expect(all('session-row')).toHaveLength(2);
    await page.endUserSessions(sessions[1]);
    await settle(harness);
    expect(all('session-row').map((r) => r.getAttribute('data-username'))).toEqual(['security']);

    (all('unlock')[0] as HTMLButtonElement).click();
    await settle(harness);
    expect(all('lockout-row')).toHaveLength(0);
    expect(all('lockouts-empty')).toHaveLength(1);
    expect(calls).toEqual(['end s2', 'end-user u2', 'unlock ypb']);
  });

  it('shows the server’s message when a session has ended already, and reloads', async () => {
    const { harness, all } = await open();
    const page = harness.routeDebugElement?.componentInstance as SecurityPage;
    failNext = new HttpErrorResponse({ status: 404, error: { code: 'NOT_FOUND', message: '会话不存在或已结束' } });
    await page.endSession(sessions[1]);
    await settle(harness);
    expect(all('security-action-error')[0].textContent).toContain('会话不存在或已结束。列表已刷新。');
    expect(all('session-row')).toHaveLength(3);
  });

  it('is for the 安全管理员 only', async () => {
    roles = ['auditadmin'];
    const { harness } = await open('/security');
    expect(harness.routeNativeElement?.textContent).toContain('home');
  });
});
