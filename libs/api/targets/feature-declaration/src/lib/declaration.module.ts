import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { AuthModule } from '@pt/api/auth';
import { TargetsDataModule } from '@pt/api/targets/data-access';
import { DeclarationController } from './declaration.controller';
import { DeclarationService } from './declaration.service';
import { DetailFastPath } from './detail-fast-path';
import { ProjectsKindScope } from './kind-scope.middleware';
import { SuggestionsService } from './suggestions.service';
import { ProjectsController, TargetsController } from './targets.controller';

/**
 * 申报: the target routes of /api/targets (every kind) and /api/projects (the same, narrowed to projects): create,
 * edit, tables, goals, 调整, versions, suggestions.
 */
@Module({
  imports: [AuthModule, TargetsDataModule],
  // the lists before the `:id` routes (`years` is no id)
  controllers: [ProjectsController, TargetsController, DeclarationController],
  providers: [DeclarationService, SuggestionsService, DetailFastPath],
  exports: [DeclarationService],
})
export class DeclarationModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // every route: the middleware itself picks the /api/projects paths (those of other features included)
    consumer.apply(ProjectsKindScope).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
