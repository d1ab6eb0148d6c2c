import type { Routes } from '@angular/router';
import { DashboardPage } from './dashboard.page';

/** `dashboard`: 统计分析 of the visible projects of a year (every signed-in user; figures by visibility). */
export const DASHBOARD_ROUTES: Routes = [{ path: '', pathMatch: 'full', component: DashboardPage, title: '统计分析 · 绩效目标管理' }];
