import { readRows } from '@pt/api/core';
import type { Goal } from '@pt/shared/contracts';
import type { EntityManager } from 'typeorm';
import { COMMENT_JSON_PAIRS, PROJECT_COLUMNS, PROJECT_FROM, type CommentDbRow, type ProjectRow } from './project-row';
import { HAS_LAST_YEAR } from './indicator-history';
import { GOAL_ROW_COLUMNS, GOAL_ROWS_FROM, GOAL_ROWS_ORDER, goalsFromRows, type GoalWithRow } from './target-sql';
import type { TargetKind } from './target-kind';

/** A target's row read with its goals, rows and comments in the same round trip. */
export interface DetailRead {
  row: ProjectRow;
  goals: (Goal & { projectId: string })[];
  comments: CommentDbRow[];
  /** The target's `doc_stamp` as read with the rest (the same snapshot): what a serialised detail is kept under. */
  stamp: string;
}

/**
 * The detail in one round trip (issue 18: three queries where one builds the document): the row with its visibility
 * (`visibleSql`, a condition on `p`), whether last year's target exists, and its goals with their rows and its review
 * comments as JSON built by PostgreSQL in the orders the separate reads use. null when the target is not visible.
 */
export async function readDetail(m: EntityManager, kind: TargetKind, visibleSql: string, params: unknown[]): Promise<DetailRead | null> {
  const goalJson = `json_build_object(${GOAL_ROW_COLUMNS.map(([name, expr]) => `'${name}', ${expr}`).join(', ')})`;
  const [r] = await readRows<ProjectRow & { goals_json: string; comments_json: string; doc_stamp: string }>(
    m,
    `SELECT ${PROJECT_COLUMNS}, ${HAS_LAST_YEAR}, p.doc_stamp::text AS doc_stamp,
            (SELECT coalesce(json_agg(${goalJson} ORDER BY ${GOAL_ROWS_ORDER}), '[]')::text ${GOAL_ROWS_FROM} WHERE g.project_id = p.id) AS goals_json,
            (SELECT coalesce(json_agg(json_build_object(${COMMENT_JSON_PAIRS}) ORDER BY c.at, c.id), '[]')::text
               FROM ${kind.commentTable} c WHERE c.${kind.ownerColumn} = p.id) AS comments_json
       ${PROJECT_FROM} WHERE ${visibleSql}`,
    params,
  );
  if (!r) return null;
  const { goals_json, comments_json, doc_stamp, ...row } = r;
  return { row, stamp: doc_stamp, goals: goalsFromRows(JSON.parse(goals_json) as GoalWithRow[]), comments: JSON.parse(comments_json) as CommentDbRow[] };
}
