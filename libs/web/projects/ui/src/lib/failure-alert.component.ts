import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';

/** What the alert shows of a refused request (the data-access libraries' ApiFailure has this shape). */
export interface ShownFailure {
  status: number;
  message: string;
  details: readonly { field?: string; message: string }[];
}

/**
 * A refused save or transition, as every form page shows it: the message, one line per field (named by the page's
 * own labels), and — when the data changed meanwhile (412) or its state did (409) — 重新加载; on a 412 the page may
 * add that what was typed is still in the form.
 */
@Component({
  selector: 'pt-failure-alert',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzAlertModule, NzButtonModule],
  template: `
    @if (failure(); as fl) {
      <nz-alert
        class="block"
        nzType="error"
        nzShowIcon
        nzCloseable
        (nzOnClose)="closed.emit()"
        [nzMessage]="fl.message"
        [nzDescription]="detailsTpl"
        [nzAction]="fl.status === 412 || fl.status === 409 ? reloadTpl : null"
        [attr.data-testid]="testId()"
      />
      <ng-template #detailsTpl>
        @if (fl.status === 412 && conflictNote()) {
          <div [attr.data-testid]="testId() + '-conflict'">{{ conflictNote() }}</div>
        }
        @for (d of fl.details; track $index) {
          <div [attr.data-testid]="testId() + '-detail'">{{ d.field ? fieldLabel()(d.field) + '：' : '' }}{{ d.message }}</div>
        }
      </ng-template>
      <ng-template #reloadTpl>
        <button nz-button nzSize="small" nzType="primary" type="button" [nzLoading]="reloading()" (click)="reload.emit()" [attr.data-testid]="reloadTestId()">
          重新加载
        </button>
      </ng-template>
    }
  `,
  styles: `
    .block { margin-bottom: 16px; display: block; }
  `,
})
export class FailureAlertComponent {
  readonly failure = input<ShownFailure | null>(null);
  readonly testId = input.required<string>();
  readonly reloadTestId = input.required<string>();
  readonly fieldLabel = input<(field: string) => string>((field) => field);
  readonly conflictNote = input<string | null>(null);
  readonly reloading = input(false);
  readonly closed = output<void>();
  readonly reload = output<void>();
}
