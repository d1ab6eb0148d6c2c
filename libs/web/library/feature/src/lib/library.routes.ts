import type { Routes } from '@angular/router';
import { LibraryPage } from './library.page';

/** `library`: the indicator library (every signed-in user reads it; the system administrator maintains it). */
export const LIBRARY_ROUTES: Routes = [{ path: '', pathMatch: 'full', component: LibraryPage, title: '指标库 · 绩效目标管理' }];
