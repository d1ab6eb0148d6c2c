import { Module } from '@nestjs/common';
import { TargetsDataModule } from '@pt/api/targets/data-access';
import { TargetSettingController } from './target-setting.controller';
import { TargetSettingService } from './target-setting.service';

/** Reports: 绩效目标设置情况 (the budget document's paragraph on target setting) and its export. */
@Module({
  imports: [TargetsDataModule],
  controllers: [TargetSettingController],
  providers: [TargetSettingService],
})
export class ReportsModule {}
