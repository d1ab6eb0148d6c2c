import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { HISTORY_ACTION_LABELS, reasonRefusal, type TransitionAction } from '@pt/domain';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { ReasonDialogComponent, type ReasonQuestion } from './reason-dialog.component';
import { ReviewConfirmComponent, type ReviewConfirmation } from './review-confirm.component';

const BAR_ORDER: readonly TransitionAction[] = ['submit', 'withdraw', 'approve', 'return'];
const BAR_ICONS: Readonly<Record<TransitionAction, string>> = { submit: 'send', withdraw: 'rollback', approve: 'check', return: 'rollback' };

interface ActionButton {
  action: TransitionAction;
  primary: boolean;
  icon: string;
  label: string;
  /** The question of 提交 / 撤回; null: 审核通过 / 退回 (the reviewer's comment instead). */
  confirm: string | null;
}

/** One step of the review workflow the user chose: the action and, for 审核通过 / 退回, the trimmed comment. */
export interface WorkflowStep {
  action: TransitionAction;
  comment?: string;
}

/**
 * The workflow buttons of any reviewable document (a target, its self-evaluation), one per allowed action the
 * document's permissions name: 提交 and 撤回 behind a confirmation, 审核通过 and 退回 with the reviewer's comment —
 * in a dialog (`reason="dialog"`) or in a text box above the buttons (`reason="inline"`, with the page's own
 * content between them). 退回 needs a comment (the domain's rule); the bar says so instead of emitting. 审核通过 and
 * 退回 are then confirmed once more; `blocked` disables one with its reason shown (a 中 overall review).
 *
 * Test ids, after `testIdPrefix`: `submit`, `withdraw`, `approve`, `return` (+ `-blocked`); the dialog's `comment`
 * (+ `-ok`, `-cancel`, `-required`); the inline box's `review-comment` and `comment-required`; the confirmation's
 * `confirm` (+ `-ok`, `-cancel`).
 */
@Component({
  selector: 'pt-workflow-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, NzButtonModule, NzIconModule, NzInputModule, NzPopconfirmModule, ReasonDialogComponent, ReviewConfirmComponent],
  // the buttons join the page's own row of buttons (its flex gap applies)
  host: { style: 'display: contents' },
  styles: `
    .buttons { display: flex; gap: 8px; }
    .error-tip { color: #ff4d4f; margin-top: 4px; }
    .blocked { color: #d46b08; font-size: 12px; align-self: center; }
  `,
  template: `
    @if (reason() === 'inline' && reviewing()) {
      <textarea
        nz-input
        [nzAutosize]="{ minRows: 3, maxRows: 10 }"
        [nzStatus]="missing() ? 'error' : ''"
        maxlength="2000"
        [placeholder]="inlinePlaceholder()"
        aria-label="审核意见"
        [attr.data-testid]="testIdPrefix() + 'review-comment'"
        [value]="text()"
        (input)="text.set($any($event.target).value); missing.set(false)"
      ></textarea>
      @if (missing()) {
        <div class="error-tip" [attr.data-testid]="testIdPrefix() + 'comment-required'">退回时请填写退回意见</div>
      }
      <ng-content />
      <div class="buttons">
        <ng-container [ngTemplateOutlet]="bar" />
      </div>
    } @else {
      <ng-container [ngTemplateOutlet]="bar" />
    }

    <ng-template #bar>
      @for (b of buttons(); track b.action) {
        @if (b.confirm) {
          <!-- 提交 / 撤回: asked once more -->
          <button nz-button [nzType]="b.primary ? 'primary' : 'default'" type="button" nz-popconfirm [nzPopconfirmTitle]="b.confirm" [nzOkText]="b.label" nzCancelText="取消"
            (nzOnConfirm)="acted.emit({ action: b.action })" [nzLoading]="busy() === b.action" [disabled]="busy() !== null" [attr.data-testid]="testIdPrefix() + b.action">
            <span nz-icon [nzType]="b.icon"></span>{{ b.label }}
          </button>
        } @else {
          <button nz-button [nzType]="b.primary ? 'primary' : 'default'" [nzDanger]="b.action === 'return'" type="button" (click)="review(b.action)"
            [nzLoading]="busy() === b.action" [disabled]="busy() !== null || !!blockedBy(b.action)" [attr.title]="blockedBy(b.action)" [attr.data-testid]="testIdPrefix() + b.action">
            <span nz-icon [nzType]="b.icon"></span>{{ b.label }}
          </button>
          @if (blockedBy(b.action); as why) {
            <span class="blocked" [attr.data-testid]="testIdPrefix() + b.action + '-blocked'">{{ why }}</span>
          }
        }
      }
    </ng-template>

    <!-- 审核通过 / 退回: asked once more, with the comment -->
    <pt-review-confirm [step]="confirming()" [testId]="testIdPrefix() + 'confirm'" (confirmed)="confirmStep()" (cancelled)="confirming.set(null)" />

    @if (reason() === 'dialog' && reviewing()) {
      <pt-reason-dialog [open]="asking() !== null" [question]="question()" [testId]="testIdPrefix() + 'comment'" (confirmed)="confirmDialog($event)" (cancelled)="asking.set(null)" />
    }
  `,
})
export class WorkflowActionsComponent {
  /** The actions the document's permissions allow this user (the bar shows one button each). */
  readonly actions = input.required<readonly TransitionAction[]>();
  /** The action (or other write) under way: its button spins, every button waits. */
  readonly busy = input<string | null>(null);
  readonly reason = input<'dialog' | 'inline'>('dialog');
  readonly testIdPrefix = input('');
  readonly approveText = input('审核通过');
  readonly returnTitle = input('退回');
  readonly submitConfirm = input('提交后不能修改，除非撤回或被退回。确定提交？');
  readonly withdrawConfirm = input('撤回后回到草稿状态，可继续修改。确定撤回？');
  readonly inlinePlaceholder = input('总体意见：通过时选填；退回时必填，请写明需要修改的内容');
  /** Why an action cannot be taken now (a 中 overall review cannot approve): its button disabled, the reason beside it. */
  readonly blocked = input<Partial<Record<TransitionAction, string | null>>>({});
  /** Lines the confirmation adds (the structured review). */
  readonly confirmDetails = input<readonly string[]>([]);
  readonly acted = output<WorkflowStep>();

  /** The inline box's text; the dialog keeps its own. */
  readonly text = signal('');
  readonly missing = signal(false);
  /** The review action whose dialog is open. */
  readonly asking = signal<null | 'approve' | 'return'>(null);
  /** The dialog's question: 退回 needs its reason, 审核通过 takes an optional comment. */
  readonly question = computed<ReasonQuestion>(() =>
    this.asking() === 'return'
      ? { title: this.returnTitle(), placeholder: '退回原因（必填）', okText: '退回', danger: true, required: true, requiredMessage: '退回时请填写退回原因' }
      : { title: this.approveText(), placeholder: '审核意见（选填）', okText: this.approveText() },
  );
  readonly reviewing = computed(() => this.has('approve') || this.has('return'));
  /** The buttons in the order the bar shows them: the filler's, then the reviewer's. */
  readonly buttons = computed<ActionButton[]>(() =>
    BAR_ORDER.filter((a) => this.has(a)).map((action) => ({
      action,
      primary: action !== 'withdraw' && action !== 'return',
      icon: BAR_ICONS[action],
      label: action === 'approve' ? this.approveText() : HISTORY_ACTION_LABELS[action],
      confirm: action === 'submit' ? this.submitConfirm() : action === 'withdraw' ? this.withdrawConfirm() : null,
    })),
  );

  /** The step waiting for the reviewer's confirmation. */
  readonly confirming = signal<ReviewConfirmation | null>(null);

  blockedBy(action: TransitionAction): string | null {
    return this.blocked()[action] ?? null;
  }

  has(action: TransitionAction): boolean {
    return this.actions().includes(action);
  }

  review(action: TransitionAction): void {
    if (action !== 'approve' && action !== 'return') return;
    if (this.reason() === 'dialog') {
      this.asking.set(action);
      return;
    }
    const comment = this.text().trim();
    if (reasonRefusal(action, comment)) {
      this.missing.set(true);
      return;
    }
    this.ask(action, comment);
  }

  /** 审核通过 / 退回 with its comment, to be confirmed. */
  private ask(action: 'approve' | 'return', comment: string): void {
    if (this.blockedBy(action)) return;
    const label = action === 'approve' ? this.approveText() : HISTORY_ACTION_LABELS.return;
    this.confirming.set({ action, label, details: this.confirmDetails(), ...(comment === '' ? {} : { comment }) });
  }

  confirmStep(): void {
    const step = this.confirming();
    if (!step) return;
    this.confirming.set(null);
    this.acted.emit(step.comment ? { action: step.action, comment: step.comment } : { action: step.action });
  }

  confirmDialog(comment: string): void {
    const action = this.asking();
    if (!action) return;
    this.asking.set(null);
    this.ask(action, comment);
  }
}
