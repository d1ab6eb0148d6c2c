import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import type { Project } from '@pt/shared/api-types';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { revisionLabel } from './revision-diff';
import { RevisionsApi } from './revisions.api';
import { toApiFailure } from '@pt/web/shared/data-access';

const REASON_MAX = 2000;

/**
 * 发起调整 of an approved project: asks the reason (required, at most 2000 characters), starts the new draft
 * revision and opens the editor on it. A 412 or 409 asks the page to reload (`stale`).
 *
 * Test ids: `adjust-reason`, `adjust-error`.
 */
@Component({
  selector: 'pt-adjust-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzAlertModule, NzFormModule, NzInputModule, NzModalModule],
  template: `
    <nz-modal
      [nzVisible]="open()"
      nzTitle="发起调整"
      nzOkText="发起调整"
      nzCancelText="取消"
      [nzOkLoading]="busy()"
      [nzMaskClosable]="false"
      (nzOnOk)="submit()"
      (nzOnCancel)="close()"
    >
      <ng-container *nzModalContent>
        <p>
          将在已批复的{{ revisionLabel(project().revision) }}基础上生成<strong>{{ revisionLabel(project().revision + 1) }}</strong>（草稿），{{
            revisionLabel(project().revision)
          }}留档可查。调整完成后须重新提交审核。
        </p>
        @if (error(); as e) {
          <nz-alert class="error" nzType="error" nzShowIcon [nzMessage]="e" data-testid="adjust-error"></nz-alert>
        }
        <form nz-form nzLayout="vertical" (ngSubmit)="submit()">
          <nz-form-item>
            <nz-form-label nzRequired nzFor="adjust-reason">调整理由</nz-form-label>
            <nz-form-control [nzValidateStatus]="reasonError() ? 'error' : ''" [nzErrorTip]="reasonError() ?? ''" [nzExtra]="reasonCount()">
              <textarea
                nz-input
                id="adjust-reason"
                name="reason"
                rows="4"
                [attr.maxlength]="reasonMax"
                placeholder="如：年中追加预算，培训场次由 10 场增加到 15 场"
                data-testid="adjust-reason"
                [ngModel]="reason()"
                (ngModelChange)="setReason($event)"
              ></textarea>
            </nz-form-control>
          </nz-form-item>
        </form>
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .error { margin-bottom: 12px; }
  `,
})
export class AdjustDialogComponent {
  readonly open = input(false);
  readonly project = input.required<Project>();
  readonly closed = output<void>();
  /** The project changed meanwhile (412) or its state did (409): the page reloads it. */
  readonly stale = output<void>();

  private readonly api = inject(RevisionsApi);
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);

  readonly revisionLabel = revisionLabel;
  readonly reasonMax = REASON_MAX;
  readonly reason = signal('');
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  readonly reasonError = signal<string | null>(null);
  readonly reasonCount = computed(() => `${this.reason().trim().length} / ${REASON_MAX}`);

  constructor() {
    // a fresh form each time the dialog opens
    effect(() => {
      if (this.open()) {
        this.reason.set('');
        this.error.set(null);
        this.reasonError.set(null);
      }
    });
  }

  close(): void {
    if (!this.busy()) this.closed.emit();
  }

  setReason(v: string): void {
    this.reason.set(v ?? '');
    if (this.reasonError()) this.reasonError.set(null);
  }

  async submit(): Promise<void> {
    const p = this.project();
    if (this.busy()) return;
    const reason = this.reason().trim();
    if (!reason) {
      this.reasonError.set('请填写调整理由');
      return;
    }
    if (reason.length > REASON_MAX) {
      this.reasonError.set(`调整理由最多 ${REASON_MAX} 个字符`);
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      const adjusted = await this.api.adjust(p.id, p.version, reason);
      this.closed.emit();
      this.message.success(`已发起调整，当前为${revisionLabel(adjusted.revision)}（草稿），请修改后重新提交`);
      await this.router.navigate(['/projects', p.id]);
    } catch (e) {
      const f = toApiFailure(e, '发起调整失败，请稍后重试');
      this.error.set(f.status === 412 ? '该项目已被他人修改，已重新加载最新版本，请确认后再发起调整' : f.message);
      if (f.status === 412 || f.status === 409) this.stale.emit();
    } finally {
      this.busy.set(false);
    }
  }
}
