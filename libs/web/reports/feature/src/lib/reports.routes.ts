import type { Routes } from '@angular/router';
import { TargetSettingPage } from './target-setting.page';

/** `reports/target-setting`: 绩效目标设置情况 of a year (reviewers; the figures by visibility). */
export const REPORT_ROUTES: Routes = [
  { path: 'target-setting', component: TargetSettingPage, title: '绩效目标设置情况 · 绩效目标管理' },
  { path: '', pathMatch: 'full', redirectTo: 'target-setting' },
];
