import { Module } from '@nestjs/common';
import { TargetsDataModule } from '@pt/api/targets/data-access';
import { DeclarationController } from './declaration.controller';
import { DeclarationService } from './declaration.service';
import { SuggestionsService } from './suggestions.service';

/** 申报: the project routes of /api/projects (create, edit, tables, goals, 调整, versions, suggestions). */
@Module({
  imports: [TargetsDataModule],
  controllers: [DeclarationController],
  providers: [DeclarationService, SuggestionsService],
  exports: [DeclarationService],
})
export class DeclarationModule {}
