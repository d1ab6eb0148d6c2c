import { Module } from '@nestjs/common';
import { WorkDataModule } from '@pt/api/work/data-access';
import { TasksController } from './tasks.controller';

/** 任务: tasks of the year and each unit's progress (/api/tasks). */
@Module({
  imports: [WorkDataModule],
  controllers: [TasksController],
})
export class TasksModule {}
