import { ChangeDetectionStrategy, Component, computed, input, model, output } from '@angular/core';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { pickCheckState, setAllPicks, togglePick } from './indicator-picker.state';
import type { PickCandidate } from './indicator-picker.state';

/** The server page a pick table shows: pagination when it has more rows than one page. */
export interface PickTablePage {
  total: number;
  /** 1-based. */
  page: number;
  pageSize: number;
}

/**
 * The tickable candidate rows of the indicator picker (a library page or a similar project's table): 一级, 二级,
 * 三级 (「已在表中」 when the table has the name: not tickable), the value, and for library rows their source and
 * usage. `[(selected)]` holds the ticked keys; paged by the caller (`page`, `pageChange`) when it shows a server page.
 */
@Component({
  selector: 'pt-pick-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzTableModule, NzTagModule],
  template: `
    <nz-table
      #table
      nzSize="small"
      [nzData]="rows()"
      [nzLoading]="loading()"
      [nzFrontPagination]="false"
      [nzShowPagination]="showPagination()"
      [nzTotal]="page()?.total ?? 0"
      [nzPageIndex]="page()?.page ?? 1"
      [nzPageSize]="page()?.pageSize ?? 10"
      [nzNoResult]="noResult()"
      (nzPageIndexChange)="pageChange.emit($event)"
      [attr.data-testid]="testId()"
    >
      <thead>
        <tr>
          <th
            nzWidth="40px"
            nzLabel="全选"
            [nzChecked]="check().all"
            [nzIndeterminate]="check().some"
            [nzDisabled]="disabled() || check().pickable === 0"
            (nzCheckedChange)="tickAll($event)"
          ></th>
          <th nzWidth="110px">一级指标</th>
          <th nzWidth="130px">二级指标</th>
          <th>三级指标</th>
          <th nzWidth="150px">{{ library() ? '参考指标值' : '指标值' }}</th>
          @if (library()) {
            <th nzWidth="80px" nzAlign="right">使用次数</th>
          }
        </tr>
      </thead>
      <tbody>
        @for (c of table.data; track c.key) {
          <tr [attr.data-testid]="rowTestId()" [class.existing]="c.existing">
            <td
              [nzLabel]="'选择 ' + c.row.name"
              [nzChecked]="selected().has(c.key)"
              [nzDisabled]="disabled() || c.existing"
              (nzCheckedChange)="tick(c.key, $event)"
            ></td>
            <td>{{ c.row.level1 }}</td>
            <td>{{ c.row.level2 }}</td>
            <td>
              {{ c.row.name }}
              @if (c.existing) {
                <nz-tag class="in-table">已在表中</nz-tag>
              }
              @if (c.source) {
                <div class="sub">来源：{{ c.source }}</div>
              }
            </td>
            <td>{{ c.row.target || '—' }}</td>
            @if (library()) {
              <td nzAlign="right">{{ c.usageCount ?? 0 }}</td>
            }
          </tr>
        }
      </tbody>
    </nz-table>
  `,
  styles: `
    .sub { color: rgba(0, 0, 0, 0.45); font-size: 12px; }
    .existing { color: rgba(0, 0, 0, 0.45); }
    .in-table { margin-left: 6px; }
  `,
})
export class PickTableComponent {
  readonly rows = input.required<readonly PickCandidate[]>();
  /** The ticked keys (of these rows and maybe others). */
  readonly selected = model<ReadonlySet<string>>(new Set());
  readonly disabled = input(false);
  /** Library rows: 参考指标值 and 使用次数. */
  readonly library = input(false);
  readonly loading = input(false);
  /** The server page shown (null: no pagination). */
  readonly page = input<PickTablePage | null>(null);
  readonly noResult = input('');
  readonly testId = input('');
  readonly rowTestId = input('');
  readonly pageChange = output<number>();

  readonly check = computed(() => pickCheckState(this.selected(), this.rows()));
  readonly showPagination = computed(() => {
    const p = this.page();
    return p !== null && p.total > p.pageSize;
  });

  tick(key: string, on: boolean): void {
    this.selected.set(togglePick(this.selected(), key, on));
  }

  /** Tick or untick every pickable row of this table. */
  tickAll(on: boolean): void {
    this.selected.set(setAllPicks(this.selected(), this.rows(), on));
  }
}
