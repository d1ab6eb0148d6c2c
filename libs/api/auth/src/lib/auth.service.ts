import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig, AuditService, badRequest, currentContext, readRows } from '@pt/api/core';
import { PASSWORD_HISTORY, passwordProblem } from '@pt/domain';
import type { LoginResponse, UserSummary } from '@pt/shared/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import { OrgEntity } from './entities/org.entity';
import { SessionEntity } from './entities/session.entity';
import { UserEntity } from './entities/user.entity';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password';
import { SessionCache } from './session-cache';

/** A session token as the login hands it out. */
const BEARER = /^Bearer ([A-Za-z0-9_-]{20,200})$/;

/** The failed logins of one address (any names) within `lockMinutes` that block it: this many times `maxFailures`. */
export const ADDRESS_FAILURE_FACTOR = 4;


export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessionCache: SessionCache,
  ) {}

  /**
   * Null when the credentials are wrong, whatever the reason (unknown user, wrong password, disabled).
   * Two limits, both kept in the database so that every instance behind the load balancer counts the same failures:
   * - per user name AND client address: `maxFailures` consecutive failures lock that name for that address for
   *   `lockMinutes` ('locked', known name or not, so the answers never tell whether a user exists). Keyed by the
   *   address too, so that a stranger elsewhere cannot lock `admin` or `security` out of their own desks;
   * - per client address, whatever the names: `maxFailures × 4` failures within `lockMinutes` block every login from
   *   that address until the window has passed ('throttled', with the seconds to wait) — one client guessing many
   *   names. A success does not reset this count (an attacker with one account could otherwise reset it).
   */
  async login(username: string, password: string): Promise<LoginResponse | { refused: 'locked' | 'throttled'; retryAfter: number } | null> {
    const { maxFailures, lockMinutes, absoluteHours } = this.config.security;
    const clientIp = currentContext()?.clientIp ?? '';
    const who = { id: null as string | null, username };
    const [blocked]: { wait: number }[] = await this.dataSource.query(
      `SELECT ceil(extract(epoch FROM blocked_until - now()))::int AS wait FROM login_throttle WHERE client_ip = $1 AND blocked_until > now()`,
      [clientIp],
    );
    if (blocked) {
      await this.audit.record({ event: 'auth.login', result: 'denied', user: who, details: { reason: 'throttled', status: 429 } });
      return { refused: 'throttled', retryAfter: Math.max(1, blocked.wait) };
    }
    const [attempt]: { wait: number | null }[] = await this.dataSource.query(
      `SELECT CASE WHEN locked_until > now() THEN ceil(extract(epoch FROM locked_until - now()))::int END AS wait
         FROM login_attempt WHERE username = $1 AND client_ip = $2`,
      [username, clientIp],
    );
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.username = :username', { username })
      .getOne();
    // the hash is always computed, so a locked or unknown name takes as long as a wrong password
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    who.id = user?.id ?? null;
    if (attempt?.wait) {
      await this.countAddressFailure(clientIp);
      await this.audit.record({ event: 'auth.login', result: 'denied', user: who, details: { reason: 'locked', status: 429 } });
      return { refused: 'locked', retryAfter: Math.max(1, attempt.wait) };
    }
    if (!user || !ok || user.disabled) {
      const [row]: { failures: number }[] = await this.dataSource.query(
        `INSERT INTO login_attempt (username, client_ip, failures, locked_until, updated_at) VALUES ($1, $4, 1, CASE WHEN 1 >= $2 THEN now() + $3 * interval '1 minute' END, now())
         ON CONFLICT (username, client_ip) DO UPDATE SET
           failures = CASE WHEN login_attempt.locked_until IS NOT NULL THEN 1 ELSE login_attempt.failures + 1 END,
           locked_until = CASE WHEN (CASE WHEN login_attempt.locked_until IS NOT NULL THEN 1 ELSE login_attempt.failures + 1 END) >= $2
                               THEN now() + $3 * interval '1 minute' END,
           updated_at = now()
         RETURNING failures`,
        [username, maxFailures, lockMinutes, clientIp],
      );
      await this.countAddressFailure(clientIp);
      await this.audit.record({ event: 'auth.login', result: 'failed', user: who, details: { failures: row.failures, status: 401 } });
      return null;
    }
    const token = randomBytes(32).toString('base64url');
    const now = Date.now();
    await this.dataSource.transaction(async (m) => {
      await m.query(`DELETE FROM login_attempt WHERE username = $1 AND client_ip = $2`, [username, clientIp]);
      await m.getRepository(SessionEntity).insert({
        tokenHash: hashToken(token),
        userId: user.id,
        lastSeenAt: new Date(now),
        expiresAt: new Date(now + absoluteHours * 3_600_000),
        revokedAt: null,
      });
      await this.audit.record({ event: 'auth.login', result: 'ok', user: who, details: user.mustChangePassword ? { mustChangePassword: true } : null }, m);
    });
    const summary = await this.summary(user);
    return { accessToken: token, user: summary, mustChangePassword: !!user.mustChangePassword };
  }

  /** One more failed login from `clientIp` in the current window; the address is blocked once it reaches the limit. */
  private async countAddressFailure(clientIp: string): Promise<void> {
    const { maxFailures, lockMinutes } = this.config.security;
    await this.dataSource.query(
      `INSERT INTO login_throttle AS t (client_ip, failures, window_start, blocked_until) VALUES ($1, 1, now(), NULL)
       ON CONFLICT (client_ip) DO UPDATE SET
         failures = CASE WHEN t.window_start < now() - $3 * interval '1 minute' THEN 1 ELSE t.failures + 1 END,
         window_start = CASE WHEN t.window_start < now() - $3 * interval '1 minute' THEN now() ELSE t.window_start END,
         blocked_until = CASE WHEN t.window_start >= now() - $3 * interval '1 minute' AND t.failures + 1 >= $2
                              THEN now() + $3 * interval '1 minute' END`,
      [clientIp, maxFailures * ADDRESS_FAILURE_FACTOR, lockMinutes],
    );
  }

  /**
   * 修改密码: the current password, then the policy (not the user name, not one of the last 5). Clears the forced
   * change; the user's other sessions end (this one goes on).
   */
  async changePassword(user: UserSummary, sessionId: string | undefined, currentPassword: string, newPassword: string): Promise<void> {
    const [row]: { password_hash: string }[] = await this.dataSource.query(`SELECT password_hash FROM app_user WHERE id = $1`, [user.id]);
    if (!row || !(await verifyPassword(currentPassword, row.password_hash))) {
      throw badRequest([{ field: 'currentPassword', code: 'wrongPassword', message: '当前密码不正确' }]);
    }
    const policy = passwordProblem(newPassword, user.username);
    if (policy) throw badRequest([{ field: 'newPassword', code: 'passwordPolicy', message: policy }]);
    const old: { password_hash: string }[] = await this.dataSource.query(
      'SELECT password_hash FROM password_history WHERE user_id = $1 ORDER BY id DESC LIMIT $2',
      [user.id, PASSWORD_HISTORY - 1],
    );
    for (const h of [row.password_hash, ...old.map((o) => o.password_hash)]) {
      if (await verifyPassword(newPassword, h)) {
        throw badRequest([{ field: 'newPassword', code: 'passwordReused', message: `新密码不能与最近 ${PASSWORD_HISTORY} 次使用过的密码相同` }]);
      }
    }
    const hash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (m) => {
      await m.query('INSERT INTO password_history (user_id, password_hash) SELECT id, password_hash FROM app_user WHERE id = $1', [user.id]);
      await m.query('UPDATE app_user SET password_hash = $2, must_change_password = false WHERE id = $1', [user.id, hash]);
      await m.query('UPDATE user_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid)', [
        user.id,
        sessionId ?? null,
      ]);
    });
    this.sessionCache.forgetUser(user.id);
  }

  /** `authenticate` of the token an `Authorization: Bearer …` header carries; null without a well-formed one. */
  authenticateHeader(authorization: string | undefined): Promise<{ user: UserSummary; sessionId: string } | null> {
    const m = BEARER.exec(authorization ?? '');
    return m ? this.authenticate(m[1]) : Promise.resolve(null);
  }

  /**
   * The user of a live session, touching its idle timer; null when unknown, revoked, idle or expired. A session seen
   * live is kept by this instance (SessionCache) for a few seconds, ended at once by every invalidation on any
   * instance; a kept session still touches its idle timer in the database, at most every `touchEveryMs`.
   */
  async authenticate(token: string): Promise<{ user: UserSummary; sessionId: string } | null> {
    const tokenHash = hashToken(token);
    const now = Date.now();
    const kept = this.sessionCache.get(tokenHash, now);
    if (kept) {
      if (now - kept.touchedAt > this.touchEveryMs) {
        kept.touchedAt = now;
        await this.touch(kept.sessionId);
      }
      return { user: { ...kept.user }, sessionId: kept.sessionId };
    }
    const epoch = this.sessionCache.begin();
    // one round trip: the live session with its user and organisation (a plain SELECT); the idle timer is touched
    // only when it is older than `touchEveryMs` — not on every request, where the concurrent requests of a session
    // would queue on its row
    const rows = await readRows<{ session_id: string; touch: boolean; expires_at: Date; user_id: string; username: string; display_name: string; roles: UserSummary['roles']; org_id: string; org_name: string | null; must_change_password: boolean }>(
        this.dataSource.manager,
        `SELECT s.id AS session_id, s.last_seen_at < now() - ($3::int * interval '1 millisecond') AS touch, s.expires_at,
                u.id AS user_id, u.username, u.display_name, u.roles, u.org_id, o.name AS org_name, u.must_change_password
           FROM user_session s JOIN app_user u ON u.id = s.user_id LEFT JOIN org o ON o.id = u.org_id
          WHERE s.token_hash = $1 AND NOT u.disabled
            AND s.revoked_at IS NULL AND s.expires_at > now()
            AND s.last_seen_at > now() - ($2::int * interval '1 millisecond')`,
        [tokenHash, this.config.security.idleMinutes * 60_000, this.touchEveryMs],
      );
    const row = rows[0];
    if (!row) return null;
    if (row.touch) await this.touch(row.session_id);
    const user: UserSummary = {
      id: row.user_id,
      username: row.username,
      displayName: row.display_name,
      roles: row.roles,
      orgId: row.org_id,
      orgName: row.org_name ?? undefined,
      ...(row.must_change_password ? { mustChangePassword: true } : {}),
    };
    const validUntil = Math.min(now + this.sessionCache.ttlMs, new Date(row.expires_at).getTime());
    this.sessionCache.put({ tokenHash, sessionId: row.session_id, user, validUntil, touchedAt: now }, epoch);
    return { user: { ...user }, sessionId: row.session_id };
  }

  /**
   * How stale the idle timer may be: a twentieth of the idle timeout, at most 30 s. A session then ends at most that
   * much before its exact idle time (30 s of 30 minutes), and a busy session writes its row twice a minute instead of
   * on every second request (the write was the detail read's dearest part under load).
   */
  private get touchEveryMs(): number {
    return Math.min(30_000, Math.floor((this.config.security.idleMinutes * 60_000) / 20));
  }

  private async touch(sessionId: string): Promise<void> {
    await this.dataSource.query(`UPDATE user_session SET last_seen_at = now() WHERE id = $1 AND last_seen_at < now() - ($2::int * interval '1 millisecond')`, [
      sessionId,
      this.touchEveryMs,
    ]);
  }

  async logout(sessionId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(SessionEntity).update({ id: sessionId }, { revokedAt: new Date() });
      await this.audit.record({ event: 'auth.logout', result: 'ok' }, m);
    });
    this.sessionCache.forgetSession(sessionId);
  }

  /** An enabled account as a session would see it (work done later on a user's behalf, e.g. a queued export); null when gone or disabled. */
  async activeUser(id: string): Promise<UserSummary | null> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id, disabled: false });
    return user ? this.summary(user) : null;
  }

  private async summary(user: UserEntity): Promise<UserSummary> {
    const org = await this.dataSource.getRepository(OrgEntity).findOneBy({ id: user.orgId });
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      orgId: user.orgId,
      orgName: org?.name,
      ...(user.mustChangePassword ? { mustChangePassword: true } : {}),
    };
  }
}
