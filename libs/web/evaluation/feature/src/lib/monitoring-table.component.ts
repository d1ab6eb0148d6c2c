import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ANNUAL_TARGET_COLUMN, INDICATOR_COLUMN_LABELS, MONITORING_FIELD_LABELS } from '@pt/domain';
import { DEVIATION_REASON_CHOICES, LIKELIHOOD_CHOICES, needsReasons } from '@pt/web/evaluation/data-access';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { IndicatorRowComponent } from './indicator-row.component';
import { LightComponent } from './light.component';
import { MonitoringEditor } from './monitoring-editor';

const IND = INDICATOR_COLUMN_LABELS;
const M = MONITORING_FIELD_LABELS;

/** The columns of the table, with their widths (the last takes the rest). */
const COLUMNS: readonly { label: string; width: string | null }[] = [
  { label: IND.level1, width: '90px' },
  { label: IND.level2, width: '100px' },
  { label: IND.name, width: '160px' },
  { label: ANNUAL_TARGET_COLUMN, width: '130px' },
  { label: M.current, width: '140px' },
  { label: M.light, width: '120px' },
  { label: M.expected, width: '150px' },
  { label: M.likelihood, width: '130px' },
  { label: M.reasons, width: '200px' },
  { label: M.measures, width: null },
];

/**
 * The 绩效指标 card of the monitoring report: per indicator 当前完成值 (a number, else a text), its light with the
 * reason, 全年预计完成情况, 完成目标可能性, 偏差原因 and 纠偏措施. Edits go to the page's MonitoringEditor.
 */
@Component({
  selector: 'pt-monitoring-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, IndicatorRowComponent, LightComponent, NzCardModule, NzInputModule, NzSelectModule, NzTableModule],
  templateUrl: './monitoring-table.component.html',
  styleUrl: './monitoring-table.component.css',
})
export class MonitoringTableComponent {
  readonly ed = inject(MonitoringEditor);
  readonly columns = COLUMNS;
  readonly likelihoods = LIKELIHOOD_CHOICES;
  readonly reasons = DEVIATION_REASON_CHOICES;
  readonly needsReasons = needsReasons;
}
