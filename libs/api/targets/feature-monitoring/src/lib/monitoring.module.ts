import { Module } from '@nestjs/common';
import { TargetsDataModule } from '@pt/api/targets/data-access';
import { MonitoringController } from './monitoring.controller';
import { MonitoringService } from './monitoring.service';

/** 运行监控: the monthly reports of approved projects and the department overview. */
@Module({
  imports: [TargetsDataModule],
  controllers: [MonitoringController],
  providers: [MonitoringService],
})
export class MonitoringModule {}
