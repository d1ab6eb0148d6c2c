import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TargetsDataModule } from '@pt/api/targets/data-access';
import { WORK_ENTITIES } from './entities';
import { TaskStore } from './task-store';
import { WorkbenchTodoSources } from './todo-sources';

/** Tasks of the year and the registry of 工作台 待办 sources, for the tasks and workbench features (and any feature adding 待办). */
@Module({
  imports: [TypeOrmModule.forFeature(WORK_ENTITIES), TargetsDataModule],
  providers: [TaskStore, WorkbenchTodoSources],
  exports: [TypeOrmModule, TaskStore, WorkbenchTodoSources],
})
export class WorkDataModule {}
