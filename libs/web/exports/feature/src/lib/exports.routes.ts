import type { Routes } from '@angular/router';

/** `exports`: 批量导出 (every signed-in user; the server exports what the user may see). */
export const EXPORT_ROUTES: Routes = [
  { path: '', pathMatch: 'full', loadComponent: () => import('./batch-export.page').then((m) => m.BatchExportPage), title: '批量导出 · 绩效目标管理' },
];

/** `imports`: 导入 (pasted text or an .xlsx; fillers create the drafts). */
export const IMPORT_ROUTES: Routes = [
  { path: '', pathMatch: 'full', loadComponent: () => import('./import.page').then((m) => m.ImportPage), title: '导入 · 绩效目标管理' },
];
