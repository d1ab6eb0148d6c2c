import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { HISTORY_ACTION_LABELS, RECTIFICATION_ACTION_LABELS, RECTIFICATION_FIELD_LABELS as F, RECTIFICATION_STATUS_LABELS } from '@pt/domain';
import type { Rectification, RectificationAction } from '@pt/web/rectification/data-access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzTagModule } from 'ng-zorro-antd/tag';

const STATUS_COLORS: Record<Rectification['status'], string> = { issued: 'orange', submitted: 'blue', returned: 'red', accepted: 'green' };

/**
 * One 整改通知: what the reviewer asked (存在问题, 整改要求, 整改期限, why), the unit's answer (editable while the
 * notice waits for it), the actions the user may take and the history. Test ids: `rect-<id>`, `rect-feedback`,
 * `rect-save`, `rect-<action>`, `rect-comment`, `rect-status`.
 */
@Component({
  selector: 'pt-rectification-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzButtonModule, NzCardModule, NzTagModule],
  template: `
    @let r = rect();
    <nz-card nzSize="small" class="rect" [nzTitle]="title" [attr.data-testid]="'rect-' + r.id">
      <ng-template #title>
        整改通知 · {{ r.issuedAt.slice(0, 10) }} · {{ r.issuedBy }}
        <nz-tag [nzColor]="COLORS[r.status]" data-testid="rect-status">{{ STATUS[r.status] }}</nz-tag>
      </ng-template>
      <dl>
        <dt>下达原因</dt><dd>{{ r.reason }}</dd>
        <dt>{{ F.problems }}</dt><dd class="pre">{{ r.problems }}</dd>
        <dt>{{ F.requirements }}</dt><dd class="pre">{{ r.requirements }}</dd>
        <dt>{{ F.deadline }}</dt><dd>{{ r.deadline }}</dd>
        <dt>{{ F.feedback }}</dt>
        <dd>
          @if (r.permissions.edit) {
            <textarea class="ant-input" rows="4" maxlength="5000" data-testid="rect-feedback" [attr.aria-label]="F.feedback"
              [value]="draft() ?? r.feedback ?? ''" (input)="draft.set($any($event.target).value)"></textarea>
            <button nz-button nzSize="small" type="button" data-testid="rect-save" [disabled]="busy() || draft() === null" (click)="answer.emit(draft() ?? '')">保存整改情况</button>
          } @else {
            <span class="pre" data-testid="rect-feedback-text">{{ r.feedback || '（尚未填写）' }}</span>
          }
        </dd>
      </dl>
      @if (r.permissions.actions.length > 0) {
        <div class="actions">
          @if (r.permissions.actions.includes('return')) {
            <input class="ant-input ant-input-sm comment" placeholder="退回理由（退回时必填）" data-testid="rect-comment" [value]="comment()" (input)="comment.set($any($event.target).value)" />
          }
          @for (a of r.permissions.actions; track a) {
            <button nz-button nzSize="small" type="button" [nzType]="a === 'return' ? 'default' : 'primary'" [nzDanger]="a === 'return'" [disabled]="busy() || (a === 'submit' && draft() !== null)"
              [attr.data-testid]="'rect-' + a" (click)="act.emit({ action: a, comment: comment() })">{{ ACTION[a] }}</button>
          }
          @if (r.permissions.actions.includes('submit') && draft() !== null) {
            <span class="hint">请先保存整改情况再提交</span>
          }
        </div>
      }
      <ul class="history">
        @for (h of r.history; track $index) {
          <li>{{ h.at.slice(0, 16).replace('T', ' ') }} {{ h.user }} {{ ACTION[h.action] }}@if (h.comment) {：{{ h.comment }}}</li>
        }
      </ul>
    </nz-card>
  `,
  styles: `
    .rect { margin-bottom: 12px; }
    dl { display: grid; grid-template-columns: 110px 1fr; gap: 6px 12px; margin: 0; }
    dt { color: rgba(0,0,0,.45); }
    dd { margin: 0; }
    .pre { white-space: pre-wrap; }
    textarea { margin-bottom: 6px; }
    .actions { display: flex; gap: 8px; align-items: center; margin-top: 10px; }
    .comment { width: 280px; }
    .hint { color: #d46b08; font-size: 12px; }
    .history { margin: 10px 0 0; padding-left: 18px; color: rgba(0,0,0,.55); font-size: 12px; }
  `,
})
export class RectificationCardComponent {
  readonly rect = input.required<Rectification>();
  readonly busy = input(false);
  readonly answer = output<string>();
  readonly act = output<{ action: RectificationAction; comment: string }>();
  /** The answer as typed, until it is saved (null: unchanged). */
  readonly draft = signal<string | null>(null);
  readonly comment = signal('');

  protected readonly F = F;
  protected readonly STATUS = RECTIFICATION_STATUS_LABELS;
  protected readonly COLORS = STATUS_COLORS;
  protected readonly ACTION: Record<string, string> = { ...HISTORY_ACTION_LABELS, ...RECTIFICATION_ACTION_LABELS };

  /** After a save or a transition the card shows the server's notice. */
  saved(): void {
    this.draft.set(null);
    this.comment.set('');
  }
}
