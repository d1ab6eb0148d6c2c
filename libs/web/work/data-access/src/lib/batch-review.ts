import { inject, Injectable } from '@angular/core';
import type { StructuredReview, TransitionAction } from '@pt/shared/api-types';
import { toApiFailure } from '@pt/web/shared/data-access';
import { batchOutcomes, type BatchOutcome } from './batch-results';
import { WorkApi } from './work.api';
import { WorkbenchStore } from './workbench.store';

/** The targets of a batch as the list shows them: the version the reviewer saw is the one acted on. */
export interface BatchItem {
  id: string;
  name: string;
  version: number;
}

/**
 * 批量审核 (POST /api/transitions): each target on its own; the answer per target in the order selected. A request
 * refused as a whole (offline, a 400) is reported on every target, so that nothing selected goes unmentioned.
 */
@Injectable({ providedIn: 'root' })
export class BatchReview {
  private readonly api = inject(WorkApi);
  private readonly workbench = inject(WorkbenchStore);

  async run(items: readonly BatchItem[], req: { action: TransitionAction; comment?: string; review?: StructuredReview }): Promise<BatchOutcome[]> {
    try {
      const res = await this.api.transitions({ ...req, items: items.map(({ id, version }) => ({ id, version })) });
      return batchOutcomes(items, res.results);
    } catch (e) {
      const message = toApiFailure(e, '批量审核失败，请稍后重试').message;
      return items.map(({ id, name }) => ({ id, name, ok: false, message }));
    } finally {
      this.workbench.invalidate();
    }
  }
}
