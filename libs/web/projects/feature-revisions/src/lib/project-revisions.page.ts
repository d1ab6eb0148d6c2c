import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { Project, ProjectRevision } from '@pt/shared/api-types';
import { AuthStore } from '@pt/web/auth/data-access';
import { loadOn, LoadState, PtDateTimePipe, toApiFailure } from '@pt/web/shared/data-access';
import { ProjectsApi, StatusPipe } from '@pt/web/projects/data-access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { canStartAdjustment, parseRevision, resolveDiffRange, revisionLabel, revisionRows } from './revision-diff';
import type { DiffRange } from './revision-diff';
import { AdjustDialogComponent } from './adjust-dialog.component';
import { RevisionCompareComponent } from './revision-compare.component';
import { RevisionViewComponent } from './revision-view.component';
import { RevisionsApi } from './revisions.api';
import type { ApiFailure } from '@pt/web/shared/data-access';

/**
 * 版本与调整 (`projects/:id/revisions`): the revisions of a project (第 n 版, 批复时间, 调整理由, 当前),
 * the comparison of two revisions (default: the previous approved one → the current one) with the
 * header field changes and both indicator tables coloured by kind, 「查看第 n 版」 (read-only, in a
 * dialog) and, for a filler on an approved project, 「发起调整」 (asks the reason, then opens the
 * editor on the new draft). `from`, `to` and `view` live in the URL.
 *
 * Test ids: `revisions-title`, `revisions-table`, `revision-list-row`, `revision-view-btn`,
 * `revision-compare-btn`, `diff-none`, `start-adjustment`, `revisions-error`; the comparison's
 * (RevisionCompareComponent) and 发起调整's (AdjustDialogComponent).
 */
@Component({
  selector: 'pt-project-revisions-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    PtDateTimePipe,
    StatusPipe,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzIconModule,
    NzModalModule,
    NzResultModule,
    NzSpinModule,
    NzTableModule,
    NzTagModule,
    AdjustDialogComponent,
    RevisionCompareComponent,
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
          <nz-tag class="status" [nzColor]="p.status | ptStatus: 'color'">{{ p.status | ptStatus }}</nz-tag>
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
                    <nz-tag [nzColor]="p.status | ptStatus: 'color'">{{ p.status | ptStatus }}</nz-tag>
                  } @else {
                    <nz-tag nzColor="success">已批复</nz-tag>
                  }
                </td>
                <td>{{ r.approvedAt ? (r.approvedAt | ptDateTime) : '未批复' }}</td>
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
          <pt-revision-compare [projectId]="p.id" [rows]="rows()" [current]="p.revision" [range]="range()" (compare)="compare($event.from, $event.to)" />
        }
      </nz-card>
      <pt-adjust-dialog [open]="adjustOpen()" [project]="p" (closed)="adjustOpen.set(false)" (stale)="reload()" />
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

  readonly revisionLabel = revisionLabel;

  readonly project = signal<Project | null>(null);
  readonly revisions = signal<ProjectRevision[]>([]);
  private readonly state = new LoadState<ApiFailure>();
  readonly loadError = this.state.error;

  readonly rows = computed(() => revisionRows(this.revisions()));
  readonly firstRevision = computed(() => this.rows()[0]?.revision ?? 1);
  readonly range = computed<DiffRange | null>(() => resolveDiffRange(this.revisions(), this.from(), this.to()), {
    equal: (a, b) => a?.from === b?.from && a?.to === b?.to,
  });
  readonly viewRev = computed(() => parseRevision(this.view(), this.revisions()));
  readonly viewProject = signal<Project | null>(null);
  readonly viewError = signal<string | null>(null);
  private viewSeq = 0;

  readonly canAdjust = computed(() => canStartAdjustment(this.auth.user(), this.project()));
  readonly adjustOpen = signal(false);

  constructor() {
    loadOn(() => this.id(), (id) => this.load(id));
    loadOn(() => ({ id: this.id(), rev: this.viewRev() }), ({ id, rev }) => this.loadView(id, rev));
  }

  reload(): void {
    void this.load(this.id());
  }

  private async load(id: string): Promise<void> {
    const loaded = await this.state.run(
      () => Promise.all([this.projects.get(id), this.api.list(id)]),
      (e) => toApiFailure(e, '加载版本记录失败，请稍后重试'),
    );
    if (!loaded) return;
    this.project.set(loaded[0]);
    this.revisions.set(loaded[1]);
  }

  // ---------------------------------------------------------------- comparison

  compare(from: number, to: number): void {
    this.setQuery({ from, to });
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

  openAdjust(): void {
    this.adjustOpen.set(true);
  }
}
