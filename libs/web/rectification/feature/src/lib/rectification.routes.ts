import type { Routes } from '@angular/router';
import { RectificationPage } from './rectification.page';

/** `projects/:id/rectifications`: 整改 of a target. */
export const RECTIFICATION_ROUTES: Routes = [{ path: '', pathMatch: 'full', component: RectificationPage, title: '整改 · 绩效目标管理' }];
