import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { FailureAlertComponent } from '@pt/web/projects/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { ProjectReportEditor, type AnyReportEditor } from './project-report-editor';

/**
 * The sticky toolbar of a report page and the failure of its last write below it: the title with the project's
 * name (then the page's tags, projected) and 有未保存的修改; the page's buttons, 保存 while editable, 返回 and
 * 整改 (a notice is issued from a 中/差 self-evaluation or a red light: its page one click away).
 * Projected: `[ptReportTitle]` after the title, `[ptReportScore]` between title and buttons, `[ptReportLead]`
 * before 保存, the rest after it. Test ids after `testIdPrefix`: `title`, `dirty`, `save`, `error`, `reload`.
 */
@Component({
  selector: 'pt-report-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NzButtonModule, NzIconModule, FailureAlertComponent],
  template: `
    @let p = ed.project();
    <div class="toolbar">
      <div class="title">
        <h2 [attr.data-testid]="testIdPrefix() + 'title'">{{ heading() }}：{{ p?.name }}</h2>
        <ng-content select="[ptReportTitle]" />
        @if (ed.dirty()) {
          <span class="dirty" [attr.data-testid]="testIdPrefix() + 'dirty'">有未保存的修改</span>
        }
      </div>
      <ng-content select="[ptReportScore]" />
      <div class="buttons">
        <ng-content select="[ptReportLead]" />
        @if (ed.editable()) {
          <button nz-button [nzType]="primarySave() ? 'primary' : null" type="button" [nzLoading]="ed.busy() === 'save'" [disabled]="ed.busy() !== null" (click)="ed.save()" [attr.data-testid]="testIdPrefix() + 'save'">
            <span nz-icon nzType="save"></span>保存
          </button>
        }
        <ng-content />
        <a nz-button [routerLink]="['/projects', p?.id]" [attr.data-testid]="backTestId()">{{ backText() }}</a>
        <a nz-button [routerLink]="['/projects', p?.id, 'rectifications']" data-testid="open-rectifications">整改</a>
      </div>
    </div>

    <pt-failure-alert [failure]="ed.failure()" [testId]="testIdPrefix() + 'error'" [reloadTestId]="testIdPrefix() + 'reload'" [fieldLabel]="ed.fieldLabel"
      [conflictNote]="conflictNote()" [reloading]="ed.busy() === 'reload'" (closed)="ed.failure.set(null)" (reload)="ed.reload()" />
  `,
  styles: `
    /* the toolbar sticks within the page, as if the page drew it itself */
    :host { display: contents; }
    .toolbar {
      position: sticky; top: 0; z-index: 10; background: #fff; padding: 12px 16px; margin: -8px 0 16px;
      display: flex; flex-wrap: wrap; gap: 12px; justify-content: space-between; align-items: center;
      box-shadow: 0 1px 4px rgba(0, 0, 0, 0.08); border-radius: 4px;
    }
    .title { display: flex; flex-wrap: wrap; gap: var(--report-title-gap, 8px); align-items: center; min-width: 0; }
    .title h2 { margin: 0; font-size: 18px; }
    .dirty { color: #d46b08; font-size: 12px; }
    .buttons { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
  `,
})
export class ReportHeaderComponent {
  readonly ed: AnyReportEditor = inject(ProjectReportEditor);
  /** What the page is, before the project's name: 绩效自评, 运行监控. */
  readonly heading = input.required<string>();
  readonly testIdPrefix = input.required<string>();
  /** 保存 is the page's main button (no workflow step beside it). */
  readonly primarySave = input(false);
  readonly backText = input('返回项目');
  readonly backTestId = input<string | null>(null);
  /** Said under a 412 refusal: what the user typed is still in the form. */
  readonly conflictNote = input<string | null>(null);
}
