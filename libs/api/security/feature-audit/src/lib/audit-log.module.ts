import { Module } from '@nestjs/common';
import { AuthModule } from '@pt/api/auth';
import { AuditController } from './audit.controller';

/** 审计管理员: the audit log, its .csv export and the check of its hash chain (/api/audit/*). */
@Module({
  imports: [AuthModule],
  controllers: [AuditController],
})
export class AuditLogModule {}
