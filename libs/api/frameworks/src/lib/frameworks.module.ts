import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FRAMEWORK_ENTITIES } from './entities';
import { FrameworkStore } from './framework-store.service';

/**
 * Frameworks and scoring settings as versioned data; global, so projects, evaluation and exports read the versions.
 * Their administration (the HTTP routes) is libs/api/admin/feature-frameworks.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(FRAMEWORK_ENTITIES)],
  providers: [FrameworkStore],
  exports: [FrameworkStore],
})
export class FrameworksModule {}
