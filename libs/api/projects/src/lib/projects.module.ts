import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogController } from './catalog.controller';
import { Indicator } from './entities/indicator.entity';
import { ProjectGoal } from './entities/project-goal.entity';
import { ProjectHistory } from './entities/project-history.entity';
import { Project } from './entities/project.entity';
import { ReviewComment } from './entities/review-comment.entity';
import { OrgScopeService } from './org-scope.service';
import { ProjectsController } from './projects.controller';
import { ProjectsService } from './projects.service';

@Module({
  imports: [TypeOrmModule.forFeature([Project, ProjectGoal, Indicator, ProjectHistory, ReviewComment])],
  controllers: [CatalogController, ProjectsController],
  providers: [OrgScopeService, ProjectsService],
  exports: [OrgScopeService, ProjectsService],
})
export class ProjectsModule {}
