import type { Routes } from '@angular/router';
import { ProjectRevisionsPage } from './project-revisions.page';

/** `projects/:id/revisions`: revisions of a project, their comparison and 发起调整. */
export const REVISION_ROUTES: Routes = [{ path: '', pathMatch: 'full', component: ProjectRevisionsPage, title: '版本与调整 · 绩效目标管理' }];
