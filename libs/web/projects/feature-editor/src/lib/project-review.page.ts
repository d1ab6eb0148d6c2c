import { ChangeDetectionStrategy, Component, computed, inject, input, signal, viewChild } from '@angular/core';
import { Router } from '@angular/router';
import type { Finding, StructuredReview } from '@pt/domain';
import { ProjectsApi, statusLabel } from '@pt/web/projects/data-access';
import type { TransitionAction, TransitionBody } from '@pt/web/projects/data-access';
import { FailureAlertComponent, IndicatorTableComponent, toEditorRows } from '@pt/web/projects/ui';
import {
  draftReview,
  ReviewChangesComponent,
  ReviewGradesComponent,
  reviewBlock,
  reviewChanges,
  reviewLines,
  type ReviewChanges,
  type ReviewDraft,
} from '@pt/web/projects/ui';
import { ActionRunner, loadOn } from '@pt/web/shared/data-access';
import type { WorkflowStep } from '@pt/web/shared/ui';
import type { EditorRow } from '@pt/web/projects/ui';
import { NzMessageService } from 'ng-zorro-antd/message';
import { ProjectDocument } from './project-document';
import { fieldLabel } from './project-form';
import { reviewBody } from './review';
import { TARGET_PAGE_IMPORTS } from './target-page.imports';

/**
 * 审核: the declaration read-only, a comment input on every indicator row, the overall comment,
 * 通过 and 退回 (退回 needs a comment), and the history.
 */
@Component({
  selector: 'pt-project-review-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [...TARGET_PAGE_IMPORTS, FailureAlertComponent, ReviewChangesComponent, ReviewGradesComponent],
  template: `
    @if (loading() || loadError()) {
      <pt-page-load [error]="loadError()" [backLink]="'/inbox'" backText="返回审核待办" (retry)="load()" />
    } @else if (project(); as p) {
      <div class="toolbar">
        <div class="title">
          <h2 data-testid="project-title">审核：{{ p.name }}</h2>
          <nz-tag [nzColor]="p.status | ptStatus: 'color'" data-testid="project-status">{{ p.status | ptStatus }}</nz-tag>
          <span class="meta">{{ p.year }} 年度 · {{ p.orgName }} · 版本 {{ p.version }}</span>
        </div>
        <div class="buttons">
          <a nz-button [routerLink]="['/projects', p.id]">查看申报表</a>
          <a nz-button routerLink="/inbox">返回审核待办</a>
        </div>
      </div>

      <pt-failure-alert
        [failure]="failure()"
        testId="action-error"
        reloadTestId="reload"
        [fieldLabel]="label"
        (closed)="failure.set(null)"
        (reload)="load()"
      />

      @if (!canReview()) {
        <nz-alert class="block" nzType="info" nzShowIcon [nzMessage]="'该项目当前为「' + (p.status | ptStatus) + '」，不在您的审核环节。'" data-testid="not-reviewable" />
      }

      <nz-spin [nzSpinning]="busy() !== null">
        <nz-card class="block" nzSize="small" nzTitle="申报表">
          <pt-project-header-view [project]="p" [framework]="framework()" />
        </nz-card>

        @if (changes(); as c) {
          <!-- what changed since the last return (the API keeps the target as returned) -->
          <nz-card class="block changes" nzSize="small" [nzTitle]="'自上次退回以来的修改（' + c.by + ' 退回于 ' + (c.since | ptDateTime) + '）'">
            <pt-review-changes [changes]="c" />
          </nz-card>
        }

        <nz-card class="block" nzSize="small" [nzTitle]="'绩效指标（' + p.year + ' 年度）'">
          <pt-indicator-table
            [rows]="rows()"
            [framework]="framework()"
            [context]="{ year: p.year, startDate: p.startDate, endDate: p.endDate, funds: p.funds }"
            [readonly]="true"
            [commentable]="canReview()"
            [(comments)]="rowComments"
            [reviewComments]="reviewComments()"
            [history]="rowHistory()"
          />
        </nz-card>

        <nz-card class="block" nzSize="small" nzTitle="检查结果">
          <pt-findings-panel [live]="liveFindings()" [server]="serverFindings()" />
        </nz-card>

        @if (canReview()) {
          <nz-card class="block" nzSize="small" nzTitle="审核意见">
            <pt-workflow-actions reason="inline" approveText="通过" [actions]="reviewActions()" [busy]="busy()" [blocked]="blocked()" [confirmDetails]="confirmLines()" (acted)="act($event)">
              <pt-review-grades [(value)]="reviewDraft" testId="review" />
              <p class="hint">已填写逐行意见 {{ rowCommentCount() }} 条。逐行意见随「通过」或「退回」一并提交。</p>
            </pt-workflow-actions>
          </nz-card>
        }

        <nz-card class="block" nzSize="small" nzTitle="流转记录">
          <pt-history-timeline [entries]="history()" />
        </nz-card>
      </nz-spin>
    }
  `,
  styles: `
    .toolbar { display: flex; flex-wrap: wrap; gap: 12px; justify-content: space-between; align-items: center; margin-bottom: 16px; }
    .title { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
    .title h2 { margin: 0; font-size: 18px; }
    .meta { color: rgba(0, 0, 0, 0.45); font-size: 12px; }
    .buttons { display: flex; gap: 8px; }
    .block { margin-bottom: 16px; display: block; }
    .changes { border-color: #ffd591; }
    .hint { color: rgba(0, 0, 0, 0.45); font-size: 12px; margin: 8px 0; }
  `,
})
export class ProjectReviewPage {
  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  private readonly api = inject(ProjectsApi);
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);

  readonly label = fieldLabel;

  /** The project, its load, history, findings and framework. */
  private readonly doc = new ProjectDocument(this.api);
  readonly project = this.doc.project;
  readonly rows = signal<EditorRow[]>([]);
  readonly loadError = this.doc.loadError;
  readonly loading = this.doc.loading;
  /** 通过 / 退回: the one on its way, the last failure. */
  private readonly actionRunner = new ActionRunner<TransitionAction>();
  readonly failure = this.actionRunner.failure;
  readonly busy = this.actionRunner.busy;
  readonly history = this.doc.history;
  readonly serverFindings = this.doc.serverFindings;

  readonly rowComments = signal<Record<string, string>>({});
  readonly rowCommentCount = computed(() => Object.values(this.rowComments()).filter((c) => c.trim() !== '').length);

  readonly actions = computed(() => this.project()?.permissions.actions ?? []);
  /** This page takes the reviewer's steps only (提交 / 撤回 are the editor's). */
  readonly reviewActions = computed(() => this.actions().filter((a) => a === 'approve' || a === 'return'));
  readonly canReview = computed(() => this.reviewActions().length > 0);
  readonly framework = this.doc.framework;
  private readonly table = viewChild(IndicatorTableComponent);
  readonly liveFindings = computed<Finding[]>(() => this.table()?.findings() ?? []);
  readonly reviewComments = this.doc.reviewComments;
  readonly rowHistory = this.doc.rowHistory;
  /** The structured review (财预〔2015〕88号): 中 or 差 overall cannot approve — the button says why. */
  readonly reviewDraft = signal<ReviewDraft>({});
  readonly blocked = computed(() => ({ approve: reviewBlock('approve', this.reviewDraft()), return: reviewBlock('return', this.reviewDraft()) }));
  readonly confirmLines = computed(() => reviewLines(this.reviewDraft()));
  /** What changed since the target was last returned (by any reviewer, single or batch). */
  readonly changes = signal<ReviewChanges | null>(null);

  constructor() {
    loadOn(() => this.id(), (id) => this.load(id));
  }

  async load(id = this.id()): Promise<void> {
    const p = await this.doc.fetch(id);
    if (!p) return;
    this.failure.set(null);
    this.project.set(p);
    this.rows.set(toEditorRows(p.indicators));
    // the comparison is a side view: if it cannot be read the review goes on without it
    const [changes] = await Promise.all([this.api.changes(p.id).catch(() => null), this.doc.refreshSide(p.id)]);
    this.changes.set(reviewChanges(changes));
  }

  /** 通过 / 退回 from the action bar (which has checked that 退回 carries a comment), with the row comments. */
  async act({ action, comment }: WorkflowStep): Promise<void> {
    const p = this.project();
    if (!p || (action !== 'approve' && action !== 'return')) return;
    const body = reviewBody(action, comment ?? '', this.rowComments(), this.rows());
    if (!body) return;
    await this.actionRunner.run(action, action === 'approve' ? '审核失败，请稍后重试' : '退回失败，请稍后重试', async () => {
      const review = draftReview(this.reviewDraft());
      const sent: TransitionBody & { review?: StructuredReview | null } = review ? { ...body, review } : body;
      const next = await this.api.transition(p.id, p.version, sent);
      this.message.success(action === 'approve' ? `已审核通过（${statusLabel(next.status)}）` : '已退回给填报单位');
      await this.router.navigate(['/inbox']);
    });
  }
}
