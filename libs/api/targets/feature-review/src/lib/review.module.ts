import { Module } from '@nestjs/common';
import { TargetsDataModule } from '@pt/api/targets/data-access';
import { ReviewController } from './review.controller';
import { ReviewService } from './review.service';

/** 审核: the transitions of every reviewable document (targets and self-evaluations). */
@Module({
  imports: [TargetsDataModule],
  controllers: [ReviewController],
  providers: [ReviewService],
  exports: [ReviewService],
})
export class ReviewModule {}
