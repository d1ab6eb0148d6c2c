import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TargetsDataModule } from '@pt/api/targets/data-access';
import { AttachmentStore } from './attachment-store';
import { EVIDENCE_ENTITIES } from './entities';
import { ATTACHMENT_S3_CONFIG, AttachmentBackends } from './storage/backends';
import { s3ConfigFrom } from './storage/s3-backend';

/** The evidence files' store, imported by the attachments routes and the batch export. */
@Module({
  imports: [TypeOrmModule.forFeature(EVIDENCE_ENTITIES), TargetsDataModule],
  providers: [{ provide: ATTACHMENT_S3_CONFIG, useFactory: () => s3ConfigFrom() }, AttachmentBackends, AttachmentStore],
  exports: [AttachmentStore],
})
export class EvidenceDataModule {}
