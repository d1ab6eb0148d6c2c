import { computed, signal } from '@angular/core';
import type { ApiErrorDetail } from '@pt/shared/api-types';
import { toApiFailure, type ApiFailure } from './api-failure';

/**
 * The write actions of a document page (保存, 提交, 撤回, 审核, 删除 …): which one is on its way (`busy`, for the
 * buttons' spinners) and why the last one failed (`failure`, for the page's failure alert with its 「重新加载」
 * on a 412), with the try / catch / finally around each. The page keeps what an action does on success
 * (replace the form, `message.success`, navigate) inside the task it passes to {@link ActionRunner.run}.
 */
export class ActionRunner<B extends string> {
  readonly busy = signal<B | null>(null);
  readonly failure = signal<ApiFailure | null>(null);
  /** The first message per field of the last failure (client checks or the server's 400/422). */
  readonly fieldErrors = computed(() => {
    const out = new Map<string, string>();
    for (const d of this.failure()?.details ?? []) if (d.field && !out.has(d.field)) out.set(d.field, d.message);
    return out;
  });

  /** `toFailure` maps what a task threw (the page's wording by status); the shared mapping by default. */
  constructor(private readonly toFailure: (e: unknown, fallback: string) => ApiFailure = toApiFailure) {}

  /**
   * Runs `task` as the action `busy`: the previous failure is cleared first; when it throws, its failure
   * (with `fallback` when the server said nothing) is shown and handed to `onFailure`. True when it finished.
   */
  async run(busy: B, fallback: string, task: () => Promise<void>, onFailure?: (f: ApiFailure) => void): Promise<boolean> {
    this.busy.set(busy);
    this.failure.set(null);
    try {
      await task();
      return true;
    } catch (e) {
      const f = this.toFailure(e, fallback);
      this.failure.set(f);
      onFailure?.(f);
      return false;
    } finally {
      this.busy.set(null);
    }
  }

  /** Runs `task` (which handles its own failures, e.g. a reload) with `busy` set while it runs. */
  async hold(busy: B, task: () => Promise<void>): Promise<void> {
    this.busy.set(busy);
    try {
      await task();
    } finally {
      this.busy.set(null);
    }
  }

  /** A refusal of the page's own checks, shown like the server's 400 with the fields named. */
  refuse(message: string, details: ApiErrorDetail[]): void {
    this.failure.set({ status: 400, code: 'CLIENT_VALIDATION', message, details, findings: [] });
  }
}
