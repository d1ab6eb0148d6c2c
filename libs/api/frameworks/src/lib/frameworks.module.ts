import { Global, Module } from '@nestjs/common';
import { FrameworkStore } from './framework-store.service';

/**
 * Frameworks and scoring settings as versioned data; global, so projects, evaluation and exports read the versions.
 * Their administration (the HTTP routes) is libs/api/admin/feature-frameworks.
 */
@Global()
@Module({
  providers: [FrameworkStore],
  exports: [FrameworkStore],
})
export class FrameworksModule {}
