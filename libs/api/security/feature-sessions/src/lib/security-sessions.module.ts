import { Module } from '@nestjs/common';
import { AuthModule } from '@pt/api/auth';
import { SecurityController } from './sessions.controller';

/** 安全管理员: live sessions and locked-out user names (/api/security/*). */
@Module({
  imports: [AuthModule],
  controllers: [SecurityController],
})
export class SecuritySessionsModule {}
