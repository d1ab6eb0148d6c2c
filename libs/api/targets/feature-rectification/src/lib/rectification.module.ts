import { Module } from '@nestjs/common';
import { TargetsDataModule } from '@pt/api/targets/data-access';
import { RectificationController } from './rectification.controller';
import { RectificationService } from './rectification.service';

/** 整改: notices on a target, the unit's answer and the reviewer's acceptance (domain §11). */
@Module({
  imports: [TargetsDataModule],
  controllers: [RectificationController],
  providers: [RectificationService],
  exports: [RectificationService],
})
export class RectificationModule {}
