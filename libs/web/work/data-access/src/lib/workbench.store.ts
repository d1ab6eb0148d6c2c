import { computed, inject, Injectable, signal } from '@angular/core';
import type { Workbench, WorkbenchCounts, WorkbenchTask } from '@pt/shared/api-types';
import { deadlineState } from './work-labels';
import { WorkApi } from './work.api';

/** A task whose deadline nears or has passed, for the 工作台's notice. */
export interface TaskReminder {
  task: WorkbenchTask;
  state: 'near' | 'overdue';
}

/** The reminders of a 工作台: overdue first, then the nearest deadline. */
export function taskReminders(tasks: readonly WorkbenchTask[]): TaskReminder[] {
  const out: TaskReminder[] = [];
  for (const task of tasks) {
    const state = deadlineState(task.daysLeft, task.status === '已完成');
    if (state === 'near' || state === 'overdue') out.push({ task, state });
  }
  return out.sort((a, b) => a.task.daysLeft - b.task.daysLeft);
}

/** How long the menu's counts stay fresh when the user moves between pages. */
const COUNTS_TTL_MS = 30_000;

/**
 * The user's 工作台 and the menu's counts (one per session, shared by the shell and the 工作台 page): the counts are
 * asked again on a page change once older than COUNTS_TTL_MS, and at once after the user acted (`invalidate`).
 */
@Injectable({ providedIn: 'root' })
export class WorkbenchStore {
  private readonly api = inject(WorkApi);
  readonly counts = signal<WorkbenchCounts | null>(null);
  readonly workbench = signal<Workbench | null>(null);
  readonly reminders = computed(() => taskReminders(this.workbench()?.tasks ?? []));
  private countsAt = 0;
  private inFlight: Promise<void> | null = null;

  /** The full 工作台 (its counts too). Rejects on failure, for the page to show. */
  async load(): Promise<Workbench> {
    const wb = await this.api.workbench();
    this.workbench.set(wb);
    this.counts.set(wb.counts);
    this.countsAt = Date.now();
    return wb;
  }

  /** The menu's counts, unless fresh; a failure keeps the last ones (the badges are a hint, not the data). */
  refreshCounts(now = Date.now()): Promise<void> {
    if (now - this.countsAt < COUNTS_TTL_MS) return Promise.resolve();
    if (!this.inFlight) {
      this.inFlight = this.api
        .counts()
        .then((c) => {
          this.counts.set(c);
          this.countsAt = Date.now();
        })
        .catch(() => undefined)
        .finally(() => (this.inFlight = null));
    }
    return this.inFlight;
  }

  /** After the user acted (submitted, reviewed, set a task): the counts are asked again on the next page. */
  invalidate(): void {
    this.countsAt = 0;
  }

  /** At logout: nothing of the previous user stays. */
  clear(): void {
    this.counts.set(null);
    this.workbench.set(null);
    this.countsAt = 0;
  }
}
