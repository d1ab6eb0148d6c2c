import type { CanDeactivateFn, Routes } from '@angular/router';
import { EvaluationPage } from './evaluation.page';
import { MonitoringOverviewPage } from './monitoring-overview.page';
import { MonitoringPage } from './monitoring.page';

const leaveEvaluation: CanDeactivateFn<EvaluationPage> = (page) => page.canLeave();
const leaveMonitoring: CanDeactivateFn<MonitoringPage> = (page) => page.canLeave();

/** `projects/:id/evaluation`: 绩效自评 of an approved project (`:id` comes from the parent path). */
export const EVALUATION_ROUTES: Routes = [
  { path: '', pathMatch: 'full', component: EvaluationPage, canDeactivate: [leaveEvaluation], title: '绩效自评 · 绩效目标管理' },
];

/** `projects/:id/monitoring`: 运行监控 of an approved project. */
export const MONITORING_ROUTES: Routes = [
  { path: '', pathMatch: 'full', component: MonitoringPage, canDeactivate: [leaveMonitoring], title: '运行监控 · 绩效目标管理' },
];

/** `monitoring`: the lights of every visible approved project of a year. */
export const MONITORING_OVERVIEW_ROUTES: Routes = [
  { path: '', pathMatch: 'full', component: MonitoringOverviewPage, title: '运行监控 · 绩效目标管理' },
];
