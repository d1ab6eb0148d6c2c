import { Module } from '@nestjs/common';
import { TargetsDataModule } from '@pt/api/targets/data-access';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';

/** 统计分析: the overview of a year under an organisation. */
@Module({
  imports: [TargetsDataModule],
  controllers: [DashboardController],
  providers: [DashboardService],
})
export class DashboardModule {}
