import { Module } from '@nestjs/common';
import { AuthModule } from '@pt/api/auth';
import { ProjectsModule } from '@pt/api/projects';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';
import { ImportsService } from './imports.service';
import { ExportGate } from './jobs/export-gate';
import { ExportJobsController } from './jobs/export-jobs.controller';
import { ExportJobsService } from './jobs/export-jobs.service';
import { ExportWorker } from './jobs/export-worker';

@Module({
  imports: [AuthModule, ProjectsModule],
  controllers: [ExportsController, ExportJobsController],
  providers: [ExportsService, ImportsService, ExportGate, ExportJobsService, ExportWorker],
  exports: [ExportWorker],
})
export class ExportsModule {}
