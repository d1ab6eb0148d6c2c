import { Module } from '@nestjs/common';
import { OrgScopeService } from '@pt/api/targets/data-access';
import { CatalogController } from './catalog.controller';
import { LibraryController } from './library.controller';
import { LibraryService } from './library.service';

/** 指标库 and the reference data every screen reads (the indicator frameworks, the visible organisations). */
@Module({
  controllers: [CatalogController, LibraryController],
  providers: [OrgScopeService, LibraryService],
  exports: [LibraryService],
})
export class LibraryModule {}
