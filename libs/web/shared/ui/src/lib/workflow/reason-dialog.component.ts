import { ChangeDetectionStrategy, Component, effect, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';

/** What the dialog asks: its title, the hint above the text, the OK button, whether the text must be given. */
export interface ReasonQuestion {
  title: string;
  hint?: string;
  placeholder: string;
  okText: string;
  /** A red OK: the step drops something (退回, a deduction). */
  danger?: boolean;
  /** An empty text is refused with `requiredMessage`. */
  required?: boolean;
  requiredMessage?: string;
}

/**
 * A reviewer's text in a dialog: the comment of 审核通过 (optional) / 退回 (required), the reason of a deduction
 * (required). Emits the trimmed text. Test ids from `testId`: the textarea `<testId>`, `<testId>-ok`,
 * `<testId>-cancel`, `<testId>-required` (shown when a required text is empty).
 */
@Component({
  selector: 'pt-reason-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzButtonModule, NzInputModule, NzModalModule],
  // the dialog draws in the overlay: the host takes no room (nor a gap) in a row of buttons
  host: { style: 'display: none' },
  styles: `
    .hint { color: rgba(0, 0, 0, 0.45); font-size: 12px; }
    .field-error { color: #ff4d4f; font-size: 12px; margin-top: 2px; }
  `,
  template: `
    @let q = question();
    <nz-modal [nzVisible]="open()" [nzTitle]="q.title" [nzFooter]="footer" (nzOnCancel)="cancelled.emit()">
      <ng-container *nzModalContent>
        @if (q.hint) {
          <p class="hint">{{ q.hint }}</p>
        }
        <textarea
          nz-input
          maxlength="2000"
          [attr.aria-label]="q.title"
          [placeholder]="q.placeholder"
          [nzAutosize]="{ minRows: 3, maxRows: 8 }"
          [nzStatus]="missing() ? 'error' : ''"
          [ngModel]="text()"
          (ngModelChange)="text.set($event); missing.set(false)"
          [attr.data-testid]="testId()"
        ></textarea>
        @if (missing()) {
          <div class="field-error" [attr.data-testid]="testId() + '-required'">{{ q.requiredMessage ?? '请填写' }}</div>
        }
      </ng-container>
      <ng-template #footer>
        <button nz-button type="button" (click)="cancelled.emit()" [attr.data-testid]="testId() + '-cancel'">取消</button>
        <button nz-button nzType="primary" [nzDanger]="!!q.danger" type="button" (click)="confirm()" [attr.data-testid]="testId() + '-ok'">
          {{ q.okText }}
        </button>
      </ng-template>
    </nz-modal>
  `,
})
export class ReasonDialogComponent {
  readonly open = input(false);
  readonly question = input.required<ReasonQuestion>();
  readonly testId = input('reason');
  readonly confirmed = output<string>();
  readonly cancelled = output<void>();
  readonly text = signal('');
  readonly missing = signal(false);

  constructor() {
    // a fresh text each time the dialog opens
    effect(() => {
      if (this.open()) {
        this.text.set('');
        this.missing.set(false);
      }
    });
  }

  confirm(): void {
    const text = this.text().trim();
    if (this.question().required && text === '') {
      this.missing.set(true);
      return;
    }
    this.confirmed.emit(text);
  }
}
