import { UuidReference } from '@pt/api/core';

/**
 * `project_id`: the target (a row of `project`, whatever its kind) a row of `table` belongs to, deleted with it;
 * `primary` where the table's key starts with it (one self-evaluation per target, one monitoring report per month).
 */
export function TargetIdColumn(table: string, opts: { primary?: boolean } = {}): PropertyDecorator {
  return UuidReference(table, 'project_id', 'project', { onDelete: 'CASCADE', primary: opts.primary });
}
