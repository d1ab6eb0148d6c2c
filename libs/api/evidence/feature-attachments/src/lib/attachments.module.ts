import { Module } from '@nestjs/common';
import { EvidenceDataModule } from '@pt/api/evidence/data-access';
import { AttachmentsController } from './attachments.controller';

/** 佐证材料 routes: /api/targets/:id/attachments (and /api/projects/:id/attachments), /api/attachments/:id. */
@Module({
  imports: [EvidenceDataModule],
  controllers: [AttachmentsController],
})
export class AttachmentsModule {}
