import type { UserSummary } from '@pt/shared/contracts';
import { type CachedSession, SessionCache } from './session-cache';

const user = (id: string): UserSummary => ({ id, username: id, displayName: id, roles: ['filler'], orgId: 'o' });
const entry = (token: string, sessionId: string, userId: string, validUntil = 10_000): CachedSession => ({
  tokenHash: token,
  sessionId,
  user: user(userId),
  validUntil,
  touchedAt: 0,
});

describe('SessionCache', () => {
  let cache: SessionCache;
  beforeEach(() => {
    cache = new SessionCache(30_000, 3);
    cache.setLive(true);
  });

  it('keeps a session until its validity ends', () => {
    cache.put(entry('t1', 's1', 'u1', 1000), cache.begin());
    expect(cache.get('t1', 999)?.sessionId).toBe('s1');
    expect(cache.get('t1', 1000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('forgets one session, every session of a user, or everything', () => {
    cache.put(entry('t1', 's1', 'u1'), cache.begin());
    cache.put(entry('t2', 's2', 'u1'), cache.begin());
    cache.put(entry('t3', 's3', 'u2'), cache.begin());
    cache.apply('s:s1');
    expect([cache.get('t1', 0), cache.get('t2', 0)?.sessionId]).toEqual([undefined, 's2']);
    cache.apply('u:u1');
    expect([cache.get('t2', 0), cache.get('t3', 0)?.sessionId]).toEqual([undefined, 's3']);
    cache.apply('*');
    expect(cache.size).toBe(0);
  });

  it('drops a check read before an invalidation that arrives after it', () => {
    const epoch = cache.begin();
    cache.forgetUser('someone else');
    cache.put(entry('t1', 's1', 'u1'), epoch);
    expect(cache.get('t1', 0)).toBeUndefined();
    cache.put(entry('t1', 's1', 'u1'), cache.begin());
    expect(cache.get('t1', 0)).toBeDefined();
  });

  it('keeps nothing while no invalidation channel is up, and starts empty when it is', () => {
    cache.put(entry('t1', 's1', 'u1'), cache.begin());
    cache.setLive(false);
    expect(cache.size).toBe(0);
    cache.put(entry('t1', 's1', 'u1'), cache.begin());
    expect(cache.get('t1', 0)).toBeUndefined();
    cache.setLive(true);
    cache.put(entry('t1', 's1', 'u1'), cache.begin());
    expect(cache.get('t1', 0)).toBeDefined();
  });

  it('holds at most its bound, the oldest going first', () => {
    for (const n of [1, 2, 3, 4]) cache.put(entry(`t${n}`, `s${n}`, `u${n}`), cache.begin());
    expect(cache.size).toBe(3);
    expect(cache.get('t1', 0)).toBeUndefined();
    expect(cache.get('t4', 0)).toBeDefined();
  });
});
