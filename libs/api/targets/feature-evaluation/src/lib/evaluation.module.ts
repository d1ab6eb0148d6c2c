import { Module } from '@nestjs/common';
import { TargetsDataModule } from '@pt/api/targets/data-access';
import { EvaluationController } from './evaluation.controller';
import { EvaluationService } from './evaluation.service';

/** 绩效自评: reading, saving and the reviewer's deductions (the transitions are feature-review's). */
@Module({
  imports: [TargetsDataModule],
  controllers: [EvaluationController],
  providers: [EvaluationService],
  exports: [EvaluationService],
})
export class EvaluationModule {}
