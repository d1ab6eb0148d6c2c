import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '@pt/api/auth';
import { EvidenceDataModule } from '@pt/api/evidence/data-access';
import { TargetsDataModule } from '@pt/api/targets/data-access';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';
import { ImportsService } from './imports.service';
import { EXPORT_JOB_ENTITIES } from './jobs/entities';
import { ExportGate } from './jobs/export-gate';
import { ExportJobsController } from './jobs/export-jobs.controller';
import { ExportJobsService } from './jobs/export-jobs.service';
import { ExportWorker } from './jobs/export-worker';

@Module({
  imports: [AuthModule, TargetsDataModule, EvidenceDataModule, TypeOrmModule.forFeature(EXPORT_JOB_ENTITIES)],
  controllers: [ExportsController, ExportJobsController],
  providers: [ExportsService, ImportsService, ExportGate, ExportJobsService, ExportWorker],
  exports: [ExportWorker],
})
export class ExportsModule {}
