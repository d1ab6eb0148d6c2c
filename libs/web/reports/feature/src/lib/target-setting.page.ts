import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { formatWan } from '@pt/domain';
import type { TargetSettingReport, TargetSettingTotals } from '@pt/shared/api-types';
import { DownloadCancelled, toExportFailure } from '@pt/web/exports/data-access';
import { orgOptions, ProjectsApi, visibleOrgs } from '@pt/web/projects/data-access';
import { loadOn, loadState, toApiFailure, YearOrgFilter, yearRange } from '@pt/web/shared/data-access';
import { LoadErrorComponent, YearOrgFilterComponent } from '@pt/web/shared/ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { TargetSettingApi, type TargetSettingFilter } from './target-setting.api';

/** Money of the report as the paragraph prints it: 万元, two decimals, thousands separators. */
export const wan = (yuan: string): string => formatWan(yuan) || '0.00';

interface Column {
  key: Exclude<keyof TargetSettingTotals, 'unitsWithoutDepartmentTarget'>;
  label: string;
  /** Yuan, shown in 万元. */
  money?: true;
}
/** The figures of a 主管部门's row and of the 合计 row, in column order. */
const COLUMNS: Column[] = [
  { key: 'units', label: '预算单位数' },
  { key: 'departmentTargets', label: '部门（单位）整体绩效目标' },
  { key: 'policyTargets', label: '政策绩效目标' },
  { key: 'policyFunds', label: '政策预算资金（万元）', money: true },
  { key: 'projectTargets', label: '项目绩效目标' },
  { key: 'projectFunds', label: '项目预算资金（万元）', money: true },
];

/**
 * 绩效目标设置情况: for a year (and an organisation), the targets of each kind declared per 主管部门 and the money they
 * cover, the units still without a 部门（单位）整体 target, and the budget document's paragraph to copy; 导出 gives
 * the same as .xlsx. Year and organisation live in the URL.
 */
@Component({
  selector: 'pt-target-setting-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzAlertModule, NzButtonModule, NzCardModule, NzIconModule, NzSpinModule, NzTableModule, NzTagModule, LoadErrorComponent, YearOrgFilterComponent],
  template: `
    <nz-card nzTitle="绩效目标设置情况" [nzExtra]="filters">
      <p class="lead">统计已提交、部门已审和已批复的绩效目标（草稿和已退回的不计），资金为年度预算资金，单位：万元。</p>
      <pt-load-error [error]="error()" testId="ts-error" (retried)="reload()" />
    </nz-card>
    <ng-template #filters>
      <div class="filters">
        <pt-year-org-filter testIdPrefix="ts-" [filter]="filter" [orgs]="orgChoices()" />
        <button nz-button nzType="primary" type="button" data-testid="ts-export" [nzLoading]="exporting()" [disabled]="!data()" (click)="exportXlsx()">
          <span nz-icon nzType="export"></span>导出 Excel
        </button>
      </div>
    </ng-template>

    <nz-spin [nzSpinning]="loading()" nzTip="正在统计…">
      @if (data(); as d) {
        <nz-card nzTitle="预算文本段落" [nzExtra]="copyTpl" class="block">
          <p class="paragraph" data-testid="ts-text">{{ d.text }}</p>
        </nz-card>
        <ng-template #copyTpl>
          <button nz-button type="button" data-testid="ts-copy" (click)="copy(d.text)"><span nz-icon nzType="copy"></span>复制</button>
        </ng-template>

        <nz-card nzTitle="各主管部门编报情况" class="block">
          <nz-table #t [nzData]="d.departments" [nzFrontPagination]="false" [nzShowPagination]="false" nzSize="middle" nzBordered data-testid="ts-table">
            <thead>
              <tr>
                <th>主管部门</th>
                @for (c of columns; track c.key) {
                  <th nzAlign="right">{{ c.label }}</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (r of t.data; track r.orgId) {
                <tr [attr.data-testid]="'ts-row-' + r.orgId">
                  <td>{{ r.name }}</td>
                  @for (c of columns; track c.key) {
                    <td nzAlign="right">{{ cell(r, c) }}</td>
                  }
                </tr>
              }
              <tr class="total" data-testid="ts-total">
                <td>合计</td>
                @for (c of columns; track c.key) {
                  <td nzAlign="right">{{ cell(d, c) }}</td>
                }
              </tr>
            </tbody>
          </nz-table>
        </nz-card>

        <nz-card [nzTitle]="'未编报部门（单位）整体绩效目标的单位（' + d.unitsWithoutDepartmentTarget.length + '个）'" class="block" data-testid="ts-missing">
          @if (d.unitsWithoutDepartmentTarget.length) {
            @for (name of d.unitsWithoutDepartmentTarget; track $index) {
              <nz-tag nzColor="orange" class="unit">{{ name }}</nz-tag>
            }
          } @else {
            <nz-alert nzType="success" nzShowIcon nzMessage="各预算单位均已编报部门（单位）整体绩效目标，实现了全覆盖。"></nz-alert>
          }
        </nz-card>
      }
    </nz-spin>
  `,
  styles: `
    .filters { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; --year-width: 110px; --org-width: 260px; }
    .lead { margin: 0 0 8px; color: rgba(0, 0, 0, 0.55); }
    .block { margin-top: 16px; }
    .paragraph { font-size: 15px; line-height: 1.9; text-indent: 2em; margin: 0; }
    .total td { font-weight: 600; background: #fafafa; }
    .unit { margin-bottom: 8px; }
  `,
})
export class TargetSettingPage {
  private readonly api = inject(TargetSettingApi);
  private readonly projects = inject(ProjectsApi);
  private readonly message = inject(NzMessageService);
  /** Year and organisation, in the URL. */
  readonly filter = new YearOrgFilter(yearRange(new Date().getFullYear() + 1, 2018), () => this.projects.years());
  readonly data = signal<TargetSettingReport | null>(null);
  private readonly report = loadState();
  readonly loading = this.report.loading;
  readonly error = this.report.error;
  readonly exporting = signal(false);
  private readonly orgs = visibleOrgs(this.projects);
  readonly orgChoices = computed(() => orgOptions(this.orgs()));
  readonly columns = COLUMNS;
  readonly reload = loadOn(() => this.filter.value(), (f) => this.load(f));

  cell(x: TargetSettingTotals, c: Column): string {
    const v = String(x[c.key]);
    return c.money ? wan(v) : v;
  }

  /** Copy the paragraph; where the browser refuses (no clipboard permission) say so instead of pretending. */
  async copy(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.message.success('已复制预算文本段落');
    } catch {
      this.message.error('浏览器不允许复制，请选中段落后按 Ctrl+C');
    }
  }

  async exportXlsx(): Promise<void> {
    this.exporting.set(true);
    try {
      const file = await this.api.download(this.filter.value());
      this.message.success(`已导出：${file.fileName}`);
    } catch (e) {
      if (!(e instanceof DownloadCancelled)) this.message.error(toExportFailure(e).message);
    } finally {
      this.exporting.set(false);
    }
  }

  private async load(f: TargetSettingFilter): Promise<void> {
    const d = await this.report.run(() => this.api.get(f), (e) => toApiFailure(e, '绩效目标设置情况加载失败', { 404: '单位不存在或您无权查看' }).message);
    if (d) this.data.set(d);
    else if (this.report.error()) this.data.set(null);
  }
}
