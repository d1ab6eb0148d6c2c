import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig, AuditService, readRows } from '@pt/api/core';
import type { LoginResponse, UserSummary } from '@pt/shared/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import { Org } from './entities/org.entity';
import { Session } from './entities/session.entity';
import { User } from './entities/user.entity';
import { DUMMY_HASH, verifyPassword } from './password';


export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Null when the credentials are wrong, whatever the reason (unknown user, wrong password, disabled);
   * 'locked' after `maxFailures` consecutive failures of that user name — known or not, so the answers
   * never tell whether a user exists — until `lockMinutes` have passed. Kept in the database: every
   * instance behind the load balancer counts the same failures.
   */
  async login(username: string, password: string): Promise<LoginResponse | 'locked' | null> {
    const { maxFailures, lockMinutes, absoluteHours } = this.config.security;
    const [attempt]: { locked: boolean }[] = await this.dataSource.query(
      `SELECT locked_until IS NOT NULL AND locked_until > now() AS locked FROM login_attempt WHERE username = $1`,
      [username],
    );
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.username = :username', { username })
      .getOne();
    // the hash is always computed, so a locked or unknown name takes as long as a wrong password
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    const who = { id: user?.id ?? null, username };
    if (attempt?.locked) {
      await this.audit.record({ event: 'auth.login', result: 'denied', user: who, details: { reason: 'locked' } });
      return 'locked';
    }
    if (!user || !ok || user.disabled) {
      const [row]: { failures: number }[] = await this.dataSource.query(
        `INSERT INTO login_attempt (username, failures, locked_until, updated_at) VALUES ($1, 1, CASE WHEN 1 >= $2 THEN now() + $3 * interval '1 minute' END, now())
         ON CONFLICT (username) DO UPDATE SET
           failures = CASE WHEN login_attempt.locked_until IS NOT NULL THEN 1 ELSE login_attempt.failures + 1 END,
           locked_until = CASE WHEN (CASE WHEN login_attempt.locked_until IS NOT NULL THEN 1 ELSE login_attempt.failures + 1 END) >= $2
                               THEN now() + $3 * interval '1 minute' END,
           updated_at = now()
         RETURNING failures`,
        [username, maxFailures, lockMinutes],
      );
      await this.audit.record({ event: 'auth.login', result: 'failed', user: who, details: { failures: row.failures } });
      return null;
    }
    const token = randomBytes(32).toString('base64url');
    const now = Date.now();
    await this.dataSource.transaction(async (m) => {
      await m.query(`DELETE FROM login_attempt WHERE username = $1`, [username]);
      await m.getRepository(Session).insert({
        tokenHash: hashToken(token),
        userId: user.id,
        lastSeenAt: new Date(now),
        expiresAt: new Date(now + absoluteHours * 3_600_000),
        revokedAt: null,
      });
      await this.audit.record({ event: 'auth.login', result: 'ok', user: who }, m);
    });
    return { accessToken: token, user: await this.summary(user) };
  }

  /** The user of a live session, touching its idle timer; null when unknown, revoked, idle or expired. */
  async authenticate(token: string): Promise<{ user: UserSummary; sessionId: string } | null> {
    // one round trip on every request: the live session with its user and organisation (a plain SELECT); the idle
    // timer is touched only when it is more than a second old — not on every request, where the concurrent requests
    // of a session would queue on its row
    const rows = await readRows<{ session_id: string; touch: boolean; user_id: string; username: string; display_name: string; roles: UserSummary['roles']; org_id: string; org_name: string | null }>(
        this.dataSource.manager,
        `SELECT s.id AS session_id, s.last_seen_at < now() - interval '1 second' AS touch,
                u.id AS user_id, u.username, u.display_name, u.roles, u.org_id, o.name AS org_name
           FROM user_session s JOIN app_user u ON u.id = s.user_id LEFT JOIN org o ON o.id = u.org_id
          WHERE s.token_hash = $1 AND NOT u.disabled
            AND s.revoked_at IS NULL AND s.expires_at > now()
            AND s.last_seen_at > now() - ($2::int * interval '1 millisecond')`,
        [hashToken(token), this.config.security.idleMinutes * 60_000],
      );
    const row = rows[0];
    if (!row) return null;
    if (row.touch) {
      await this.dataSource.query(`UPDATE user_session SET last_seen_at = now() WHERE id = $1 AND last_seen_at < now() - interval '1 second'`, [row.session_id]);
    }
    return {
      user: { id: row.user_id, username: row.username, displayName: row.display_name, roles: row.roles, orgId: row.org_id, orgName: row.org_name ?? undefined },
      sessionId: row.session_id,
    };
  }

  async logout(sessionId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.getRepository(Session).update({ id: sessionId }, { revokedAt: new Date() });
      await this.audit.record({ event: 'auth.logout', result: 'ok' }, m);
    });
  }

  private async summary(user: User): Promise<UserSummary> {
    const org = await this.dataSource.getRepository(Org).findOneBy({ id: user.orgId });
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      orgId: user.orgId,
      orgName: org?.name,
    };
  }
}
