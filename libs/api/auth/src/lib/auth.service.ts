import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { LoginResponse, UserSummary } from '@pt/shared/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import { Org } from './entities/org.entity';
import { Session } from './entities/session.entity';
import { User } from './entities/user.entity';
import { DUMMY_HASH, verifyPassword } from './password';

/** Session lifetimes (等保三级 profile defaults). */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 30 * 60 * 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    private readonly dataSource: DataSource,
  ) {}

  /** Null when the credentials are wrong, whatever the reason (unknown user, wrong password, disabled). */
  async login(username: string, password: string): Promise<LoginResponse | null> {
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.username = :username', { username })
      .getOne();
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled) return null;
    const token = randomBytes(32).toString('base64url');
    const now = Date.now();
    await this.sessions.insert({
      tokenHash: hashToken(token),
      userId: user.id,
      lastSeenAt: new Date(now),
      expiresAt: new Date(now + SESSION_ABSOLUTE_MS),
      revokedAt: null,
    });
    return { accessToken: token, user: await this.summary(user) };
  }

  /** The user of a live session, touching its idle timer; null when unknown, revoked, idle or expired. */
  async authenticate(token: string): Promise<{ user: UserSummary; sessionId: string } | null> {
    const rows: { session_id: string; user_id: string }[] = await this.dataSource.query(
      `WITH touched AS (
         UPDATE user_session s SET last_seen_at = now()
           FROM app_user u
          WHERE s.token_hash = $1 AND u.id = s.user_id AND NOT u.disabled
            AND s.revoked_at IS NULL AND s.expires_at > now()
            AND s.last_seen_at > now() - ($2::int * interval '1 millisecond')
         RETURNING s.id AS session_id, s.user_id)
       SELECT session_id, user_id FROM touched`,
      [hashToken(token), SESSION_IDLE_MS],
    );
    const row = rows[0];
    if (!row) return null;
    const user = await this.users.findOneBy({ id: row.user_id });
    if (!user) return null;
    return { user: await this.summary(user), sessionId: row.session_id };
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.update({ id: sessionId }, { revokedAt: new Date() });
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
