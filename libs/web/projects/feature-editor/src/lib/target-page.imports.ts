import { RouterLink } from '@angular/router';
import { StatusPipe } from '@pt/web/projects/data-access';
import { IndicatorTableComponent, PageLoadComponent } from '@pt/web/projects/ui';
import { PtDateTimePipe } from '@pt/web/shared/data-access';
import { WorkflowActionsComponent } from '@pt/web/shared/ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { FindingsPanelComponent } from './findings-panel.component';
import { HistoryTimelineComponent } from './history-timeline.component';
import { ProjectHeaderViewComponent } from './project-header-view.component';

/**
 * What the 申报表 and the 审核 page both draw a target with (the page while it loads, the header and status, the
 * indicator table, the findings, the history, the workflow buttons); each page adds its own parts to its `imports`.
 */
export const TARGET_PAGE_IMPORTS = [
  RouterLink,
  NzAlertModule,
  NzButtonModule,
  NzCardModule,
  NzSpinModule,
  NzTagModule,
  PtDateTimePipe,
  StatusPipe,
  PageLoadComponent,
  ProjectHeaderViewComponent,
  IndicatorTableComponent,
  FindingsPanelComponent,
  HistoryTimelineComponent,
  WorkflowActionsComponent,
] as const;
