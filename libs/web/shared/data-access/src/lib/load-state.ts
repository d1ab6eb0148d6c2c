import { signal } from '@angular/core';

/**
 * The loading flag and error message of one thing a screen loads (a list, a page of figures), and the
 * try / catch / finally around it: {@link LoadState.run} sets `loading`, clears `error`, and drops the
 * answer of a load that a newer one overtook (a filter changed while the first was on its way).
 * It serves a save the same way (`saving` = `loading`, the form's failure = `error`).
 */
export class LoadState<E = string> {
  readonly loading = signal(false);
  readonly error = signal<E | null>(null);
  private seq = 0;

  constructor(loading = false) {
    this.loading.set(loading);
  }

  /**
   * Runs `task`. Its value, or `undefined` when it failed (then `error` holds `toError(e)`) or when a newer
   * `run` started meanwhile (then nothing here changes: the newer one owns the flags).
   */
  async run<T>(task: () => Promise<T>, toError: (e: unknown) => E): Promise<T | undefined> {
    const seq = ++this.seq;
    this.loading.set(true);
    this.error.set(null);
    try {
      const value = await task();
      return seq === this.seq ? value : undefined;
    } catch (e) {
      if (seq === this.seq) this.error.set(toError(e));
      return undefined;
    } finally {
      if (seq === this.seq) this.loading.set(false);
    }
  }
}

/** A {@link LoadState} for a field initialiser: `readonly list = loadState();` then `list.loading()`, `list.error()`. */
export function loadState<E = string>(loading = false): LoadState<E> {
  return new LoadState<E>(loading);
}
