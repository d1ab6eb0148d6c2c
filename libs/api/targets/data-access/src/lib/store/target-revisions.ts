import type { PickRow } from '@pt/api/core';
import type { Project } from '@pt/shared/contracts';
import type { EntityManager } from 'typeorm';
import type { ProjectRevisionEntity } from '../entities/project-revision.entity';
import { PROJECT_KIND } from './target-kind';

/** 调整: the approved revisions of a target kept as snapshots, and the current one's approval time. */

export type RevisionDbRow = PickRow<ProjectRevisionEntity, 'revision' | 'approved_at' | 'reason' | 'created_at'>;

/** When the target was last approved (its current revision), or null. */
export async function lastApprovedAt(m: EntityManager, targetId: string): Promise<Date | null> {
  const [approved] = await m.query(
    `SELECT max(at) AS at FROM ${PROJECT_KIND.historyTable} WHERE ${PROJECT_KIND.ownerColumn} = $1 AND action = 'approve' AND to_status = 'approved'`,
    [targetId],
  );
  return approved?.at ?? null;
}

/** Keep the approved revision as a snapshot and open the next one as a draft. */
export async function startRevision(
  m: EntityManager,
  target: { id: string; revision: number },
  snapshot: Omit<Project, 'permissions'>,
  reason: string,
  userId: string,
): Promise<void> {
  const k = PROJECT_KIND;
  const approvedAt = await lastApprovedAt(m, target.id);
  await m.query(
    `INSERT INTO ${k.revisionTable} (${k.ownerColumn}, revision, snapshot, reason, approved_at, created_by) VALUES ($1, $2, $3::jsonb, $4, $5, $6)`,
    [target.id, target.revision, JSON.stringify(snapshot), reason, approvedAt, userId],
  );
  await m.query(`UPDATE ${k.table} SET revision = revision + 1, status = 'draft' WHERE id = $1`, [target.id]);
}

/** The earlier revisions of a target, oldest first. */
export async function listRevisions(m: EntityManager, targetId: string): Promise<RevisionDbRow[]> {
  return m.query(`SELECT revision, approved_at, reason, created_at FROM ${PROJECT_KIND.revisionTable} WHERE ${PROJECT_KIND.ownerColumn} = $1 ORDER BY revision`, [targetId]);
}

/** The snapshot of an earlier revision, or undefined. */
export async function revisionSnapshot(m: EntityManager, targetId: string, revision: number): Promise<Project | undefined> {
  const [r] = await m.query(`SELECT snapshot FROM ${PROJECT_KIND.revisionTable} WHERE ${PROJECT_KIND.ownerColumn} = $1 AND revision = $2`, [targetId, revision]);
  return r ? (r.snapshot as Project) : undefined;
}
