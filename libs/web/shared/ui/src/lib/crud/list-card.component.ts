import { booleanAttribute, ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { LoadErrorComponent } from './load-error.component';

/** What the card reads of the list's load (a LoadState of the shared data-access has it). */
export interface ListLoadState {
  loading(): boolean;
  error(): string | null;
}

/**
 * The frame of a list page: a card with its title, a lead text, the filters (`[ptListFilters]`), the load error
 * (with 重试 when `retry`), the list (projected) and, top right, 刷新, the page's own buttons (`[ptListExtra]`) and the
 * primary 新增 button (刷新 and 新增 shown when they have a test id).
 * A page with a LoadState binds it as `[state]` (loading and error from it) instead of the two inputs.
 */
@Component({
  selector: 'pt-list-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzButtonModule, NzCardModule, NzIconModule, LoadErrorComponent],
  template: `
    <nz-card [nzTitle]="title()" [nzExtra]="extra">
      @if (lead()) {
        <p class="lead">{{ lead() }}</p>
      }
      <ng-content select="[ptListFilters]" />
      <pt-load-error class="block" [error]="state().error()" [retry]="retry()" [testId]="errorTestId()" (retried)="reload.emit()" />
      <ng-content />
    </nz-card>
    <ng-template #extra>
      @if (reloadTestId()) {
        <button nz-button type="button" class="gap" (click)="reload.emit()" [disabled]="state().loading()" [attr.data-testid]="reloadTestId()">
          <span nz-icon nzType="reload"></span>刷新
        </button>
      }
      <ng-content select="[ptListExtra]" />
      @if (addTestId()) {
        <button nz-button nzType="primary" type="button" class="gap" (click)="add.emit()" [disabled]="addDisabled()" [attr.data-testid]="addTestId()">
          <span nz-icon nzType="plus"></span>{{ addLabel() }}
        </button>
      }
    </ng-template>
  `,
  styles: `
    :host { display: block; }
    .lead { color: rgba(0, 0, 0, 0.55); margin-top: 0; margin-bottom: 16px; }
    .block { margin-bottom: 16px; }
    .gap + .gap { margin-left: 8px; }
    :host ::ng-deep [ptListExtra] + .gap { margin-left: 8px; }
  `,
})
export class ListCardComponent {
  readonly title = input('');
  readonly lead = input('');
  readonly retry = input(false, { transform: booleanAttribute });
  readonly errorTestId = input<string | null>(null);
  readonly reloadTestId = input<string | null>(null);
  readonly addTestId = input<string | null>(null);
  readonly addLabel = input('新增');
  readonly addDisabled = input(false);
  /** The list's load (a `loadState()`): 刷新 waits while it loads, a failed load shows its message. */
  readonly state = input.required<ListLoadState>();
  readonly reload = output<void>();
  readonly add = output<void>();
}
