import { Module } from '@nestjs/common';
import { ProjectsModule } from '@pt/api/projects';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';
import { ImportsService } from './imports.service';

@Module({
  imports: [ProjectsModule],
  controllers: [ExportsController],
  providers: [ExportsService, ImportsService],
})
export class ExportsModule {}
