import { Delete, Get, HttpCode, Param } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { SecuredController, SessionCache } from '@pt/api/auth';
import { ApiHttpException, UUID_RE } from '@pt/api/core';
import { ApiRoutes, type LockoutEntry, type SessionEntry } from '@pt/shared/contracts';
import { DataSource } from 'typeorm';

/** 安全管理员: live sessions (and ending them) and locked-out user names (and unlocking them). */
@SecuredController(ApiRoutes.security.base, { tag: 'security', roles: ['secadmin'] })
export class SecurityController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessionCache: SessionCache,
  ) {}

  @Get(ApiRoutes.security.sessions)
  @ApiResponse({ status: 200, description: '未结束的会话（不含令牌）' })
  async sessions(): Promise<SessionEntry[]> {
    const rows: { id: string; user_id: string; username: string; display_name: string; created_at: Date; last_seen_at: Date; expires_at: Date }[] =
      await this.dataSource.query(
        `SELECT s.id, s.user_id, u.username, u.display_name, s.created_at, s.last_seen_at, s.expires_at
           FROM user_session s JOIN app_user u ON u.id = s.user_id
          WHERE s.revoked_at IS NULL AND s.expires_at > now() ORDER BY s.last_seen_at DESC LIMIT 500`,
      );
    return rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      username: r.username,
      displayName: r.display_name,
      createdAt: new Date(r.created_at).toISOString(),
      lastSeenAt: new Date(r.last_seen_at).toISOString(),
      expiresAt: new Date(r.expires_at).toISOString(),
    }));
  }

  @Delete(`${ApiRoutes.security.sessions}/:id`)
  @HttpCode(204)
  async endSession(@Param('id') id: string): Promise<void> {
    if (!UUID_RE.test(id)) throw new ApiHttpException(404, 'NOT_FOUND', '会话不存在');
    const rows: unknown[] = await this.dataSource.query(`WITH ended AS (UPDATE user_session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id) SELECT id FROM ended`, [id]);
    if (!rows.length) throw new ApiHttpException(404, 'NOT_FOUND', '会话不存在或已结束');
    // this instance's kept check of it (the other instances hear it from the database's trigger)
    this.sessionCache.forgetSession(id);
  }

  @Delete(ApiRoutes.security.userSessions)
  @HttpCode(204)
  async endUserSessions(@Param('id') id: string): Promise<void> {
    if (!UUID_RE.test(id)) throw new ApiHttpException(404, 'NOT_FOUND', '用户不存在');
    const [u] = await this.dataSource.query(`SELECT id FROM app_user WHERE id = $1`, [id]);
    if (!u) throw new ApiHttpException(404, 'NOT_FOUND', '用户不存在');
    await this.dataSource.query(`UPDATE user_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [id]);
    this.sessionCache.forgetUser(id);
  }

  @Get(ApiRoutes.security.lockouts)
  async lockouts(): Promise<LockoutEntry[]> {
    const rows: { username: string; client_ip: string; failures: number; locked_until: Date | null }[] = await this.dataSource.query(
      `SELECT username, client_ip, failures, locked_until FROM login_attempt WHERE locked_until > now() ORDER BY locked_until DESC`,
    );
    return rows.map((r) => ({
      username: r.username,
      clientIp: r.client_ip,
      failures: r.failures,
      lockedUntil: r.locked_until ? new Date(r.locked_until).toISOString() : null,
    }));
  }

  /** Unlocks the name for every address it is locked from. */
  @Delete(`${ApiRoutes.security.lockouts}/:username`)
  @HttpCode(204)
  async unlock(@Param('username') username: string): Promise<void> {
    const rows: unknown[] = await this.dataSource.query(`WITH gone AS (DELETE FROM login_attempt WHERE username = $1 RETURNING username) SELECT username FROM gone`, [username.slice(0, 64)]);
    if (!rows.length) throw new ApiHttpException(404, 'NOT_FOUND', '该用户名没有被锁定');
  }
}
