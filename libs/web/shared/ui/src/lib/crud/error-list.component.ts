import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';

/** What an error list shows: a failure of the API or of the screen's own checks (`ApiFailure` fits). */
export interface ShownFailure {
  message: string;
  details: readonly { message: string }[];
}

/** A server (or local) error: its message and, below it, each `details[].message`. */
@Component({
  selector: 'pt-error-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzAlertModule],
  template: `
    <nz-alert nzType="error" nzShowIcon [nzMessage]="failure().message" [nzDescription]="failure().details.length ? details : null" class="alert"></nz-alert>
    <ng-template #details>
      <ul class="details" data-testid="error-details">
        @for (d of failure().details; track $index) {
          <li>{{ d.message }}</li>
        }
      </ul>
    </ng-template>
  `,
  styles: `
    .alert { margin-bottom: 16px; }
    .details { margin: 0; padding-left: 20px; }
  `,
})
export class ErrorListComponent {
  readonly failure = input.required<ShownFailure>();
}
