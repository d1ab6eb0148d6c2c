import { booleanAttribute, ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';

/**
 * Why a list or a report did not load, with 重试 (unless `retry` is off): the alert every page shows in place of
 * what it failed to load. Nothing while `error` is null; a margin the page gives it counts only while it shows.
 */
@Component({
  selector: 'pt-load-error',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzAlertModule, NzButtonModule],
  host: { '[hidden]': 'error() === null' },
  template: `
    @if (error(); as e) {
      <nz-alert nzType="error" nzShowIcon [nzMessage]="e" [nzAction]="retry() ? retryTpl : null" [attr.data-testid]="testId()"></nz-alert>
      <ng-template #retryTpl><button nz-button nzSize="small" type="button" (click)="retried.emit()">重试</button></ng-template>
    }
  `,
  styles: `
    :host { display: block; }
    :host[hidden] { display: none; }
  `,
})
export class LoadErrorComponent {
  /** The message of the failed load; null: nothing to show. */
  readonly error = input<string | null>(null);
  readonly retry = input(true, { transform: booleanAttribute });
  readonly testId = input<string | null>(null);
  /** 重试. */
  readonly retried = output<void>();
}
