import { AsyncLocalStorage } from 'node:async_hooks';
import type { TargetKindKey } from '@pt/shared/contracts';

/**
 * The kinds of target a request may see. `/api/projects` is `/api/targets` narrowed to projects: its requests run
 * inside `narrowToKind('project', …)` (a middleware of the declaration feature), and the store's reads (one target,
 * many, the list) add the kind to their WHERE — so every route mounted on both paths (review, evaluation,
 * monitoring, exports) is narrowed without knowing it, and no query is added. Outside a narrowed request
 * (/api/targets, jobs, the demo data) every kind is seen.
 */
const scope = new AsyncLocalStorage<TargetKindKey>();

export function narrowToKind<T>(kind: TargetKindKey, fn: () => T): T {
  return scope.run(kind, fn);
}

/** The one kind the current request is narrowed to, if any. */
export function narrowedKind(): TargetKindKey | undefined {
  return scope.getStore();
}

/** ` AND <col> = '<kind>'` when narrowed, else '' (the kind is one of the fixed keys, never user text). */
export function kindScopeSql(column = 'p.kind'): string {
  const kind = scope.getStore();
  return kind ? ` AND ${column} = '${kind}'` : '';
}
