import { Module } from '@nestjs/common';
import { TargetsDataModule } from '@pt/api/targets/data-access';
import { MonitoringController } from './monitoring/monitoring.controller';
import { MonitoringService } from './monitoring/monitoring.service';
import { OrgScopeService } from '@pt/api/targets/data-access';

@Module({
  imports: [TargetsDataModule],
  controllers: [MonitoringController],
  providers: [OrgScopeService, MonitoringService],
  exports: [OrgScopeService, TargetsDataModule, MonitoringService],
})
export class ProjectsModule {}
