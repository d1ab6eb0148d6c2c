import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { ProjectDiff } from '@pt/shared/api-types';
import { loadOn, LoadState, toApiFailure } from '@pt/web/shared/data-access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { diffCounts, diffSummary, fieldValueText, RowDiffTableComponent } from '@pt/web/projects/ui';
import { revisionLabel } from './revision-diff';
import type { DiffRange, RevisionRow } from './revision-diff';
import { RevisionsApi } from './revisions.api';

/**
 * 版本对比 of 版本与调整: the two revisions compared (the page keeps them in the URL), the header field changes
 * and both indicator tables coloured by kind. Loads the diff whenever the range changes; a late answer of an
 * earlier range is dropped.
 *
 * Test ids: `diff-from`, `diff-to`, `diff-only-changes`, `diff-fields`, `diff-field-row`, `diff-annual`,
 * `diff-overall`, `diff-summary`.
 */
@Component({
  selector: 'pt-revision-compare',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzCheckboxModule, NzIconModule, NzSelectModule, NzSpinModule, NzTableModule, RowDiffTableComponent],
  template: `
    <div class="compare-bar">
      <span>调整前</span>
      <nz-select class="rev-select" aria-label="调整前版本" data-testid="diff-from" [ngModel]="range()?.from" (ngModelChange)="compare.emit({ from: $event, to: range()?.to ?? current() })">
        @for (r of rows(); track r.revision) {
          <nz-option [nzValue]="r.revision" [nzLabel]="r.label + (r.current ? '（当前）' : '')" />
        }
      </nz-select>
      <span nz-icon nzType="swap"></span>
      <span>调整后</span>
      <nz-select class="rev-select" aria-label="调整后版本" data-testid="diff-to" [ngModel]="range()?.to" (ngModelChange)="compare.emit({ from: range()?.from ?? current(), to: $event })">
        @for (r of rows(); track r.revision) {
          <nz-option [nzValue]="r.revision" [nzLabel]="r.label + (r.current ? '（当前）' : '')" />
        }
      </nz-select>
      <span nz-checkbox data-testid="diff-only-changes" [nzChecked]="onlyChanges()" (nzCheckedChange)="onlyChanges.set($event)">只看有变化的指标</span>
    </div>

    @if (range(); as rg) {
      @if (rg.from === rg.to) {
        <nz-alert nzType="info" nzShowIcon nzMessage="请选择两个不同的版本进行对比"></nz-alert>
      } @else if (state.error(); as e) {
        <nz-alert nzType="error" nzShowIcon [nzMessage]="e" [nzAction]="retryDiffTpl"></nz-alert>
        <ng-template #retryDiffTpl><button nz-button nzSize="small" type="button" (click)="reload()">重试</button></ng-template>
      } @else {
        <nz-spin [nzSpinning]="state.loading()">
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
            <pt-row-diff-table data-testid="diff-annual" [rows]="d.annualRows" [onlyChanges]="onlyChanges()" />

            @if (d.overallRows.length > 0) {
              <h4 class="title">
                项目总目标指标
                <span class="summary">{{ overallSummary() }}</span>
              </h4>
              <pt-row-diff-table data-testid="diff-overall" [rows]="d.overallRows" [onlyChanges]="onlyChanges()" />
            }
          }
        </nz-spin>
      }
    }
  `,
  styles: `
    .sub { color: rgba(0, 0, 0, 0.45); font-size: 13px; font-weight: normal; margin-left: 8px; }
    p.sub { margin-left: 0; }
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
  `,
})
export class RevisionCompareComponent {
  readonly projectId = input.required<string>();
  /** The revisions offered in both selects. */
  readonly rows = input.required<readonly RevisionRow[]>();
  /** The current revision: the side a select falls back to. */
  readonly current = input.required<number>();
  readonly range = input.required<DiffRange | null>();
  readonly compare = output<DiffRange>();

  private readonly api = inject(RevisionsApi);

  readonly revisionLabel = revisionLabel;
  readonly fieldText = fieldValueText;
  readonly onlyChanges = signal(false);
  readonly diff = signal<ProjectDiff | null>(null);
  readonly state = new LoadState();
  readonly annualSummary = computed(() => {
    const d = this.diff();
    return d ? diffSummary(diffCounts(d.annualRows)) : '';
  });
  readonly overallSummary = computed(() => {
    const d = this.diff();
    return d ? diffSummary(diffCounts(d.overallRows)) : '';
  });

  constructor() {
    loadOn(() => ({ id: this.projectId(), range: this.range() }), ({ id, range }) => this.load(id, range));
  }

  reload(): void {
    void this.load(this.projectId(), this.range());
  }

  private async load(id: string, range: DiffRange | null): Promise<void> {
    if (!range || range.from === range.to) {
      this.diff.set(null);
      return;
    }
    const d = await this.state.run(
      () => this.api.diff(id, range.from, range.to),
      (e) => toApiFailure(e, '版本对比加载失败，请稍后重试').message,
    );
    if (d) this.diff.set(d);
  }
}
