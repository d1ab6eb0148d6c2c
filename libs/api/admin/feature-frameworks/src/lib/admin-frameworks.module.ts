import { Module } from '@nestjs/common';
import { AuthModule } from '@pt/api/auth';
import { FrameworksAdminController } from './frameworks-admin.controller';

/** 指标体系与评分规则 administration (/api/admin/frameworks); the versions themselves are the global FrameworkStore's. */
@Module({
  imports: [AuthModule],
  controllers: [FrameworksAdminController],
})
export class AdminFrameworksModule {}
