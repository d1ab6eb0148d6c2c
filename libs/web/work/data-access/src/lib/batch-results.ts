import type { BatchTransitionResult } from '@pt/shared/api-types';

/** One item of a batch as the page reports it: its name, done or why not. */
export interface BatchOutcome {
  id: string;
  name: string;
  ok: boolean;
  /** The refusal in the API's words (a stale version: 已被他人修改…), null when done. */
  message: string | null;
}

/** The API's per-item results in the order of the selection, named; an item without a result is reported too. */
export function batchOutcomes(selected: readonly { id: string; name: string }[], results: readonly BatchTransitionResult[]): BatchOutcome[] {
  const byId = new Map(results.map((r) => [r.id, r]));
  return selected.map(({ id, name }) => {
    const r = byId.get(id);
    if (!r) return { id, name, ok: false, message: '未收到处理结果，请刷新后查看' };
    return r.error ? { id, name, ok: false, message: r.error.message } : { id, name, ok: true, message: null };
  });
}

/** 「3 项已处理，1 项未处理」. */
export function batchSummary(outcomes: readonly BatchOutcome[]): string {
  const ok = outcomes.filter((o) => o.ok).length;
  const failed = outcomes.length - ok;
  return failed === 0 ? `${ok} 项已全部处理` : `${ok} 项已处理，${failed} 项未处理`;
}
