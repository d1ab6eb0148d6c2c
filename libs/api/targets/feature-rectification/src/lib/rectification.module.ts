import { Module, type OnModuleInit } from '@nestjs/common';
import { TargetsDataModule } from '@pt/api/targets/data-access';
import { WorkbenchTodoSources, WorkDataModule } from '@pt/api/work/data-access';
import { DataSource } from 'typeorm';
import { RectificationController } from './rectification.controller';
import { RectificationService } from './rectification.service';
import { rectificationTodoSource } from './rectification-todo';

/** 整改: notices on a target, the unit's answer and the reviewer's acceptance (domain §11); its 待办 on the 工作台. */
@Module({
  imports: [TargetsDataModule, WorkDataModule],
  controllers: [RectificationController],
  providers: [RectificationService],
  exports: [RectificationService],
})
export class RectificationModule implements OnModuleInit {
  constructor(
    private readonly sources: WorkbenchTodoSources,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.sources.register(rectificationTodoSource(() => this.dataSource.manager));
  }
}
