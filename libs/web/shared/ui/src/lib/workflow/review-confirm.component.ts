import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzModalModule } from 'ng-zorro-antd/modal';

/** The step a reviewer is asked to confirm: 审核通过 or 退回, with the comment and what else goes with it. */
export interface ReviewConfirmation {
  action: 'approve' | 'return';
  /** The button's words (审核通过 / 通过 / 批量退回 …). */
  label: string;
  comment?: string;
  /** More lines shown (the structured review, the number of targets of a batch). */
  details?: readonly string[];
}

/**
 * 审核通过 and 退回 ask once more (issue 16): a dialog naming the step, its comment and details. Test ids from
 * `testId`: the dialog body `<testId>`, `<testId>-ok`, `<testId>-cancel`.
 */
@Component({
  selector: 'pt-review-confirm',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzButtonModule, NzModalModule],
  host: { style: 'display: none' },
  styles: `
    .comment { white-space: pre-wrap; background: #fafafa; padding: 8px; border-radius: 4px; }
    .detail { margin: 4px 0; }
  `,
  template: `
    <nz-modal [nzVisible]="step() !== null" [nzTitle]="title()" [nzFooter]="footer" (nzOnCancel)="cancelled.emit()" [nzMaskClosable]="false">
      <ng-container *nzModalContent>
        <div [attr.data-testid]="testId()">
          <p>{{ question() }}</p>
          @for (d of step()?.details ?? []; track $index) {
            <p class="detail">{{ d }}</p>
          }
          @if (step()?.comment) {
            <p class="comment">{{ step()?.comment }}</p>
          }
        </div>
      </ng-container>
      <ng-template #footer>
        <button nz-button type="button" (click)="cancelled.emit()" [attr.data-testid]="testId() + '-cancel'">取消</button>
        <button nz-button nzType="primary" [nzDanger]="step()?.action === 'return'" type="button" (click)="confirmed.emit()" [attr.data-testid]="testId() + '-ok'">
          确定{{ step()?.label }}
        </button>
      </ng-template>
    </nz-modal>
  `,
})
export class ReviewConfirmComponent {
  readonly step = input<ReviewConfirmation | null>(null);
  readonly testId = input('review-confirm');
  readonly confirmed = output<void>();
  readonly cancelled = output<void>();
  readonly title = computed(() => `确认${this.step()?.label ?? ''}`);
  readonly question = computed(() =>
    this.step()?.action === 'return' ? `确定${this.step()?.label}？退回后由填报单位修改并重新提交。` : `确定${this.step()?.label}？通过后进入下一审核环节或完成审核。`,
  );
}
