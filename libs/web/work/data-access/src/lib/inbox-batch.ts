import { computed, inject, signal } from '@angular/core';
import type { StructuredReview } from '@pt/shared/api-types';
import type { BatchOutcome } from './batch-results';
import { BatchReview, type BatchItem } from './batch-review';

/**
 * The inbox's 批量审核 state: the ids selected (of the rows shown), the batch under way, the last outcomes. After a
 * batch the selection is cleared and `after` reloads the list (the handled targets leave the inbox).
 */
export class InboxBatch {
  readonly selected = signal<readonly string[]>([]);
  readonly busy = signal<'approve' | 'return' | null>(null);
  readonly outcomes = signal<BatchOutcome[]>([]);
  /** The selected rows of the list as shown (a row gone from the list is no longer selected). */
  readonly items = computed(() => this.rows().filter((r) => this.selected().includes(r.id)));
  readonly count = computed(() => this.items().length);

  constructor(
    private readonly runner: BatchReview,
    private readonly rows: () => readonly BatchItem[],
    private readonly after: () => void,
  ) {}

  async run(req: { action: 'approve' | 'return'; comment?: string; review?: StructuredReview }): Promise<void> {
    const items = this.items();
    if (items.length === 0 || this.busy()) return;
    this.busy.set(req.action);
    try {
      this.outcomes.set(await this.runner.run(items, req));
      this.selected.set([]);
    } finally {
      this.busy.set(null);
      this.after();
    }
  }
}

/** An {@link InboxBatch} for a field initialiser of the inbox page. */
export function inboxBatch(rows: () => readonly BatchItem[], after: () => void): InboxBatch {
  return new InboxBatch(inject(BatchReview), rows, after);
}
