import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Indicator, Project, ProjectGoal, ProjectHistory, ReviewComment } from '@pt/api/targets/data-access';
import { EvaluationController } from './evaluation/evaluation.controller';
import { EvaluationService } from './evaluation/evaluation.service';
import { MonitoringController } from './monitoring/monitoring.controller';
import { MonitoringService } from './monitoring/monitoring.service';
import { OrgScopeService } from '@pt/api/targets/data-access';
import { ProjectsController } from './projects.controller';
import { ProjectsService } from './projects.service';

@Module({
  imports: [TypeOrmModule.forFeature([Project, ProjectGoal, Indicator, ProjectHistory, ReviewComment])],
  controllers: [EvaluationController, MonitoringController, ProjectsController],
  providers: [OrgScopeService, ProjectsService, EvaluationService, MonitoringService],
  exports: [OrgScopeService, ProjectsService, EvaluationService, MonitoringService],
})
export class ProjectsModule {}
