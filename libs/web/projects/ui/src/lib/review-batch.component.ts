import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { reasonRefusal, type StructuredReview } from '@pt/domain';
import { ReviewConfirmComponent, type ReviewConfirmation } from '@pt/web/shared/ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { ReviewGradesComponent } from './review-grades.component';
import { draftReview, reviewBlock, reviewLines, type ReviewDraft } from './review-rules';

/** What the reviewer chose for every selected target: one action, one comment, one structured review. */
export interface BatchReviewRequest {
  action: 'approve' | 'return';
  comment?: string;
  review?: StructuredReview;
}

/** One target's outcome, as the page reports it (see batchOutcomes in @pt/web/work/data-access). */
export interface BatchReviewOutcome {
  id: string;
  name: string;
  ok: boolean;
  message: string | null;
}

/**
 * 批量审核 in the inbox: the selection's count, 批量通过 and 批量退回 with one comment and one structured review (退回
 * needs the comment; 中 or 差 overall cannot approve — the button disabled with the reason), asked once more, and
 * afterwards what happened to each target (a stale one reported, the others done).
 *
 * Test ids: `batch-bar`, `batch-count`, `batch-approve`, `batch-return`, `batch-clear`; the dialog's `batch-comment`,
 * `batch-review-<dimension>`, `batch-ok` (+ `-blocked`), `batch-cancel`, `batch-comment-required`; the confirmation
 * `batch-confirm` (+ `-ok`); the results `batch-results`, `batch-result-<id>`.
 */
@Component({
  selector: 'pt-review-batch',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzIconModule, NzInputModule, NzModalModule, ReviewGradesComponent, ReviewConfirmComponent],
  styles: `
    :host { display: block; }
    .bar { display: flex; align-items: center; gap: 8px; padding: 8px 12px; margin-bottom: 12px; background: #e6f4ff; border: 1px solid #91caff; border-radius: 6px; }
    .grow { flex: 1; }
    .blocked { color: #d46b08; font-size: 12px; }
    .field-error { color: #ff4d4f; font-size: 12px; margin-top: 2px; }
    .results { margin-bottom: 12px; }
    .results ul { margin: 4px 0 0; padding-left: 20px; }
    .fail { color: #cf1322; }
    textarea { margin-top: 8px; }
  `,
  template: `
    @if (count() > 0) {
      <div class="bar" data-testid="batch-bar" role="toolbar" aria-label="批量审核">
        <span data-testid="batch-count">已选 {{ count() }} 项</span>
        <span class="grow"></span>
        <button nz-button nzType="primary" type="button" (click)="start('approve')" [nzLoading]="busy() === 'approve'" [disabled]="busy() !== null" data-testid="batch-approve">
          <span nz-icon nzType="check"></span>批量通过
        </button>
        <button nz-button nzDanger type="button" (click)="start('return')" [nzLoading]="busy() === 'return'" [disabled]="busy() !== null" data-testid="batch-return">
          <span nz-icon nzType="rollback"></span>批量退回
        </button>
        <button nz-button nzType="link" type="button" (click)="clear.emit()" [disabled]="busy() !== null" data-testid="batch-clear">取消选择</button>
      </div>
    }
    @if (outcomes().length > 0) {
      <nz-alert class="results" [nzType]="failed() > 0 ? 'warning' : 'success'" nzShowIcon nzCloseable [nzMessage]="summary()" [nzDescription]="list" (nzOnClose)="dismiss.emit()" data-testid="batch-results"></nz-alert>
      <ng-template #list>
        <ul>
          @for (o of outcomes(); track o.id) {
            <li [class.fail]="!o.ok" [attr.data-testid]="'batch-result-' + o.id">{{ o.name }}：{{ o.ok ? '已处理' : o.message }}</li>
          }
        </ul>
      </ng-template>
    }

    <nz-modal [nzVisible]="action() !== null" [nzTitle]="title()" [nzFooter]="footer" [nzWidth]="560" [nzMaskClosable]="false" (nzOnCancel)="action.set(null)">
      <ng-container *nzModalContent>
        <p>对所选 {{ count() }} 个绩效目标{{ action() === 'approve' ? '审核通过' : '退回' }}，每个目标单独处理：已被他人处理的目标会被列出，其余照常处理。</p>
        <pt-review-grades [(value)]="draft" testId="batch-review" />
        <textarea
          nz-input
          maxlength="2000"
          aria-label="审核意见"
          [nzAutosize]="{ minRows: 3, maxRows: 8 }"
          [placeholder]="action() === 'return' ? '退回原因（必填）' : '审核意见（选填）'"
          [nzStatus]="missing() ? 'error' : ''"
          [ngModel]="comment()"
          (ngModelChange)="comment.set($event); missing.set(false)"
          data-testid="batch-comment"
        ></textarea>
        @if (missing()) {
          <div class="field-error" data-testid="batch-comment-required">退回时请填写退回原因</div>
        }
      </ng-container>
      <ng-template #footer>
        @if (blocked(); as why) {
          <span class="blocked" data-testid="batch-ok-blocked">{{ why }}</span>
        }
        <button nz-button type="button" (click)="action.set(null)" data-testid="batch-cancel">取消</button>
        <button nz-button nzType="primary" [nzDanger]="action() === 'return'" type="button" [disabled]="!!blocked()" (click)="ok()" data-testid="batch-ok">
          {{ action() === 'approve' ? '批量通过' : '批量退回' }}
        </button>
      </ng-template>
    </nz-modal>

    <pt-review-confirm [step]="confirming()" testId="batch-confirm" (confirmed)="confirmed()" (cancelled)="confirming.set(null)" />
  `,
})
export class ReviewBatchComponent {
  /** How many targets are selected. */
  readonly count = input(0);
  /** The batch under way (its button spins, both wait). */
  readonly busy = input<'approve' | 'return' | null>(null);
  /** The last batch's outcomes (none: no report). */
  readonly outcomes = input<readonly BatchReviewOutcome[]>([]);
  readonly run = output<BatchReviewRequest>();
  readonly clear = output<void>();
  readonly dismiss = output<void>();

  readonly action = signal<'approve' | 'return' | null>(null);
  readonly draft = signal<ReviewDraft>({});
  readonly comment = signal('');
  readonly missing = signal(false);
  readonly confirming = signal<ReviewConfirmation | null>(null);
  readonly title = computed(() => (this.action() === 'approve' ? '批量审核通过' : '批量退回'));
  readonly blocked = computed(() => {
    const a = this.action();
    return a ? reviewBlock(a, this.draft()) : null;
  });
  readonly failed = computed(() => this.outcomes().filter((o) => !o.ok).length);
  readonly summary = computed(() => {
    const ok = this.outcomes().length - this.failed();
    return this.failed() === 0 ? `${ok} 项已全部处理` : `${ok} 项已处理，${this.failed()} 项未处理`;
  });

  start(action: 'approve' | 'return'): void {
    this.action.set(action);
    this.draft.set({});
    this.comment.set('');
    this.missing.set(false);
  }

  ok(): void {
    const action = this.action();
    if (!action || this.blocked()) return;
    const comment = this.comment().trim();
    if (reasonRefusal(action, comment)) {
      this.missing.set(true);
      return;
    }
    this.action.set(null);
    this.confirming.set({
      action,
      label: action === 'approve' ? '批量通过' : '批量退回',
      details: [`共 ${this.count()} 个绩效目标`, ...reviewLines(this.draft())],
      ...(comment ? { comment } : {}),
    });
  }

  confirmed(): void {
    const step = this.confirming();
    if (!step) return;
    this.confirming.set(null);
    const review = draftReview(this.draft());
    this.run.emit({ action: step.action, ...(step.comment ? { comment: step.comment } : {}), ...(review ? { review } : {}) });
  }
}
