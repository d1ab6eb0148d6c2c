import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { historyActionLabel } from '@pt/domain';
import { WORKBENCH_TODO_LABELS, WORKBENCH_TODO_TYPES, type Workbench, type WorkbenchTodoType } from '@pt/shared/api-types';
import { AuthStore } from '@pt/web/auth/data-access';
import { isReviewer, StatusPipe } from '@pt/web/projects/data-access';
import { loadState, PtDateTimePipe, toApiFailure } from '@pt/web/shared/data-access';
import { daysLeftText, deadlineState, pastDeadline, PROGRESS_COLORS, taskLink, taskStepLabel, todoLink, WorkbenchStore } from '@pt/web/work/data-access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { LoadErrorComponent } from '@pt/web/shared/ui';

/** The 待办 tab's order and colours: what came back first. */
const TODO_COLORS: Readonly<Record<WorkbenchTodoType, string>> = {
  returned: 'red',
  review: 'blue',
  fill: 'orange',
  monitoring: 'cyan',
  evaluation: 'purple',
  rectification: 'magenta',
};

/**
 * 工作台, the home page of a filler and a reviewer: the tasks with their deadlines (what is overdue in red, a notice as
 * a deadline nears or passes), 待办 (drafts, returned targets with the reason, monitoring and self-evaluations due,
 * reviews waiting, rectifications), 已办; every item links to its target.
 */
@Component({
  selector: 'pt-workbench-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    PtDateTimePipe,
    StatusPipe,
    NzAlertModule,
    NzButtonModule,
    LoadErrorComponent,
    NzCardModule,
    NzEmptyModule,
    NzIconModule,
    NzSpinModule,
    NzTableModule,
    NzTabsModule,
    NzTagModule,
  ],
  templateUrl: './workbench.page.html',
  styleUrl: './workbench.page.css',
})
export class WorkbenchPage {
  readonly auth = inject(AuthStore);
  private readonly store = inject(WorkbenchStore);
  readonly reviewer = computed(() => isReviewer(this.auth.user()));
  private readonly state = loadState(true);
  readonly loading = this.state.loading;
  readonly error = this.state.error;
  readonly data = signal<Workbench | null>(null);
  readonly reminders = this.store.reminders;
  readonly todo = computed(() => {
    const order = (t: WorkbenchTodoType) => Object.keys(TODO_COLORS).indexOf(t);
    return [...(this.data()?.todo ?? [])].sort((a, b) => order(a.type) - order(b.type) || (a.deadline ?? '9').localeCompare(b.deadline ?? '9'));
  });
  /** 「被退回 1 · 待审核 2」 above the 待办 table. */
  readonly todoCounts = computed(() =>
    WORKBENCH_TODO_TYPES.map((type) => ({ type, label: WORKBENCH_TODO_LABELS[type], n: this.todo().filter((t) => t.type === type).length })).filter((c) => c.n > 0),
  );

  readonly todoLabels = WORKBENCH_TODO_LABELS;
  readonly todoColors = TODO_COLORS;
  readonly progressColors = PROGRESS_COLORS;
  readonly todoLink = todoLink;
  readonly taskLink = taskLink;
  readonly pastDeadline = (d: string | null | undefined) => pastDeadline(d);
  readonly stepLabel = taskStepLabel;
  readonly daysLeftText = daysLeftText;
  readonly actionLabel = historyActionLabel;
  overdue(t: { daysLeft: number; status: string }): boolean {
    return deadlineState(t.daysLeft, t.status === '已完成') === 'overdue';
  }

  constructor() {
    void this.load();
  }

  async load(): Promise<void> {
    const data = await this.state.run(() => this.store.load(), (e) => toApiFailure(e, '工作台加载失败，请稍后重试').message);
    if (data) this.data.set(data);
  }
}
