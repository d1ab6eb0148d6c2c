import { computed, signal } from '@angular/core';
import { type ApiFailure, fieldError } from './api-failure';

/** How a dialog saves: the local checks, the request, and how its failures are worded. */
export interface DialogSave<F> {
  /** The checks the server makes anyway, run before sending; a failure keeps the dialog open. */
  check?: (form: F) => ApiFailure | null;
  /** Sends the form (it may send nothing when nothing changed); the dialog closes when it resolves. */
  send: (form: F) => Promise<unknown>;
  toFailure: (e: unknown) => ApiFailure;
  /** Before a failure is shown (e.g. load the row again after a 412 or 404); may answer the failure to show instead. */
  failed?: (failure: ApiFailure, form: F) => ApiFailure | void | Promise<ApiFailure | void>;
}

/**
 * The state of the add / edit dialog of a list page: the form (null: closed), the save in flight and its
 * failure with the field messages. `save` runs the local checks, sends, closes on success and keeps the
 * dialog open with the failure otherwise; `close` is refused while saving.
 */
export class FormDialog<F> {
  readonly form = signal<F | null>(null);
  readonly saving = signal(false);
  readonly failure = signal<ApiFailure | null>(null);
  readonly open = computed(() => this.form() !== null);

  /** Opens the dialog on `form` (a new row's defaults, or a row's values), without an old failure. */
  show(form: F): void {
    this.failure.set(null);
    this.form.set(form);
  }

  close(): void {
    if (this.saving()) return;
    this.failure.set(null);
    this.form.set(null);
  }

  patch(p: Partial<F>): void {
    const f = this.form();
    if (f) this.form.set({ ...f, ...p });
  }

  /** The message the failure has for `field` (server or local), or null. */
  err(field: string): string | null {
    return fieldError(this.failure(), field);
  }

  /** Saves; true when it was saved and the dialog closed. */
  async save(how: DialogSave<F>): Promise<boolean> {
    const f = this.form();
    if (!f || this.saving()) return false;
    const local = how.check?.(f) ?? null;
    if (local) {
      this.failure.set(local);
      return false;
    }
    this.saving.set(true);
    this.failure.set(null);
    try {
      await how.send(f);
    } catch (e) {
      const failure = how.toFailure(e);
      this.failure.set((await how.failed?.(failure, f)) ?? failure);
      return false;
    } finally {
      this.saving.set(false);
    }
    this.form.set(null);
    return true;
  }
}

/** A {@link FormDialog} for a field initialiser: `readonly dialog = formDialog<OrgForm>();`. */
export function formDialog<F>(): FormDialog<F> {
  return new FormDialog<F>();
}
