import { Directive, inject, input } from '@angular/core';
import { PROJECT_FIELD_LABELS } from '@pt/domain';
import { loadOn } from '@pt/web/shared/data-access';
import { ProjectReportEditor, type AnyReportEditor } from './project-report-editor';

/**
 * A report page of a project (绩效自评, 运行监控): its editor loads the route's `:id`, and unsaved edits are asked
 * about before the page is left (the route's canDeactivate) or the browser unloads it.
 */
@Directive({ host: { '(window:beforeunload)': 'onBeforeUnload($event)' } })
export abstract class ProjectReportPage {
  /** Header labels from the domain's field catalogue. */
  readonly F = PROJECT_FIELD_LABELS;
  /** Route parameter `:id`. */
  readonly id = input.required<string>();
  /** The page's editor (provideReportEditor); a page declares its own type of it. */
  readonly ed: AnyReportEditor = inject(ProjectReportEditor);

  constructor() {
    loadOn(() => this.id(), (id) => this.ed.load(id));
  }

  canLeave(): boolean | Promise<boolean> {
    return this.ed.canLeave();
  }

  onBeforeUnload(e: BeforeUnloadEvent): void {
    if (this.ed.dirty()) e.preventDefault();
  }
}
