import { booleanAttribute, ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';

/** The search box of a list: the text in, each change out, `searched` on Enter or the button. */
@Component({
  selector: 'pt-search-input',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzButtonModule, NzIconModule, NzInputModule],
  template: `
    <nz-input-group nzSearch [nzAddOnAfter]="searchBtn">
      <input
        nz-input
        type="search"
        [attr.placeholder]="placeholder()"
        [attr.aria-label]="label()"
        [attr.maxlength]="maxlength()"
        [attr.data-testid]="testId()"
        [ngModel]="value()"
        (ngModelChange)="valueChange.emit($event)"
        (keydown.enter)="searched.emit()"
      />
    </nz-input-group>
    <ng-template #searchBtn>
      <button nz-button nzType="primary" nzSearch type="button" (click)="searched.emit()" [attr.aria-label]="buttonLabel()" [attr.data-testid]="buttonTestId()">
        <span nz-icon nzType="search"></span>
      </button>
    </ng-template>
  `,
  styles: `
    :host { display: inline-block; }
  `,
})
export class SearchInputComponent {
  readonly value = input('');
  readonly placeholder = input<string | null>(null);
  readonly label = input.required<string>();
  readonly buttonLabel = input('搜索');
  readonly maxlength = input<number | null>(null);
  readonly testId = input<string | null>(null);
  readonly buttonTestId = input<string | null>(null);
  readonly valueChange = output<string>();
  readonly searched = output<void>();
}

/** A row action that asks first (停用, 删除, 结束会话 …): a small link button with a confirmation bubble. */
@Component({
  selector: 'pt-confirm-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzButtonModule, NzIconModule, NzPopconfirmModule],
  template: `
    <button
      nz-button
      nzType="link"
      [nzDanger]="danger()"
      nzSize="small"
      type="button"
      nz-popconfirm
      [nzPopconfirmTitle]="confirm()"
      [nzOkText]="okText()"
      [nzOkDanger]="danger()"
      nzCancelText="取消"
      (nzOnConfirm)="confirmed.emit()"
      [disabled]="disabled()"
      [attr.title]="hint() || null"
      [nzLoading]="loading()"
      [attr.data-testid]="testId()"
    >
      @if (icon(); as i) {
        <span nz-icon [nzType]="i"></span>
      }
      <ng-content />
    </button>
  `,
})
export class ConfirmButtonComponent {
  /** The question in the bubble. */
  readonly confirm = input.required<string>();
  readonly okText = input('确定');
  readonly danger = input(false, { transform: booleanAttribute });
  readonly icon = input<string | null>(null);
  readonly disabled = input(false);
  /** Why it is disabled (a tooltip). */
  readonly hint = input('');
  readonly loading = input(false);
  readonly testId = input<string | null>(null);
  readonly confirmed = output<void>();
}
