import { HttpParams } from '@angular/common/http';
import { Injectable } from '@angular/core';
import {
  ApiPaths,
  type BatchTransitionBody,
  type BatchTransitionResponse,
  type CreateTaskBody,
  type TaskProgressRow,
  type Workbench,
  type WorkbenchCounts,
  type WorkTask,
} from '@pt/shared/api-types';
import { ApiClient } from '@pt/web/shared/data-access';
import { firstValueFrom } from 'rxjs';

/** The year's work (api-contract › "The year's work"): tasks, each unit's progress, the 工作台, batch transitions. */
@Injectable({ providedIn: 'root' })
export class WorkApi extends ApiClient {
  tasks(year?: number | null): Promise<WorkTask[]> {
    const params = year ? new HttpParams().set('year', String(year)) : undefined;
    return this.read<WorkTask[]>(ApiPaths.tasks, params);
  }

  task(id: string): Promise<WorkTask> {
    return this.read<WorkTask>(ApiPaths.task(id));
  }

  createTask(body: CreateTaskBody): Promise<WorkTask> {
    return firstValueFrom(this.http.post<WorkTask>(ApiPaths.tasks, body));
  }

  progress(id: string): Promise<TaskProgressRow[]> {
    return this.read<TaskProgressRow[]>(ApiPaths.taskProgress(id));
  }

  workbench(): Promise<Workbench> {
    return this.read<Workbench>(ApiPaths.workbench);
  }

  counts(): Promise<WorkbenchCounts> {
    return this.read<WorkbenchCounts>(ApiPaths.workbenchCounts);
  }

  /** The same transition on many targets, each on its own: one refused does not stop the others. */
  transitions(body: BatchTransitionBody): Promise<BatchTransitionResponse> {
    return firstValueFrom(this.http.post<BatchTransitionResponse>(ApiPaths.transitions, body));
  }
}
