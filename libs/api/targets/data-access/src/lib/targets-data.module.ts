import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TARGET_ENTITIES } from './entities';
import { EvaluationStore } from './evaluation/evaluation-store';
import { MonitoringStore } from './monitoring/monitoring-store';
import { OrgScopeService } from './org-scope.service';
import { TargetDocs } from './store/target-docs';
import { TargetStore } from './store/target-store';

/** The target aggregate's store, imported by every feature module that reads or writes targets. */
@Module({
  imports: [TypeOrmModule.forFeature(TARGET_ENTITIES)],
  providers: [OrgScopeService, TargetStore, TargetDocs, EvaluationStore, MonitoringStore],
  exports: [TypeOrmModule, OrgScopeService, TargetStore, TargetDocs, EvaluationStore, MonitoringStore],
})
export class TargetsDataModule {}
