import type { Target, UserSummary } from '@pt/shared/contracts';
import type { EntityManager } from 'typeorm';
import type { ProjectRow } from './project-row';
import { PROJECT_KIND } from './target-kind';
import type { TargetStore } from './target-store';

/**
 * 自上次退回以来的修改: a return keeps the target as returned on its history row, in the shape of a revision snapshot
 * (the API's target without its permissions), so the next review on any machine compares the target with it.
 */

export type TargetSnapshot = Omit<Target, 'permissions'>;

/** Keep the target as it is returned (inside the return's transaction, on its history row): status and version as after it. */
export async function keepReturnSnapshot(store: TargetStore, m: EntityManager, user: UserSummary, row: ProjectRow, historyId: string): Promise<void> {
  const { permissions: _drop, ...kept } = await store.toProject(user, row, m);
  void _drop;
  const snapshot: TargetSnapshot = { ...kept, status: 'returned', version: row.version + 1 };
  await m.query(`UPDATE ${PROJECT_KIND.historyTable} SET snapshot = $2::jsonb WHERE id = $1`, [historyId, JSON.stringify(snapshot)]);
}

export interface LastReturn {
  at: Date;
  userName: string;
  comment: string | null;
  snapshot: TargetSnapshot;
}

/** The target's last return with its snapshot, or null (never returned, or returned before snapshots were kept). */
export async function lastReturn(m: EntityManager, targetId: string): Promise<LastReturn | null> {
  const k = PROJECT_KIND;
  // the newest return only (project_history_project_idx walks the target's rows backwards)
  const [r]: { at: Date; user_name: string; comment: string | null; snapshot: TargetSnapshot | null }[] = await m.query(
    `SELECT at, user_name, comment, snapshot FROM ${k.historyTable} WHERE ${k.ownerColumn} = $1 AND action = 'return' ORDER BY id DESC LIMIT 1`,
    [targetId],
  );
  return r?.snapshot ? { at: r.at, userName: r.user_name, comment: r.comment, snapshot: r.snapshot } : null;
}
