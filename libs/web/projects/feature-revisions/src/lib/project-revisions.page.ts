import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { Project, ProjectDiff, ProjectRevision } from '@pt/shared/api-types';
import { AuthStore } from '@pt/web/auth/data-access';
import { ProjectsApi, statusColor, statusLabel, toApiFailure } from '@pt/web/projects/data-access';
import type { ApiFailure } from '@pt/web/projects/data-access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import {
  canStartAdjustment,
  diffCounts,
  diffSummary,
  fieldValueText,
  parseRevision,
  resolveDiffRange,
  revisionLabel,
  revisionRows,
} from './revision-diff';
import type { DiffRange } from './revision-diff';
import { RevisionDiffTableComponent } from './revision-diff-table.component';
import { RevisionViewComponent } from './revision-view.component';
import { RevisionsApi } from './revisions.api';

const REASON_MAX = 2000;

/**
 * 版本与调整 (`projects/:id/revisions`): the revisions of a project (第 n 版, 批复时间, 调整理由, 当前),
 * the comparison of two revisions (default: the previous approved one → the current one) with the
 * header field changes and both indicator tables coloured by kind, 「查看第 n 版」 (read-only, in a
 * dialog) and, for a filler on an approved project, 「发起调整」 (asks the reason, then opens the
 * editor on the new draft). `from`, `to` and `view` live in the URL.
 *
 * Test ids: `revisions-title`, `revisions-table`, `revision-list-row`, `revision-view-btn`,
 * `revision-compare-btn`, `diff-from`, `diff-to`, `diff-only-changes`, `diff-fields`,
 * `diff-field-row`, `diff-annual`, `diff-overall`, `diff-summary`, `start-adjustment`,
 * `adjust-reason`, `adjust-error`, `revisions-error`.
 */
@Component({
  selector: 'pt-project-revisions-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    FormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzCheckboxModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzResultModule,
    NzSelectModule,
    NzSpinModule,
    NzTableModule,
    NzTagModule,
    RevisionDiffTableComponent,
    RevisionViewComponent,
  ],
  template: `
    @if (loadError(); as e) {
      <nz-result
        [nzStatus]="e.status === 404 ? '404' : e.status === 403 ? '403' : 'error'"
        [nzTitle]="e.status === 404 ? '项目不存在或您无权查看' : '加载失败'"
        [nzSubTitle]="e.message"
        data-testid="revisions-error"
      >
        <div nz-result-extra>
          <a nz-button routerLink="/projects">返回项目列表</a>
          @if (e.status !== 404 && e.status !== 403) {
            <button nz-button nzType="primary" type="button" (click)="reload()">重试</button>
          }
        </div>
      </nz-result>
    } @else if (!project()) {
      <div class="loading"><nz-spin nzSimple nzTip="正在加载…"></nz-spin></div>
    } @else {
      @let p = project()!;
      <nz-card [nzTitle]="titleTpl" [nzExtra]="extraTpl" class="block">
        <ng-template #titleTpl>
          <span data-testid="revisions-title">版本与调整 · {{ p.name }}</span>
          <nz-tag class="status" [nzColor]="statusColor(p.status)">{{ statusLabel(p.status) }}</nz-tag>
          <span class="sub">当前为{{ revisionLabel(p.revision) }}</span>
        </ng-template>
        <ng-template #extraTpl>
          <a nz-button [routerLink]="['/projects', p.id]"><span nz-icon nzType="rollback"></span>返回申报表</a>
          @if (canAdjust()) {
            <button nz-button nzType="primary" type="button" class="ml" data-testid="start-adjustment" (click)="openAdjust()">
              <span nz-icon nzType="edit"></span>发起调整
            </button>
          }
        </ng-template>
        <p class="lead">
          已批复的绩效目标是运行监控和绩效自评的依据。确需调整时由填报单位「发起调整」：生成新的版本（草稿），原批复版本留档可查；调整后的申报表须重新提交审核。
        </p>
        <nz-table nzTemplateMode nzSize="middle" data-testid="revisions-table">
          <thead>
            <tr>
              <th nzWidth="110px">版本</th>
              <th nzWidth="120px">状态</th>
              <th nzWidth="170px">批复时间</th>
              <th>调整理由</th>
              <th nzWidth="210px">操作</th>
            </tr>
          </thead>
          <tbody>
            @for (r of rows(); track r.revision) {
              <tr data-testid="revision-list-row" [class.current]="r.current">
                <td>
                  {{ r.label }}
                  @if (r.current) {
                    <nz-tag nzColor="blue" class="ml-s">当前</nz-tag>
                  }
                </td>
                <td>
                  @if (r.current) {
                    <nz-tag [nzColor]="statusColor(p.status)">{{ statusLabel(p.status) }}</nz-tag>
                  } @else {
                    <nz-tag nzColor="success">已批复</nz-tag>
                  }
                </td>
                <td>{{ r.approvedAt ? (r.approvedAt | date: 'yyyy-MM-dd HH:mm') : '未批复' }}</td>
                <td class="reason">{{ r.reason || (r.revision === firstRevision() ? '初次申报' : '—') }}</td>
                <td>
                  <button nz-button nzType="link" nzSize="small" type="button" data-testid="revision-view-btn" (click)="openView(r.revision)">
                    查看{{ r.label }}
                  </button>
                  @if (!r.current) {
                    <button nz-button nzType="link" nzSize="small" type="button" data-testid="revision-compare-btn" (click)="compare(r.revision, p.revision)">
                      与当前对比
                    </button>
                  }
                </td>
              </tr>
            }
          </tbody>
        </nz-table>
      </nz-card>

      <nz-card nzTitle="版本对比" class="block">
        @if (revisions().length < 2) {
          <p class="sub" data-testid="diff-none">该项目尚未调整过，只有{{ revisionLabel(p.revision) }}，没有可对比的版本。</p>
        } @else {
          <div class="compare-bar">
            <span>调整前</span>
            <nz-select class="rev-select" aria-label="调整前版本" data-testid="diff-from" [ngModel]="range()?.from" (ngModelChange)="compare($event, range()?.to ?? p.revision)">
              @for (r of rows(); track r.revision) {
                <nz-option [nzValue]="r.revision" [nzLabel]="r.label + (r.current ? '（当前）' : '')" />
              }
            </nz-select>
            <span nz-icon nzType="swap"></span>
            <span>调整后</span>
            <nz-select class="rev-select" aria-label="调整后版本" data-testid="diff-to" [ngModel]="range()?.to" (ngModelChange)="compare(range()?.from ?? p.revision, $event)">
              @for (r of rows(); track r.revision) {
                <nz-option [nzValue]="r.revision" [nzLabel]="r.label + (r.current ? '（当前）' : '')" />
              }
            </nz-select>
            <span nz-checkbox data-testid="diff-only-changes" [nzChecked]="onlyChanges()" (nzCheckedChange)="onlyChanges.set($event)">只看有变化的指标</span>
          </div>

          @if (range(); as rg) {
            @if (rg.from === rg.to) {
              <nz-alert nzType="info" nzShowIcon nzMessage="请选择两个不同的版本进行对比"></nz-alert>
            } @else if (diffError(); as e) {
              <nz-alert nzType="error" nzShowIcon [nzMessage]="e" [nzAction]="retryDiffTpl"></nz-alert>
              <ng-template #retryDiffTpl><button nz-button nzSize="small" type="button" (click)="reloadDiff()">重试</button></ng-template>
            } @else {
              <nz-spin [nzSpinning]="diffLoading()">
                @if (diff(); as d) {
                  <p class="legend">
                    <span class="lg lg-added">新增</span><span class="lg lg-removed">删除</span><span class="lg lg-changed">修改</span><span class="lg">未变</span>
                    <span class="sub">比较{{ revisionLabel(d.from) }}与{{ revisionLabel(d.to) }}</span>
                  </p>

                  <h4 class="title">表头字段</h4>
                  @if (d.fields.length === 0) {
                    <p class="sub" data-testid="diff-fields">表头字段没有变化</p>
                  } @else {
                    <nz-table nzTemplateMode nzSize="small" nzBordered data-testid="diff-fields">
                      <thead>
                        <tr>
                          <th nzWidth="180px">字段</th>
                          <th>调整前（{{ revisionLabel(d.from) }}）</th>
                          <th>调整后（{{ revisionLabel(d.to) }}）</th>
                        </tr>
                      </thead>
                      <tbody>
                        @for (f of d.fields; track f.field) {
                          <tr data-testid="diff-field-row">
                            <td>{{ f.label }}</td>
                            <td class="old-val">{{ fieldText(f.before) }}</td>
                            <td class="new-val">{{ fieldText(f.after) }}</td>
                          </tr>
                        }
                      </tbody>
                    </nz-table>
                  }

                  <h4 class="title">
                    年度绩效指标
                    <span class="summary" data-testid="diff-summary">{{ annualSummary() }}</span>
                  </h4>
                  <pt-revision-diff-table data-testid="diff-annual" [rows]="d.annualRows" [onlyChanges]="onlyChanges()" />

                  @if (d.overallRows.length > 0) {
                    <h4 class="title">
                      项目总目标指标
                      <span class="summary">{{ overallSummary() }}</span>
                    </h4>
                    <pt-revision-diff-table data-testid="diff-overall" [rows]="d.overallRows" [onlyChanges]="onlyChanges()" />
                  }
                }
              </nz-spin>
            }
          }
        }
      </nz-card>
    }

    <nz-modal
      [nzVisible]="viewRev() !== null"
      [nzTitle]="viewRev() !== null ? revisionLabel(viewRev()!) + '（只读）' : ''"
      [nzWidth]="1100"
      [nzFooter]="viewFooter"
      (nzOnCancel)="closeView()"
    >
      <ng-container *nzModalContent>
        @if (viewError(); as e) {
          <nz-alert nzType="error" nzShowIcon [nzMessage]="e"></nz-alert>
        } @else if (viewProject(); as vp) {
          <pt-revision-view [project]="vp" />
        } @else {
          <div class="loading"><nz-spin nzSimple></nz-spin></div>
        }
      </ng-container>
    </nz-modal>
    <ng-template #viewFooter>
      <button nz-button type="button" (click)="closeView()">关闭</button>
    </ng-template>

    <nz-modal
      [nzVisible]="adjustOpen()"
      nzTitle="发起调整"
      nzOkText="发起调整"
      nzCancelText="取消"
      [nzOkLoading]="adjustBusy()"
      [nzMaskClosable]="false"
      (nzOnOk)="submitAdjust()"
      (nzOnCancel)="closeAdjust()"
    >
      <ng-container *nzModalContent>
        @if (project(); as p) {
          <p>
            将在已批复的{{ revisionLabel(p.revision) }}基础上生成<strong>{{ revisionLabel(p.revision + 1) }}</strong>（草稿），{{ revisionLabel(p.revision) }}留档可查。调整完成后须重新提交审核。
          </p>
        }
        @if (adjustError(); as e) {
          <nz-alert class="error" nzType="error" nzShowIcon [nzMessage]="e" data-testid="adjust-error"></nz-alert>
        }
        <form nz-form nzLayout="vertical" (ngSubmit)="submitAdjust()">
          <nz-form-item>
            <nz-form-label nzRequired nzFor="adjust-reason">调整理由</nz-form-label>
            <nz-form-control [nzValidateStatus]="reasonError() ? 'error' : ''" [nzErrorTip]="reasonError() ?? ''" [nzExtra]="reasonCount()">
              <textarea
                nz-input
                id="adjust-reason"
                name="reason"
                rows="4"
                [attr.maxlength]="reasonMax"
                placeholder="如：年中追加预算，培训场次由 10 场增加到 15 场"
                data-testid="adjust-reason"
                [ngModel]="adjustReason()"
                (ngModelChange)="setReason($event)"
              ></textarea>
            </nz-form-control>
          </nz-form-item>
        </form>
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .block { margin-bottom: 16px; }
    .loading { display: flex; justify-content: center; padding: 48px 0; }
    .status { margin-left: 8px; }
    .sub { color: rgba(0, 0, 0, 0.45); font-size: 13px; font-weight: normal; margin-left: 8px; }
    p.sub { margin-left: 0; }
    .lead { color: rgba(0, 0, 0, 0.55); margin-top: 0; }
    .ml { margin-left: 8px; }
    .ml-s { margin-left: 6px; }
    tr.current > td { background: #e6f4ff; }
    .reason { white-space: pre-wrap; }
    .compare-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin-bottom: 16px; }
    .rev-select { width: 150px; }
    .title { margin: 16px 0 8px; }
    .summary { font-weight: normal; font-size: 13px; color: rgba(0, 0, 0, 0.55); margin-left: 8px; }
    .legend { margin: 0 0 8px; }
    .lg { display: inline-block; padding: 0 8px; margin-right: 6px; font-size: 12px; border: 1px solid #d9d9d9; border-radius: 4px; }
    .lg-added { background: #f6ffed; border-color: #b7eb8f; color: #389e0d; }
    .lg-removed { background: #fff1f0; border-color: #ffa39e; color: #cf1322; text-decoration: line-through; }
    .lg-changed { background: #fff7e6; border-color: #ffd591; color: #d46b08; }
    .old-val { color: #a8071a; }
    .new-val { color: #ad4e00; font-weight: 500; }
    .error { margin-bottom: 12px; }
  `,
})
export class ProjectRevisionsPage {
  /** Route parameter `:id`. */
  readonly id = input.required<string>();
  /** Query parameters: the compared revisions and the one shown read-only. */
  readonly from = input<string | undefined>();
  readonly to = input<string | undefined>();
  readonly view = input<string | undefined>();

  private readonly api = inject(RevisionsApi);
  private readonly projects = inject(ProjectsApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly message = inject(NzMessageService);

  readonly statusLabel = statusLabel;
  readonly statusColor = statusColor;
  readonly revisionLabel = revisionLabel;
  readonly fieldText = fieldValueText;
  readonly reasonMax = REASON_MAX;

  readonly project = signal<Project | null>(null);
  readonly revisions = signal<ProjectRevision[]>([]);
  readonly loadError = signal<ApiFailure | null>(null);
  private loadSeq = 0;

  readonly rows = computed(() => revisionRows(this.revisions()));
  readonly firstRevision = computed(() => this.rows()[0]?.revision ?? 1);
  readonly range = computed<DiffRange | null>(() => resolveDiffRange(this.revisions(), this.from(), this.to()), {
    equal: (a, b) => a?.from === b?.from && a?.to === b?.to,
  });
  readonly onlyChanges = signal(false);

  readonly diff = signal<ProjectDiff | null>(null);
  readonly diffLoading = signal(false);
  readonly diffError = signal<string | null>(null);
  private diffSeq = 0;
  readonly annualSummary = computed(() => {
    const d = this.diff();
    return d ? diffSummary(diffCounts(d.annualRows)) : '';
  });
  readonly overallSummary = computed(() => {
    const d = this.diff();
    return d ? diffSummary(diffCounts(d.overallRows)) : '';
  });

  readonly viewRev = computed(() => parseRevision(this.view(), this.revisions()));
  readonly viewProject = signal<Project | null>(null);
  readonly viewError = signal<string | null>(null);
  private viewSeq = 0;

  readonly canAdjust = computed(() => canStartAdjustment(this.auth.user(), this.project()));
  readonly adjustOpen = signal(false);
  readonly adjustReason = signal('');
  readonly adjustBusy = signal(false);
  readonly adjustError = signal<string | null>(null);
  readonly reasonError = signal<string | null>(null);
  readonly reasonCount = computed(() => `${this.adjustReason().trim().length} / ${REASON_MAX}`);

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
    effect(() => {
      const id = this.id();
      const range = this.range();
      untracked(() => void this.loadDiff(id, range));
    });
    effect(() => {
      const id = this.id();
      const rev = this.viewRev();
      untracked(() => void this.loadView(id, rev));
    });
  }

  reload(): void {
    void this.load(this.id());
  }

  private async load(id: string): Promise<void> {
    const seq = ++this.loadSeq;
    this.loadError.set(null);
    try {
      const [project, revisions] = await Promise.all([this.projects.get(id), this.api.list(id)]);
      if (seq !== this.loadSeq) return;
      this.project.set(project);
      this.revisions.set(revisions);
    } catch (e) {
      if (seq === this.loadSeq) this.loadError.set(toApiFailure(e, '加载版本记录失败，请稍后重试'));
    }
  }

  // ---------------------------------------------------------------- comparison

  compare(from: number, to: number): void {
    this.setQuery({ from, to });
  }

  reloadDiff(): void {
    void this.loadDiff(this.id(), this.range());
  }

  private async loadDiff(id: string, range: DiffRange | null): Promise<void> {
    const seq = ++this.diffSeq;
    this.diffError.set(null);
    if (!range || range.from === range.to) {
      this.diff.set(null);
      this.diffLoading.set(false);
      return;
    }
    this.diffLoading.set(true);
    try {
      const d = await this.api.diff(id, range.from, range.to);
      if (seq === this.diffSeq) this.diff.set(d);
    } catch (e) {
      if (seq === this.diffSeq) {
        this.diff.set(null);
        this.diffError.set(toApiFailure(e, '版本对比加载失败，请稍后重试').message);
      }
    } finally {
      if (seq === this.diffSeq) this.diffLoading.set(false);
    }
  }

  // ---------------------------------------------------------------- 查看第 n 版

  openView(revision: number): void {
    this.setQuery({ view: revision });
  }

  closeView(): void {
    this.setQuery({ view: null });
  }

  private async loadView(id: string, rev: number | null): Promise<void> {
    const seq = ++this.viewSeq;
    this.viewProject.set(null);
    this.viewError.set(null);
    if (rev === null) return;
    try {
      const p = await this.api.get(id, rev);
      if (seq === this.viewSeq) this.viewProject.set(p);
    } catch (e) {
      if (seq === this.viewSeq) this.viewError.set(toApiFailure(e, '该版本加载失败，请稍后重试').message);
    }
  }

  private setQuery(params: Record<string, number | null>): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: params, queryParamsHandling: 'merge', replaceUrl: true });
  }

  // ---------------------------------------------------------------- 发起调整

  openAdjust(): void {
    this.adjustReason.set('');
    this.adjustError.set(null);
    this.reasonError.set(null);
    this.adjustOpen.set(true);
  }

  closeAdjust(): void {
    if (!this.adjustBusy()) this.adjustOpen.set(false);
  }

  setReason(v: string): void {
    this.adjustReason.set(v ?? '');
    if (this.reasonError()) this.reasonError.set(null);
  }

  async submitAdjust(): Promise<void> {
    const p = this.project();
    if (!p || this.adjustBusy()) return;
    const reason = this.adjustReason().trim();
    if (!reason) {
      this.reasonError.set('请填写调整理由');
      return;
    }
    if (reason.length > REASON_MAX) {
      this.reasonError.set(`调整理由最多 ${REASON_MAX} 个字符`);
      return;
    }
    this.adjustBusy.set(true);
    this.adjustError.set(null);
    try {
      const adjusted = await this.api.adjust(p.id, p.version, reason);
      this.adjustOpen.set(false);
      this.message.success(`已发起调整，当前为${revisionLabel(adjusted.revision)}（草稿），请修改后重新提交`);
      await this.router.navigate(['/projects', p.id]);
    } catch (e) {
      const f = toApiFailure(e, '发起调整失败，请稍后重试');
      this.adjustError.set(f.status === 412 ? '该项目已被他人修改，已重新加载最新版本，请确认后再发起调整' : f.message);
      if (f.status === 412 || f.status === 409) this.reload();
    } finally {
      this.adjustBusy.set(false);
    }
  }
}
