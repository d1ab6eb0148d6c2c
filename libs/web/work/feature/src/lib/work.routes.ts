import type { Routes } from '@angular/router';
import { roleGuard } from '@pt/web/projects/data-access';

/** The 工作台 (the home page of a filler or a reviewer). */
export const WORKBENCH_ROUTES: Routes = [
  { path: '', loadComponent: () => import('./workbench.page').then((m) => m.WorkbenchPage), title: '工作台 · 绩效目标管理' },
];

/** 任务管理: the tasks a reviewer sets, and each one's progress per unit. */
export const TASK_ROUTES: Routes = [
  {
    path: '',
    canMatch: [roleGuard('finance_reviewer', 'dept_reviewer')],
    children: [
      { path: '', loadComponent: () => import('./tasks.page').then((m) => m.TasksPage), title: '任务管理 · 绩效目标管理' },
      { path: ':id', loadComponent: () => import('./task-progress.page').then((m) => m.TaskProgressPage), title: '任务进度 · 绩效目标管理' },
    ],
  },
];
