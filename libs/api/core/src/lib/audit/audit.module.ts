import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdempotencyKeyEntity } from '../http/idempotency-key.entity';
import { AuditLogEntity } from './audit-log.entity';
import { AuditInterceptor } from './audit.interceptor';
import { AuditService } from './audit.service';
import { IdempotencyInterceptor } from '../http/idempotency.interceptor';
import { RequestInterceptor } from './request.interceptor';

/** The audit log, available everywhere, the interceptor that writes it for every write, and Idempotency-Key replays. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditLogEntity, IdempotencyKeyEntity])],
  providers: [AuditService, AuditInterceptor, IdempotencyInterceptor, { provide: APP_INTERCEPTOR, useClass: RequestInterceptor }],
  exports: [AuditService],
})
export class AuditModule {}
