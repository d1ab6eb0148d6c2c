import { inject, Injectable } from '@angular/core';
import { AuthStore } from '@pt/web/auth/data-access';

/** How many returned targets a reviewer's browser remembers (the oldest go first). */
const KEEP = 200;

/**
 * What a reviewer returned, as it was (the review screen's baseline of 「自上次退回以来的修改」), per reviewer, in this
 * browser's localStorage: the API keeps no copy of a target at its return, and the current one is compared with it
 * when the reviewer opens the resubmitted target. A storage that refuses (private mode, full) keeps nothing.
 */
@Injectable({ providedIn: 'root' })
export class ReturnBaselines {
  private readonly auth = inject(AuthStore);

  private key(): string | null {
    const id = this.auth.user()?.id;
    return id ? `pt.returned.${id}` : null;
  }

  private read(key: string): Record<string, { savedAt: number; value: unknown }> {
    try {
      return JSON.parse(localStorage.getItem(key) ?? '{}') ?? {};
    } catch {
      return {};
    }
  }

  get<T>(targetId: string): T | null {
    const key = this.key();
    return key ? ((this.read(key)[targetId]?.value as T | undefined) ?? null) : null;
  }

  save(targetId: string, value: unknown, now = Date.now()): void {
    const key = this.key();
    if (!key) return;
    const all = { ...this.read(key), [targetId]: { savedAt: now, value } };
    const kept = Object.entries(all)
      .sort((a, b) => b[1].savedAt - a[1].savedAt)
      .slice(0, KEEP);
    try {
      localStorage.setItem(key, JSON.stringify(Object.fromEntries(kept)));
    } catch {
      // full or refused: the next review simply shows no comparison
    }
  }
}
