import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * A row of an indicator table (the 自评表's, the monitoring report's) drawn on its `tr`: 一级指标 and 二级指标
 * merged down over the rows that share them (`span`: 0 where a row above covers the cell, as `levelSpans` gives),
 * the 三级指标's name, then the table's own cells.
 */
@Component({
  // eslint-disable-next-line @angular-eslint/component-selector -- drawn on the table's own tr: an element of its own would break the table
  selector: 'tr[ptIndicatorRow]',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (span().level1 > 0) {
      <td [attr.rowspan]="span().level1">{{ row().level1 }}</td>
    }
    @if (span().level2 > 0) {
      <td [attr.rowspan]="span().level2">{{ row().level2 }}</td>
    }
    <td>{{ row().name || '—' }}</td>
    <ng-content />
  `,
})
export class IndicatorRowComponent {
  readonly row = input.required<{ level1: string; level2: string; name: string }>({ alias: 'ptIndicatorRow' });
  readonly span = input.required<{ level1: number; level2: number }>();
}
