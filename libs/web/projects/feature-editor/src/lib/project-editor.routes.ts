import type { CanDeactivateFn, Routes } from '@angular/router';
import { REVIEWER_ROLES, roleGuard } from '@pt/web/projects/data-access';
import { ProjectCreatePage } from './project-create.page';
import { ProjectEditorPage } from './project-editor.page';
import { ProjectReviewPage } from './project-review.page';

const leaveEditor: CanDeactivateFn<ProjectEditorPage> = (page) => page.canLeave();

/** Under `projects`: `new`, `:id` (申报表) and `:id/review` (审核). */
export const PROJECT_EDITOR_ROUTES: Routes = [
  { path: 'new', component: ProjectCreatePage, canMatch: [roleGuard('filler')], title: '新建绩效目标 · 绩效目标管理' },
  { path: ':id', component: ProjectEditorPage, canDeactivate: [leaveEditor], title: '申报表 · 绩效目标管理' },
  { path: ':id/review', component: ProjectReviewPage, canMatch: [roleGuard(...REVIEWER_ROLES)], title: '审核 · 绩效目标管理' },
];
