import { computed, signal } from '@angular/core';
import { KIND_FORM_LABELS } from '@pt/domain';
import type { TargetKindKey } from '@pt/shared/api-types';
import { toEvaluationFailure } from '@pt/web/evaluation/data-access';
import type { Project } from '@pt/web/projects/data-access';
import { LoadState } from '@pt/web/shared/data-access';
import type { ApiFailure } from '@pt/web/shared/data-access';

/** What a report of a project answers with: its version (null before the first save) and what the user may do. */
export interface ProjectReport {
  version: number | null;
  permissions: { edit: boolean };
}

/**
 * What the 自评 and the 运行监控 pages both hold: the project, its report, the version for If-Match, the form and
 * the signature of what was last saved of it (`dirty`), and the first load (spinner until then, its refusal).
 */
export class ProjectReportState<R extends ProjectReport, F> {
  readonly project = signal<Project | null>(null);
  readonly report = signal<R | null>(null);
  /** The project's version for If-Match. */
  readonly version = signal<number | null>(null);
  readonly form = signal<F | null>(null);
  private readonly savedSignature = signal('');
  private readonly page = new LoadState<ApiFailure>(true);
  readonly loadError = this.page.error;
  /** The spinner shows until the first load; a reload keeps the form on screen. */
  readonly loading = computed(() => this.page.loading() && this.report() === null);
  readonly editable = computed(() => this.report()?.permissions.edit === true);
  /** The form's title, name and funds labels of the target's kind (部门整体 and 政策 print their own). */
  readonly forms = computed(() => KIND_FORM_LABELS[(this.project() as (Project & { kind?: TargetKindKey }) | null)?.kind ?? 'project']);
  readonly dirty = computed(() => {
    const f = this.form();
    return this.editable() && f !== null && this.signature(f) !== this.savedSignature();
  });

  /** `signature` tells two forms apart (the saved one and the one on screen). */
  constructor(private readonly signature: (form: F) => string) {}

  /** The project and its report, loaded together (the project is kept); undefined when refused (`loadError`). */
  async fetch(load: () => Promise<[Project, R]>, fallback: string): Promise<[Project, R] | undefined> {
    const loaded = await this.page.run(load, (e) => toEvaluationFailure(e, fallback));
    if (loaded) this.project.set(loaded[0]);
    return loaded;
  }

  /** Shows a report with its form as saved; the version is the report's, else `fallbackVersion`. */
  show(report: R, form: F, fallbackVersion: number | null): void {
    this.report.set(report);
    this.version.set(report.version ?? fallbackVersion);
    this.form.set(form);
    this.savedSignature.set(this.signature(form));
  }
}
