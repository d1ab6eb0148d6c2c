import { Module } from '@nestjs/common';
import { TargetsDataModule } from '@pt/api/targets/data-access';
import { CatalogController } from './catalog.controller';
import { LibraryController } from './library.controller';
import { LibraryService } from './library.service';

/** 指标库 and the reference data every screen reads (the indicator frameworks, the visible organisations). */
@Module({
  imports: [TargetsDataModule],
  controllers: [CatalogController, LibraryController],
  providers: [LibraryService],
  exports: [LibraryService],
})
export class LibraryModule {}
