import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { mayIssueRectification, RECTIFICATION_FIELD_LABELS as F, RECTIFICATION_TITLE } from '@pt/domain';
import { AuthStore } from '@pt/web/auth/data-access';
import { AttachmentsClient, AttachmentsComponent } from '@pt/web/evidence/ui';
import { ProjectsApi, type Target } from '@pt/web/projects/data-access';
import { FailureAlertComponent } from '@pt/web/projects/ui';
import { RectificationApi, type Rectification, type RectificationAction } from '@pt/web/rectification/data-access';
import { type ApiFailure, loadOn, toApiFailure } from '@pt/web/shared/data-access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzMessageService } from 'ng-zorro-antd/message';
import { RectificationCardComponent } from './rectification-card.component';

/**
 * 整改 of one target (domain §11): its notices newest first (the unit answers and submits; a reviewer accepts or
 * returns), a reviewer's form to issue a new one (the server refuses it, in Chinese, without a red light or a 中/差
 * self-evaluation), and the open notices of last year's same-name target. Test ids: `rect-issue-*`, `rect-list`,
 * `rect-carried`, `rect-failure`.
 */
@Component({
  selector: 'pt-rectification-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NzAlertModule, NzButtonModule, NzCardModule, AttachmentsComponent, FailureAlertComponent, RectificationCardComponent],
  template: `
    <h2>{{ TITLE }} · {{ target()?.name ?? '' }}（{{ target()?.year ?? '' }} 年）</h2>
    <p><a [routerLink]="['/projects', id()]">返回目标</a> · <a [routerLink]="['/projects', id(), 'evaluation']">绩效自评</a> · <a [routerLink]="['/projects', id(), 'monitoring']">运行监控</a></p>
    <pt-failure-alert [failure]="failure()" testId="rect-failure" reloadTestId="rect-reload" [fieldLabel]="fieldLabel" (closed)="failure.set(null)" (reload)="load()" />
    @if (carried().length > 0) {
      <nz-alert nzType="warning" nzShowIcon data-testid="rect-carried" [nzMessage]="'上年同名目标有 ' + carried().length + ' 项整改尚未完成'" [nzDescription]="carriedText()" class="block" />
    }
    @if (canIssue()) {
      <nz-card nzSize="small" nzTitle="下达整改通知" class="block">
        <div class="form">
          <label>{{ F.problems }}<textarea class="ant-input" rows="3" maxlength="5000" data-testid="rect-issue-problems" [value]="problems()" (input)="problems.set($any($event.target).value)"></textarea></label>
          <label>{{ F.requirements }}<textarea class="ant-input" rows="3" maxlength="5000" data-testid="rect-issue-requirements" [value]="requirements()" (input)="requirements.set($any($event.target).value)"></textarea></label>
          <label>{{ F.deadline }}<input type="date" class="ant-input" data-testid="rect-issue-deadline" [value]="deadline()" (input)="deadline.set($any($event.target).value)" /></label>
        </div>
        <button nz-button nzType="primary" type="button" data-testid="rect-issue" [disabled]="busy()" (click)="issue()">下达</button>
      </nz-card>
    }
    <div data-testid="rect-list">
      @for (r of list(); track r.id + ':' + r.version) {
        <pt-rectification-card [rect]="r" [busy]="busy()" (answer)="answer(r, $event)" (act)="act(r, $event.action, $event.comment)" />
        <nz-card nzSize="small" nzTitle="整改佐证材料" class="block">
          <pt-attachments [targetId]="id()" purpose="rectification" [rectificationId]="r.id" [testId]="'rect-attachments-' + $index" />
        </nz-card>
      } @empty {
        <p class="empty">暂无整改通知</p>
      }
    </div>
  `,
  styles: `
    .block { display: block; margin-bottom: 12px; }
    .form { display: grid; grid-template-columns: 1fr 1fr 180px; gap: 12px; margin-bottom: 10px; }
    .form label { display: flex; flex-direction: column; gap: 4px; color: rgba(0,0,0,.65); }
    .empty { color: rgba(0,0,0,.45); }
  `,
})
export class RectificationPage {
  /** Route parameter `:id` (the target). */
  readonly id = input.required<string>();

  private readonly api = inject(RectificationApi);
  private readonly projects = inject(ProjectsApi);
  private readonly auth = inject(AuthStore);
  private readonly message = inject(NzMessageService);
  private readonly attachments = inject(AttachmentsClient);

  readonly target = signal<Target | null>(null);
  readonly list = signal<Rectification[]>([]);
  readonly carried = signal<Rectification[]>([]);
  readonly failure = signal<ApiFailure | null>(null);
  readonly busy = signal(false);
  readonly problems = signal('');
  readonly requirements = signal('');
  readonly deadline = signal('');
  readonly canIssue = computed(() => {
    const u = this.auth.user();
    return !!u && mayIssueRectification(u);
  });
  readonly carriedText = computed(() => this.carried().map((r) => `${r.targetYear} 年：${r.problems}（${F.deadline} ${r.deadline}）`).join('；'));

  protected readonly F = F;
  protected readonly TITLE = RECTIFICATION_TITLE;
  readonly fieldLabel = (field: string) => (F as Record<string, string>)[field] ?? field;

  constructor() {
    loadOn(() => this.id(), () => this.load());
  }

  async load(): Promise<void> {
    const id = this.id();
    try {
      // the notices' files and which may change are read with them (a submit or a return changes the latter)
      const [target, list, carried] = await Promise.all([this.projects.get(id), this.api.list(id), this.api.carried(id), this.attachments.reload(id)]);
      this.target.set(target);
      this.list.set(list);
      this.carried.set(carried);
      this.failure.set(null);
    } catch (e) {
      this.failure.set(toApiFailure(e, '整改通知加载失败'));
    }
  }

  async issue(): Promise<void> {
    await this.run(async () => {
      await this.api.create(this.id(), { problems: this.problems(), requirements: this.requirements(), deadline: this.deadline() });
      this.problems.set('');
      this.requirements.set('');
      this.deadline.set('');
      this.message.success('已下达整改通知');
    });
  }

  async answer(r: Rectification, feedback: string): Promise<void> {
    await this.run(async () => {
      await this.api.answer(r, feedback.trim() === '' ? null : feedback);
      this.message.success('整改情况已保存');
    });
  }

  async act(r: Rectification, action: RectificationAction, comment: string): Promise<void> {
    await this.run(async () => {
      await this.api.transition(r, action, comment.trim() || null);
      this.message.success('已完成操作');
    });
  }

  /** A write, then the list again (a failure is shown with its fields; what was typed stays). */
  private async run(task: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.failure.set(null);
    try {
      await task();
      this.list.set(await this.api.list(this.id()));
    } catch (e) {
      this.failure.set(toApiFailure(e, '操作失败'));
    } finally {
      this.busy.set(false);
    }
  }
}
