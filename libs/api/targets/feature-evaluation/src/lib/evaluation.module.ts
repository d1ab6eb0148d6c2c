import { Module } from '@nestjs/common';
import { TargetsDataModule } from '@pt/api/targets/data-access';
import { EvaluationController } from './evaluation.controller';
import { EvaluationService } from './evaluation.service';
import { IndicatorHistoryController } from './indicator-history.controller';

/** 绩效自评: reading, saving (with the 自评报告) and the reviewer's deductions (the transitions are feature-review's); last year's values of the rows. */
@Module({
  imports: [TargetsDataModule],
  controllers: [EvaluationController, IndicatorHistoryController],
  providers: [EvaluationService],
  exports: [EvaluationService],
})
export class EvaluationModule {}
