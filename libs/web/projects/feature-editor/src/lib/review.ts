import type { TransitionBody } from '@pt/web/projects/data-access';
import type { EditorRow } from '@pt/web/projects/ui';

/**
 * The transition body of a review: the overall comment and the non-empty per-row comments of rows
 * in the table, in table order. Null when returning without an overall comment (退回 needs one).
 */
export function reviewBody(
  action: 'approve' | 'return',
  comment: string,
  rowComments: Readonly<Record<string, string>>,
  rows: readonly EditorRow[],
): TransitionBody | null {
  const overall = comment.trim();
  if (action === 'return' && overall === '') return null;
  const perRow = rows
    .filter((r) => r.id && (rowComments[r.id] ?? '').trim() !== '')
    .map((r) => ({ indicatorId: r.id as string, comment: rowComments[r.id as string].trim() }));
  const body: TransitionBody = { action };
  if (overall !== '') body.comment = overall;
  if (perRow.length > 0) body.rowComments = perRow;
  return body;
}
