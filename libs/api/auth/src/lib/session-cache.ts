import type { UserSummary } from '@pt/shared/contracts';

/** A live session as one instance last read it from the database. */
export interface CachedSession {
  tokenHash: string;
  sessionId: string;
  user: UserSummary;
  /** Local time (ms) after which the entry is read from the database again: the TTL, or the session's absolute end. */
  validUntil: number;
  /** Local time (ms) this instance last wrote (or read a fresh) `last_seen_at`: the idle timer is touched from here. */
  touchedAt: number;
}

/**
 * The session checks of one instance, kept for a short time (`ttlMs`, a safety net) so that a request does not pay a
 * database round trip to authenticate. Correct only while every change that ends or alters a session reaches it at
 * once: `forgetSession` / `forgetUser` / `forgetAll` (called in this process after the change committed, and by the
 * PostgreSQL LISTEN of SessionInvalidationListener for the changes of every instance). While no such channel is up
 * (`setLive(false)`: the listener lost its connection) nothing is kept.
 *
 * A check that read the database before an invalidation and arrives after it would keep what was ended: `begin()`
 * gives the epoch a fill started in, and `put` drops the entry when any invalidation happened since.
 */
export class SessionCache {
  private readonly entries = new Map<string, CachedSession>();
  private epoch = 0;
  private live = false;

  constructor(
    readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  /** Whether entries are kept (an invalidation channel is up). */
  get isLive(): boolean {
    return this.live;
  }

  get size(): number {
    return this.entries.size;
  }

  setLive(live: boolean): void {
    this.live = live;
    this.forgetAll();
  }

  /** The entry of a token's hash while it is valid (`now`: Date.now()). */
  get(tokenHash: string, now: number): CachedSession | undefined {
    const e = this.entries.get(tokenHash);
    if (!e) return undefined;
    if (now >= e.validUntil) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return e;
  }

  /** The epoch to pass to `put` for a database read that starts now. */
  begin(): number {
    return this.epoch;
  }

  /** Keeps a session read from the database since `epoch` (nothing when an invalidation came in between or not live). */
  put(entry: CachedSession, epoch: number): void {
    if (!this.live || epoch !== this.epoch) return;
    if (this.entries.size >= this.maxEntries && !this.entries.has(entry.tokenHash)) {
      // the oldest entry goes (a Map iterates in insertion order)
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(entry.tokenHash, entry);
  }

  forgetSession(sessionId: string): void {
    this.epoch++;
    for (const [k, e] of this.entries) if (e.sessionId === sessionId) this.entries.delete(k);
  }

  forgetUser(userId: string): void {
    this.epoch++;
    for (const [k, e] of this.entries) if (e.user.id === userId) this.entries.delete(k);
  }

  forgetAll(): void {
    this.epoch++;
    this.entries.clear();
  }

  /** A notification of the channel: `s:<session id>`, `u:<user id>` or anything else (everything goes). */
  apply(payload: string | undefined): void {
    if (payload?.startsWith('s:')) this.forgetSession(payload.slice(2));
    else if (payload?.startsWith('u:')) this.forgetUser(payload.slice(2));
    else this.forgetAll();
  }
}
