import { ChangeDetectionStrategy, Component, computed, inject, input, model } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { KindPipe, StatusPipe } from '@pt/web/projects/data-access';
import type { ProjectSummary } from '@pt/web/projects/data-access';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { GRADE_TAG_COLORS, LIGHT_COLORS, LIGHT_LABELS } from './list-helpers';
import { PtDateTimePipe, PtMoneyPipe } from '@pt/web/shared/data-access';
import { ServerTableComponent, type ServerPage } from '@pt/web/shared/ui';

/**
 * One page of targets of every kind (server-side paging: the page's `list` takes the pagination): 年度, 类型, 名称 (a link; the whole row opens it), 单位, 状态, 年度资金, 指标数,
 * the self-evaluation's score and grade, the monitoring light, 更新时间. In 审核待办 a row opens the review page.
 *
 * Test ids: `project-table`, `project-row`, `project-name`, `project-status`, `project-score`, `project-grade`,
 * `project-light`; with `selectable` (批量审核) the checkboxes `select-all` and `select-row`.
 */
@Component({
  selector: 'pt-project-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [KindPipe, PtDateTimePipe, PtMoneyPipe, RouterLink, NzTableModule, NzTagModule, ServerTableComponent, StatusPipe],
  template: `
    <pt-server-table
      testId="project-table"
      [page]="list()"
      [loading]="loading()"
      [unit]="kind() === 'project' ? '个项目' : '个绩效目标'"
      [scroll]="{ x: '1240px' }"
      [noResult]="inbox() ? '暂无待审核的绩效目标' : '暂无绩效目标'"
    >
      <ng-template>
        <thead>
          <tr>
            @if (selectable()) {
              <th nzWidth="48px" nzLabel="全选本页" [nzChecked]="allSelected()" [nzIndeterminate]="someSelected()" (nzCheckedChange)="selectAll($event)" data-testid="select-all"></th>
            }
            <th nzWidth="80px">年度</th>
            <th nzWidth="130px">类型</th>
            <th class="col-name">名称</th>
            <th class="col-org">单位</th>
            <th nzWidth="100px">状态</th>
            <th nzWidth="150px" nzAlign="right">年度资金（元）</th>
            <th nzWidth="80px" nzAlign="right">指标数</th>
            <th nzWidth="90px" nzAlign="right">自评得分</th>
            <th nzWidth="70px">等级</th>
            <th nzWidth="60px">监控</th>
            <th nzWidth="150px">更新时间</th>
          </tr>
        </thead>
        <tbody>
          @for (p of items(); track p.id) {
            <tr class="row" data-testid="project-row" (click)="open(p)">
              @if (selectable()) {
                <td [nzLabel]="'选择 ' + p.name" [nzChecked]="selected().includes(p.id)" (nzCheckedChange)="toggle(p.id, $event)" (click)="$event.stopPropagation()" data-testid="select-row"></td>
              }
              <td>{{ p.year }}</td>
              <td><nz-tag [nzColor]="p.kind | ptKind: 'color'" data-testid="project-kind">{{ p.kind | ptKind }}</nz-tag></td>
              <td>
                <a [routerLink]="linkOf(p)" (click)="$event.stopPropagation()" data-testid="project-name">{{ p.name }}</a>
              </td>
              <td>
                {{ p.orgName }}
                @if (p.departmentName) {
                  <div class="sub">{{ p.departmentName }}</div>
                }
              </td>
              <td>
                <nz-tag [nzColor]="p.status | ptStatus: 'color'" data-testid="project-status">{{ p.status | ptStatus }}</nz-tag>
              </td>
              <td nzAlign="right">{{ p.annualTotal | ptMoney }}</td>
              <td nzAlign="right">{{ p.indicatorCount }}</td>
              <td nzAlign="right" data-testid="project-score">{{ p.evaluation?.totalScore ?? '—' }}</td>
              <td data-testid="project-grade">
                @if (p.evaluation; as ev) {
                  <nz-tag [nzColor]="gradeColor[ev.grade]">{{ ev.grade }}</nz-tag>
                } @else {
                  —
                }
              </td>
              <td data-testid="project-light">
                @if (p.light; as l) {
                  <span class="dot" role="img" [attr.aria-label]="lightLabel[l]" [title]="lightLabel[l]" [attr.data-light]="l" [style.background]="lightColor[l]"></span>
                } @else {
                  <span title="未监控">—</span>
                }
              </td>
              <td>{{ p.updatedAt | ptDateTime }}</td>
            </tr>
          }
        </tbody>
      </ng-template>
    </pt-server-table>
  `,
  styles: `
    .row { cursor: pointer; }
    .sub { color: rgba(0, 0, 0, 0.45); font-size: 12px; }
    .col-name { min-width: 180px; }
    /* eleven columns: the table scrolls sideways in its card (nzScroll) and the unit keeps room for its name */
    .col-org { min-width: 200px; }
    .dot { display: inline-block; width: 12px; height: 12px; border-radius: 50%; vertical-align: middle; }
  `,
})
export class ProjectTableComponent {
  /** The page of summaries of any kind (`kind` absent in an answer of /api/projects: a project). */
  readonly list = input.required<ServerPage<ProjectSummary & { kind?: string }>>();
  readonly loading = input(false);
  /** 审核待办: rows open the review page. */
  readonly inbox = input(false);
  /** The list's kind filter: the total counts 项目 only when it is narrowed to projects, else 绩效目标. */
  readonly kind = input<string | null>(null);
  /** 批量审核: a checkbox per row and one for the page; `selected` holds the ids. */
  readonly selectable = input(false);
  readonly selected = model<readonly string[]>([]);
  protected readonly items = computed(() => this.list().items());
  readonly allSelected = computed(() => this.items().length > 0 && this.items().every((p) => this.selected().includes(p.id)));
  readonly someSelected = computed(() => !this.allSelected() && this.items().some((p) => this.selected().includes(p.id)));

  private readonly router = inject(Router);

  readonly gradeColor = GRADE_TAG_COLORS;
  readonly lightColor = LIGHT_COLORS;
  readonly lightLabel = LIGHT_LABELS;

  linkOf(p: ProjectSummary): string[] {
    return this.inbox() ? ['/projects', p.id, 'review'] : ['/projects', p.id];
  }

  toggle(id: string, on: boolean): void {
    const rest = this.selected().filter((x) => x !== id);
    this.selected.set(on ? [...rest, id] : rest);
  }

  selectAll(on: boolean): void {
    const page = this.items().map((p) => p.id);
    const rest = this.selected().filter((x) => !page.includes(x));
    this.selected.set(on ? [...rest, ...page] : rest);
  }

  open(p: ProjectSummary): void {
    void this.router.navigate(this.linkOf(p));
  }
}
