import { computed, signal } from '@angular/core';
import type { Finding, IndicatorHistory } from '@pt/domain';
import { actionLabel, projectFramework } from '@pt/web/projects/data-access';
import type { FrameworkResponse, HistoryEntry, ProjectsApi, Target } from '@pt/web/projects/data-access';
import type { RowReviewComment, TableFramework } from '@pt/web/projects/ui';
import { LoadState, toApiFailure } from '@pt/web/shared/data-access';
import type { ApiFailure } from '@pt/web/shared/data-access';

/**
 * What the editor and the review page both hold of one project: the project, its load (spinner until the first
 * one, the refusal), the framework version it was declared under (the table's live checks are the server's),
 * its history, the server's findings and the reviewers' row comments.
 */
export class ProjectDocument {
  readonly project = signal<Target | null>(null);
  readonly history = signal<HistoryEntry[]>([]);
  readonly serverFindings = signal<Finding[]>([]);
  /** Last year's value and actual of the rows (by indicator id). */
  readonly rowHistory = signal<ReadonlyMap<string, IndicatorHistory | null>>(new Map());
  private readonly frameworks = signal<FrameworkResponse[]>([]);
  private readonly page = new LoadState<ApiFailure>(true);
  readonly loadError = this.page.error;
  /** The spinner shows until the first load; a reload keeps the page on screen. */
  readonly loading = computed(() => this.page.loading() && this.project() === null);
  readonly framework = computed<TableFramework | null>(() => {
    const p = this.project();
    return p ? projectFramework(this.frameworks(), p) : null;
  });
  readonly reviewComments = computed<RowReviewComment[]>(() =>
    (this.project()?.reviewComments ?? []).map((c) => ({ ...c, action: actionLabel(c.action) })),
  );

  constructor(private readonly api: ProjectsApi) {
    api.frameworks().then(
      (f) => this.frameworks.set(f),
      () => undefined, // the domain's frameworks are used instead
    );
  }

  /** The project, or undefined when it could not be loaded (then `loadError` says why). */
  fetch(id: string): Promise<Target | undefined> {
    return this.page.run(() => this.api.get(id), (e) => toApiFailure(e, '项目加载失败'));
  }

  /** The history and the server's findings (each kept as it was when its request fails). */
  async refreshSide(id: string): Promise<void> {
    const [history, findings, rows] = await Promise.allSettled([this.api.history(id), this.api.findings(id), this.api.indicatorHistory(id)]);
    if (history.status === 'fulfilled') this.history.set(history.value);
    if (findings.status === 'fulfilled') this.serverFindings.set(findings.value);
    if (rows.status === 'fulfilled') this.rowHistory.set(rows.value);
  }
}
