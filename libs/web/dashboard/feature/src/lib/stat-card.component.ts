import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { NzCardModule } from 'ng-zorro-antd/card';

/** A figure of the dashboard's top row: its heading, then the page's number and the line under it (projected). */
@Component({
  selector: 'pt-stat-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzCardModule],
  template: `
    <nz-card class="stat">
      <div class="stat-title">{{ heading() }}</div>
      <ng-content />
    </nz-card>
  `,
  styles: `
    .stat-title { color: rgba(0, 0, 0, 0.55); }
  `,
})
export class StatCardComponent {
  readonly heading = input.required<string>();
}
