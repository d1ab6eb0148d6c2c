import { DestroyRef, effect, inject, signal, untracked } from '@angular/core';

/**
 * Loads what a page shows whenever its source changes (the route's `:id`, a filter): `load(source())` runs once
 * at once and again on every change, and again when the returned `reload` is called (a 重试 button). The load
 * itself is untracked, so the signals it writes do not start it again; after the page is gone nothing runs.
 * Call it in an injection context (a field initialiser or the constructor).
 */
export function loadOn<S>(source: () => S, load: (source: S) => unknown): () => void {
  const tick = signal(0);
  let alive = true;
  inject(DestroyRef).onDestroy(() => (alive = false));
  effect(() => {
    const s = source();
    tick();
    untracked(() => {
      if (alive) load(s);
    });
  });
  return () => tick.update((t) => t + 1);
}
