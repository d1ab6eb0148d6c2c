import { historyActionLabel, PROJECT_STATUS_LABELS, PROJECT_STATUSES, statusLabel, type ProjectStatus } from '@pt/domain';

export { statusLabel };

/** Status labels: the domain's (one place for the api, the exports and the web). */
export const STATUS_LABELS = PROJECT_STATUS_LABELS;

/** ng-zorro `nz-tag` colours per status. */
export const STATUS_COLORS: Record<ProjectStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  dept_approved: 'cyan',
  approved: 'success',
  returned: 'error',
};

export const STATUS_OPTIONS: { value: ProjectStatus; label: string }[] = PROJECT_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));

export function statusColor(status: string | null | undefined): string {
  return (status && (STATUS_COLORS as Record<string, string>)[status]) || 'default';
}

/** The label of a history action (the domain's, self-evaluation steps included). */
export const actionLabel = historyActionLabel;

/** Colour of a history entry in the timeline. */
export function actionColor(action: string | null | undefined): string {
  switch (action) {
    case 'approve':
      return 'green';
    case 'return':
      return 'red';
    case 'withdraw':
      return 'gray';
    default:
      return 'blue';
  }
}
