import { Global, Module } from '@nestjs/common';
import { RequireRoleGuard } from '@pt/api/auth';
import { FrameworksAdminController } from './frameworks-admin.controller';
import { FrameworkStore } from './framework-store.service';

/** Frameworks and scoring settings as versioned data; global, so projects, evaluation and exports read the versions. */
@Global()
@Module({
  controllers: [FrameworksAdminController],
  providers: [FrameworkStore, RequireRoleGuard],
  exports: [FrameworkStore],
})
export class FrameworksModule {}
