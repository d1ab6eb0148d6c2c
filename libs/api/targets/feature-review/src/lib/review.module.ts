import { Module } from '@nestjs/common';
import { TargetsDataModule } from '@pt/api/targets/data-access';
import { BatchTransitionsController } from './batch-transitions.controller';
import { ChangesController } from './changes.controller';
import { BatchTransitions } from './batch-transitions';
import { ReviewController } from './review.controller';
import { ReviewService } from './review.service';

/** 审核: the transitions of every reviewable document (targets and self-evaluations), one by one or in a batch. */
@Module({
  imports: [TargetsDataModule],
  controllers: [ReviewController, BatchTransitionsController, ChangesController],
  providers: [ReviewService, BatchTransitions],
  exports: [ReviewService],
})
export class ReviewModule {}
