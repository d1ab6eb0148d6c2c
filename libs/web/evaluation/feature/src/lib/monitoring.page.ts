import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { EVALUATION_FIELD_LABELS, FUNDS_COLUMN_LABELS, MONITORING_FIELD_LABELS, YUAN_SUFFIX } from '@pt/domain';
import { MONTHS } from '@pt/web/evaluation/data-access';
import { AttachmentsComponent } from '@pt/web/evidence/ui';
import { PageLoadComponent } from '@pt/web/projects/ui';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { LightComponent } from './light.component';
import { MonitoringEditor } from './monitoring-editor';
import { MonitoringTableComponent } from './monitoring-table.component';
import { provideReportEditor } from './project-report-editor';
import { ProjectReportPage } from './project-report-page';
import { ReportHeaderComponent } from './report-header.component';

/**
 * 运行监控 (domain §7) of an approved project for one month: the budget (年初预算数, 截至当月执行数,
 * 全年预计执行数 → 执行率 and its light), per indicator 当前完成值, 全年预计完成情况, 完成目标可能性,
 * 偏差原因 and 纠偏措施, and the lights of every row and of the project, computed live (MonitoringEditor).
 * 保存 sends If-Match.
 *
 * Test ids (row index `i` from 0): `mon-month`, `mon-budget-annual`, `mon-budget-executed`,
 * `mon-budget-expected`, `mon-execution-rate`, `mon-budget-light`, `mon-project-light`, `mon-current-i`,
 * `mon-expected-i`, `mon-likelihood-i`, `mon-reasons-i`, `mon-measures-i`, `mon-light-i`, `mon-save`,
 * `mon-error`, `mon-reload`, `mon-months`.
 */
@Component({
  selector: 'pt-monitoring-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: provideReportEditor(MonitoringEditor),
  imports: [
    AttachmentsComponent,
    FormsModule,
    NgTemplateOutlet,
    NzCardModule,
    NzDescriptionsModule,
    NzInputModule,
    NzSelectModule,
    NzSpinModule,
    NzTagModule,
    LightComponent,
    MonitoringTableComponent,
    PageLoadComponent,
    ReportHeaderComponent,
  ],
  templateUrl: './monitoring.page.html',
  styleUrl: './monitoring.page.css',
})
export class MonitoringPage extends ProjectReportPage {
  declare readonly ed: MonitoringEditor;
  /** Labels from the domain's field catalogue. */
  readonly M = MONITORING_FIELD_LABELS;
  readonly E = EVALUATION_FIELD_LABELS;
  readonly FUNDS_COL = FUNDS_COLUMN_LABELS;
  readonly YUAN = YUAN_SUFFIX;
  readonly months = MONTHS;
}
