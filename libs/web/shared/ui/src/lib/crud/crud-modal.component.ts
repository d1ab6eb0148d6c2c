import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { ErrorListComponent, type ShownFailure } from './error-list.component';

/** What the modal reads of a dialog's state (a FormDialog of the shared data-access has it). */
export interface CrudDialogState {
  open(): boolean;
  saving(): boolean;
  failure(): ShownFailure | null;
  /** 取消: closes the dialog (refused while saving). */
  close(): void;
}

/**
 * The add / edit dialog of a list page: 保存 / 取消, the OK button busy while saving, not closed by a click beside it,
 * the failure (message and field messages) above the form, and a vertical form that submits on Enter.
 * The fields are projected: `<pt-crud-modal …><pt-form-field …>…</pt-form-field></pt-crud-modal>`.
 * Test ids from `testId`: the form `<testId>`, the failure `<testId>-error`.
 * A page with a FormDialog binds it as `[dialog]` (open, saving and failure from it, and 取消 closes it) instead of
 * the three inputs.
 */
@Component({
  selector: 'pt-crud-modal',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzFormModule, NzModalModule, ErrorListComponent],
  // the dialog draws in the overlay: the host takes no room on the page
  host: { style: 'display: none' },
  template: `
    <nz-modal
      [nzVisible]="isOpen()"
      [nzTitle]="title()"
      [nzOkText]="okText()"
      nzCancelText="取消"
      [nzOkLoading]="isSaving()"
      [nzMaskClosable]="false"
      [nzWidth]="width()"
      (nzOnOk)="submitted.emit()"
      (nzOnCancel)="cancel()"
    >
      <ng-container *nzModalContent>
        <ng-content select="[ptCrudModalLead]" />
        @if (shownFailure(); as e) {
          <pt-error-list [failure]="e" [attr.data-testid]="testId() + '-error'" />
        }
        <form nz-form nzLayout="vertical" (submit)="$event.preventDefault(); submitted.emit()" [attr.data-testid]="testId()">
          <ng-content />
          <button type="submit" hidden aria-hidden="true"></button>
        </form>
      </ng-container>
    </nz-modal>
  `,
})
export class CrudModalComponent {
  readonly open = input(false);
  readonly title = input('');
  readonly okText = input('保存');
  readonly saving = input(false);
  readonly width = input<number | string>(520);
  readonly failure = input<ShownFailure | null>(null);
  readonly testId = input('crud-form');
  /** The dialog's state, in place of `open`, `saving` and `failure`. */
  readonly dialog = input<CrudDialogState | null>(null);
  protected readonly isOpen = computed(() => this.dialog()?.open() ?? this.open());
  protected readonly isSaving = computed(() => this.dialog()?.saving() ?? this.saving());
  protected readonly shownFailure = computed(() => (this.dialog() ? this.dialog()?.failure() : this.failure()) ?? null);
  /** 保存 or Enter in a field. */
  readonly submitted = output<void>();
  /** 取消 or the close button (a bound `dialog` is closed first; not while it saves). */
  readonly cancelled = output<void>();

  protected cancel(): void {
    const dialog = this.dialog();
    // a bound dialog is not left while it saves
    if (dialog?.saving()) return;
    dialog?.close();
    this.cancelled.emit();
  }
}
