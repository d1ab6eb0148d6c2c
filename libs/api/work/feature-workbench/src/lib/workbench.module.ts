import { Module } from '@nestjs/common';
import { TargetsDataModule } from '@pt/api/targets/data-access';
import { WorkDataModule } from '@pt/api/work/data-access';
import { WorkbenchController } from './workbench.controller';
import { WorkbenchService } from './workbench.service';

/** 工作台 (/api/workbench): its own 待办 sources registered with WorkDataModule's registry, where other features add theirs. */
@Module({
  imports: [WorkDataModule, TargetsDataModule],
  controllers: [WorkbenchController],
  providers: [WorkbenchService],
})
export class WorkbenchModule {}
