import { Controller, Delete, Get, HttpCode, Param, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiHttpException, Audited, AuditService, badRequest, UUID_RE } from '@pt/api/core';
import { AuditQueryDto, type AuditPage, type AuditVerification, type LockoutEntry, type SessionEntry } from '@pt/shared/contracts';
import type { Response } from 'express';
import { auditCsvHeader, auditCsvLine, auditExportFileName } from './audit-csv';
import { DataSource } from 'typeorm';
import { RequireRole, RequireRoleGuard } from './require-role.guard';

/** 安全管理员: live sessions (and ending them) and locked-out user names (and unlocking them). */
@ApiTags('security')
@ApiBearerAuth()
@Controller('security')
@UseGuards(RequireRoleGuard)
@RequireRole('secadmin')
export class SecurityController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  @Get('sessions')
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

  @Delete('sessions/:id')
  @HttpCode(204)
  async endSession(@Param('id') id: string): Promise<void> {
    if (!UUID_RE.test(id)) throw new ApiHttpException(404, 'NOT_FOUND', '会话不存在');
    const rows: unknown[] = await this.dataSource.query(`WITH ended AS (UPDATE user_session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id) SELECT id FROM ended`, [id]);
    if (!rows.length) throw new ApiHttpException(404, 'NOT_FOUND', '会话不存在或已结束');
  }

  @Delete('users/:id/sessions')
  @HttpCode(204)
  async endUserSessions(@Param('id') id: string): Promise<void> {
    if (!UUID_RE.test(id)) throw new ApiHttpException(404, 'NOT_FOUND', '用户不存在');
    const [u] = await this.dataSource.query(`SELECT id FROM app_user WHERE id = $1`, [id]);
    if (!u) throw new ApiHttpException(404, 'NOT_FOUND', '用户不存在');
    await this.dataSource.query(`UPDATE user_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [id]);
  }

  @Get('lockouts')
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
  @Delete('lockouts/:username')
  @HttpCode(204)
  async unlock(@Param('username') username: string): Promise<void> {
    const rows: unknown[] = await this.dataSource.query(`WITH gone AS (DELETE FROM login_attempt WHERE username = $1 RETURNING username) SELECT username FROM gone`, [username.slice(0, 64)]);
    if (!rows.length) throw new ApiHttpException(404, 'NOT_FOUND', '该用户名没有被锁定');
  }
}

/** A day of the filter that does not exist, or a range that ends before it starts: 400 naming the field. */
function checkDays(q: AuditQueryDto): void {
  for (const field of ['from', 'to'] as const) {
    const day = q[field];
    if (day && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) {
      throw badRequest([{ field, code: 'date', message: `日期「${day}」不存在` }]);
    }
  }
  if (q.from && q.to && q.from > q.to) throw badRequest([{ field: 'to', code: 'range', message: '结束日期不能早于开始日期' }]);
}

/** 审计管理员: the audit log, read-only, and the check of its hash chain. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
@UseGuards(RequireRoleGuard)
@RequireRole('auditadmin')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiResponse({ status: 200, description: '审计记录（新在前）；按日期（北京时间，含首尾）、用户、事件、对象、结果筛选' })
  @ApiResponse({ status: 400, description: '日期不存在或开始日期晚于结束日期（from / to）' })
  list(@Query() q: AuditQueryDto): Promise<AuditPage> {
    checkDays(q);
    return this.audit.list({ ...q, page: q.page ?? 1, pageSize: q.pageSize ?? 50 });
  }

  /** The filtered log as .csv (UTF-8 with BOM, so Excel reads the Chinese; times in Beijing time). */
  @Get('export')
  @Audited()
  @ApiResponse({ status: 200, description: '筛选后的审计日志 .csv（北京时间）' })
  async export(@Query() q: AuditQueryDto, @Res() res: Response): Promise<void> {
    checkDays(q);
    const filter = { ...q, page: undefined, pageSize: undefined };
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="audit.csv"; filename*=UTF-8''${encodeURIComponent(auditExportFileName(q))}`);
    res.write(`\ufeff${auditCsvHeader()}\r\n`);
    for await (const batch of this.audit.rows(filter)) res.write(batch.map((r) => `${auditCsvLine(r)}\r\n`).join(''));
    res.end();
  }

  @Get('verify')
  verify(): Promise<AuditVerification> {
    return this.audit.verify();
  }
}
