import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogController } from './catalog.controller';
import { Indicator } from './entities/indicator.entity';
import { LibraryController } from './library.controller';
import { LibraryService } from './library.service';
import { ProjectGoal } from './entities/project-goal.entity';
import { ProjectHistory } from './entities/project-history.entity';
import { Project } from './entities/project.entity';
import { ReviewComment } from './entities/review-comment.entity';
import { OrgScopeService } from './org-scope.service';
import { ProjectsController } from './projects.controller';
import { ProjectsService } from './projects.service';

@Module({
  imports: [TypeOrmModule.forFeature([Project, ProjectGoal, Indicator, ProjectHistory, ReviewComment])],
  controllers: [CatalogController, ProjectsController, LibraryController],
  providers: [OrgScopeService, ProjectsService, LibraryService],
  exports: [OrgScopeService, ProjectsService, LibraryService],
})
export class ProjectsModule {}
