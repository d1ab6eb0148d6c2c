import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import type { ShownFailure } from './failure-alert.component';

/**
 * What a document page shows before its document is there: a spinner while it loads, or — when the load was
 * refused — the reason (404 / 403 / error) with 重试 and a way back. Test id of the refusal: `load-error`.
 */
@Component({
  selector: 'pt-page-load',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NzButtonModule, NzResultModule, NzSpinModule],
  template: `
    @if (error(); as e) {
      <nz-result [nzStatus]="e.status === 404 ? '404' : e.status === 403 ? '403' : 'error'" [nzTitle]="e.message" data-testid="load-error">
        <div nz-result-extra>
          <button nz-button type="button" (click)="retry.emit()">重试</button>
          <a nz-button nzType="primary" [routerLink]="backLink()">{{ backText() }}</a>
        </div>
      </nz-result>
    } @else {
      <div class="center"><nz-spin nzSimple nzTip="正在加载…" /></div>
    }
  `,
  styles: `
    .center { text-align: center; padding: 64px 0; }
  `,
})
export class PageLoadComponent {
  /** The refusal of the load; null while loading. */
  readonly error = input<ShownFailure | null>(null);
  readonly backLink = input.required<string | readonly unknown[]>();
  readonly backText = input.required<string>();
  readonly retry = output<void>();
}
