import { Get, Query, Res } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { SecuredController } from '@pt/api/auth';
import { Audited, AuditService, badRequest } from '@pt/api/core';
import { ApiRoutes, AuditQueryDto, type AuditPage, type AuditVerification } from '@pt/shared/contracts';
import type { Response } from 'express';
import { auditCsvHeader, auditCsvLine, auditExportFileName } from './audit-csv';

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
@SecuredController(ApiRoutes.audit.base, { tag: 'audit', roles: ['auditadmin'] })
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
  @Get(ApiRoutes.audit.export)
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

  @Get(ApiRoutes.audit.verify)
  verify(): Promise<AuditVerification> {
    return this.audit.verify();
  }
}
