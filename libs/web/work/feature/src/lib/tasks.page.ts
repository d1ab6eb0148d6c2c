import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TASK_KIND_LABELS, TASK_KINDS, type TaskKind, type WorkTask } from '@pt/shared/api-types';
import { orgOptions, ProjectsApi } from '@pt/web/projects/data-access';
import { formDialog, loadState, PtDateTimePipe, toApiFailure, yearRange } from '@pt/web/shared/data-access';
import { CrudModalComponent, FormFieldComponent, ListCardComponent, YearSelectComponent } from '@pt/web/shared/ui';
import { taskStepLabel, WorkApi, WorkbenchStore } from '@pt/web/work/data-access';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { defaultTaskTitle, newTaskForm, taskBody, taskFormFailure, type TaskForm } from './task-form';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** 任务管理: the tasks of a year (title, step, deadline, units covered), 新建任务 in a dialog, each one's progress. */
@Component({
  selector: 'pt-tasks-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    PtDateTimePipe,
    NzDatePickerModule,
    NzInputModule,
    NzRadioModule,
    NzSelectModule,
    NzTableModule,
    CrudModalComponent,
    FormFieldComponent,
    ListCardComponent,
    YearSelectComponent,
  ],
  template: `
    <pt-list-card
      title="任务管理"
      lead="下达申报、运行监控、绩效自评任务及截止日期；点击任务查看各单位进度。"
      [state]="list"
      retry
      errorTestId="tasks-error"
      reloadTestId="tasks-reload"
      addTestId="task-add"
      addLabel="新建任务"
      (reload)="load()"
      (add)="openCreate()"
    >
      <div ptListFilters class="filters">
        <pt-year-select [years]="years" [value]="year()" testId="tasks-year" (valueChange)="year.set($event); load()" />
      </div>
      <nz-table #table [nzData]="tasks()" [nzLoading]="list.loading()" nzSize="middle" [nzPageSize]="20" [nzHideOnSinglePage]="true" data-testid="tasks-table">
        <thead>
          <tr><th>任务名称</th><th>内容</th><th>截止日期</th><th>覆盖单位</th><th>下达单位</th><th>下达时间</th></tr>
        </thead>
        <tbody>
          @for (t of table.data; track t.id) {
            <tr [attr.data-testid]="'task-row-' + t.id">
              <td><a [routerLink]="['/tasks', t.id]">{{ t.title }}</a></td>
              <td>{{ stepLabel(t) }}</td>
              <td>{{ t.deadline }}</td>
              <td>{{ t.orgIds.length }} 个</td>
              <td>{{ t.setterOrgName }}</td>
              <td>{{ t.createdAt | ptDateTime }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
    </pt-list-card>

    <pt-crud-modal
      title="新建任务"
      okText="下达"
      [dialog]="dialog"
      [width]="600"
      testId="task-form"
      (submitted)="save()"
    >
      @if (dialog.form(); as f) {
        <pt-form-field label="任务类型" required [error]="dialog.err('kind')">
          <nz-radio-group [ngModel]="f.kind" (ngModelChange)="setKind($event)" name="kind" data-testid="task-kind">
            @for (k of kinds; track k) {
              <label nz-radio [nzValue]="k">{{ kindLabels[k] }}</label>
            }
          </nz-radio-group>
        </pt-form-field>
        <pt-form-field label="年度" controlId="task-year" required [error]="dialog.err('year')">
          <pt-year-select inputId="task-year" [years]="years" [value]="f.year" testId="task-year" (valueChange)="setYear($event)" />
        </pt-form-field>
        @if (f.kind === 'monitoring') {
          <pt-form-field label="监控月份" controlId="task-month" required [error]="dialog.err('month')">
            <nz-select nzId="task-month" [ngModel]="f.month" (ngModelChange)="setMonth($event)" name="month" nzPlaceHolder="选择月份" data-testid="task-month">
              @for (m of months; track m) {
                <nz-option [nzValue]="m" [nzLabel]="m + ' 月'"></nz-option>
              }
            </nz-select>
          </pt-form-field>
        }
        <pt-form-field label="任务名称" controlId="task-title" required [error]="dialog.err('title')">
          <input nz-input id="task-title" name="title" maxlength="200" [ngModel]="f.title" (ngModelChange)="dialog.patch({ title: $event })" data-testid="task-title" />
        </pt-form-field>
        <pt-form-field label="截止日期" controlId="task-deadline" required [error]="dialog.err('deadline')">
          <nz-date-picker nzId="task-deadline" name="deadline" nzFormat="yyyy-MM-dd" nzPlaceHolder="选择日期" [ngModel]="f.deadline" (ngModelChange)="dialog.patch({ deadline: $event })" data-testid="task-deadline"></nz-date-picker>
        </pt-form-field>
        <pt-form-field label="覆盖单位" controlId="task-orgs" extra="不选：本单位可见的全部单位" [error]="dialog.err('orgIds')">
          <nz-select nzId="task-orgs" nzMode="multiple" nzShowSearch nzAllowClear name="orgIds" nzPlaceHolder="全部单位" [nzOptions]="orgChoices()" [ngModel]="f.orgIds" (ngModelChange)="dialog.patch({ orgIds: $event })" data-testid="task-orgs"></nz-select>
        </pt-form-field>
      }
    </pt-crud-modal>
  `,
  styles: `
    .filters { margin-bottom: 16px; display: flex; gap: 8px; }
  `,
})
export class TasksPage {
  private readonly api = inject(WorkApi);
  private readonly projects = inject(ProjectsApi);
  private readonly workbench = inject(WorkbenchStore);
  private readonly message = inject(NzMessageService);
  readonly list = loadState(true);
  readonly tasks = signal<WorkTask[]>([]);
  private readonly thisYear = new Date().getFullYear();
  // 申报 in autumn is for the next year; a few more ahead for multi-year planning
  readonly years = yearRange(this.thisYear + 3, this.thisYear - 5);
  readonly year = signal(this.thisYear);
  readonly dialog = formDialog<TaskForm>();
  readonly kinds = TASK_KINDS;
  readonly kindLabels = TASK_KIND_LABELS;
  readonly months = MONTHS;
  readonly stepLabel = taskStepLabel;
  /** The units a task may cover (the departments too: a department reports its own targets). */
  readonly orgChoices = signal<{ value: string; label: string }[]>([]);

  constructor() {
    void this.load();
    this.projects.orgs().then(
      (orgs) => this.orgChoices.set(orgOptions(orgs, ['department', 'unit']).map(({ value, label }) => ({ value, label }))),
      () => this.orgChoices.set([]),
    );
  }

  async load(): Promise<void> {
    await this.list.run(async () => this.tasks.set(await this.api.tasks(this.year())), (e) => toApiFailure(e, '任务列表加载失败，请稍后重试').message);
  }

  openCreate(): void {
    const form = newTaskForm(this.year());
    this.dialog.show({ ...form, title: defaultTaskTitle(form.kind, form.year, null, TASK_KIND_LABELS) });
  }

  /** A title still the default follows the step; one the user typed stays. */
  private retitle(next: Partial<TaskForm>): void {
    const f = this.dialog.form();
    if (!f) return;
    const wasDefault = f.title === defaultTaskTitle(f.kind, f.year, f.month, TASK_KIND_LABELS) || f.title === '';
    const n = { ...f, ...next };
    this.dialog.patch(wasDefault ? { ...next, title: defaultTaskTitle(n.kind, n.year, n.month, TASK_KIND_LABELS) } : next);
  }

  setKind(kind: TaskKind): void {
    this.retitle({ kind });
  }

  setYear(year: number): void {
    this.retitle({ year });
  }

  setMonth(month: number | null): void {
    this.retitle({ month });
  }

  async save(): Promise<void> {
    const year = this.dialog.form()?.year ?? this.year();
    const saved = await this.dialog.save({
      check: taskFormFailure,
      send: async (f) => this.api.createTask(taskBody(f)),
      toFailure: (e) => toApiFailure(e, '任务下达失败，请稍后重试'),
    });
    if (saved) {
      this.message.success('任务已下达');
      this.workbench.invalidate();
      // the list shows the new task's year
      this.year.set(year);
      await this.load();
    }
  }
}
