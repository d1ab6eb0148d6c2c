import type { Target } from './targets';

/** Revisions of an approved project (adjustments) and the difference between two of them. */

export interface ProjectRevision {
  revision: number;
  /** When this revision was approved (null for the revision being worked on). */
  approvedAt: string | null;
  reason: string | null;
  createdAt: string;
  current: boolean;
}

export interface FieldChangeDto {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

export interface RowDiffDto {
  kind: 'added' | 'removed' | 'changed' | 'unchanged';
  beforeIndex: number | null;
  afterIndex: number | null;
  before: { level1: string; level2: string; name: string; target: string; core?: boolean; weight?: string | null } | null;
  after: { level1: string; level2: string; name: string; target: string; core?: boolean; weight?: string | null } | null;
  fields: string[];
}

/** GET /api/projects/:id/diff?from=&to= */
export interface ProjectDiff {
  from: number;
  to: number;
  fields: FieldChangeDto[];
  annualRows: RowDiffDto[];
  overallRows: RowDiffDto[];
}

/**
 * GET /api/targets/:id/changes: the target as its last return left it (the revision snapshot's shape) and as it is
 * now — what the review screen compares (自上次退回以来的修改). The API answers `null` for a target never returned.
 */
export interface TargetChanges {
  returnedAt: string;
  /** The reviewer who returned it. */
  returnedBy: string;
  /** The return's reason. */
  comment: string | null;
  before: Omit<Target, 'permissions'>;
  after: Target;
}
