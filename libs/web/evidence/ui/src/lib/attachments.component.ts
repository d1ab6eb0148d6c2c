import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import type { Attachment, AttachmentPurpose } from '@pt/shared/api-types';
import { ATTACHMENT_TYPES_LABEL } from '@pt/shared/api-types';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { ATTACHMENT_ACCEPT, failureMessage, refusalBeforeUpload, shortSha, sizeText } from './attachment-rules';
import { AttachmentsClient } from './attachments-client';

/**
 * 佐证材料 of a target, a row of it (`indicatorId`), one of its reports (`purpose`) or one 整改通知 (`rectificationId`):
 * the files with their size and SHA-256, download, and — where the server says they may change now (its `rights`,
 * the same rule its writes check) — upload with progress and delete. What the API refuses (413, 415, 409 of a
 * document locked meanwhile, …) is shown in Chinese under it; a 409 reads the rights again.
 */
@Component({
  selector: 'pt-attachments',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzAlertModule, NzButtonModule, NzPopconfirmModule, NzProgressModule],
  template: `
    <div class="pt-attachments" [attr.data-testid]="testId()">
      @for (a of files(); track a.id) {
        <div class="file" [attr.data-testid]="testId() + '-file'">
          <a href="" (click)="download(a, $event)" [attr.data-testid]="testId() + '-download'">{{ a.name }}</a>
          <span class="meta">{{ size(a.size) }} · SHA-256 <code [attr.title]="a.sha256">{{ short(a.sha256) }}</code></span>
          @if (editable()) {
            <button
              nz-button
              nzType="link"
              nzDanger
              nzSize="small"
              type="button"
              nz-popconfirm
              nzPopconfirmTitle="删除该文件？"
              (nzOnConfirm)="remove(a)"
              [attr.data-testid]="testId() + '-delete'"
            >
              删除
            </button>
          }
        </div>
      } @empty {
        @if (!editable()) {
          <span class="meta">无</span>
        }
      }
      @if (editable()) {
        <input #picker type="file" hidden [accept]="accept" (change)="chosen(picker)" [attr.data-testid]="testId() + '-input'" />
        <button nz-button nzSize="small" type="button" [nzLoading]="percent() !== null" (click)="picker.click()" [attr.title]="hint" [attr.data-testid]="testId() + '-upload'">
          上传佐证材料
        </button>
        @if (percent() !== null) {
          <nz-progress class="progress" [nzPercent]="percent() ?? 0" nzSize="small" [attr.data-testid]="testId() + '-progress'" />
        }
      }
      @if (error(); as message) {
        <nz-alert class="error" nzType="error" nzShowIcon nzCloseable [nzMessage]="message" (nzOnClose)="error.set(null)" [attr.data-testid]="testId() + '-error'" />
      }
    </div>
  `,
  styles: `
    .file { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
    .meta { color: rgba(0, 0, 0, 0.45); font-size: 12px; }
    .progress { display: block; max-width: 240px; }
    .error { display: block; margin-top: 4px; }
  `,
})
export class AttachmentsComponent {
  private readonly client = inject(AttachmentsClient);

  readonly targetId = input.required<string>();
  readonly purpose = input.required<AttachmentPurpose>();
  /** Only the files of this row (null: those of the whole target for this purpose). */
  readonly indicatorId = input<string | null>(null);
  /** The notice whose files these are (purpose rectification). */
  readonly rectificationId = input<string | null>(null);
  /** The server's answer for this purpose (and notice). */
  readonly editable = computed(() => {
    const rights = this.client.rightsOf(this.targetId())();
    if (!rights) return false;
    const purpose = this.purpose();
    if (purpose !== 'rectification') return rights[purpose];
    const notice = this.rectificationId();
    return notice !== null && rights.rectifications.includes(notice);
  });
  readonly testId = input('attachments');

  readonly accept = ATTACHMENT_ACCEPT;
  readonly hint = `${ATTACHMENT_TYPES_LABEL}，每个文件不超过 20 MB`;
  readonly error = signal<string | null>(null);
  /** The upload's progress (null: none running). */
  readonly percent = signal<number | null>(null);
  readonly files = computed<readonly Attachment[]>(() => {
    const all = this.client.of(this.targetId())() ?? [];
    const row = this.indicatorId();
    const notice = this.rectificationId();
    return all.filter((a) => a.purpose === this.purpose() && (row === null || a.indicatorId === row) && (notice === null || a.rectificationId === notice));
  });

  readonly size = sizeText;
  readonly short = shortSha;

  constructor() {
    effect(() => {
      const id = this.targetId();
      untracked(() => this.client.ensure(id).catch((e) => this.error.set(failureMessage(e))));
    });
  }

  chosen(picker: HTMLInputElement): void {
    const file = picker.files?.[0];
    picker.value = '';
    if (!file) return;
    const refusal = refusalBeforeUpload(file);
    if (refusal) {
      this.error.set(`${file.name}：${refusal}`);
      return;
    }
    this.error.set(null);
    this.percent.set(0);
    this.client.upload(this.targetId(), file, this.purpose(), this.indicatorId(), this.rectificationId()).subscribe({
      next: (e) => (e.kind === 'progress' ? this.percent.set(e.percent) : this.percent.set(null)),
      error: (e) => {
        this.percent.set(null);
        this.error.set(`${file.name}：${failureMessage(e)}`);
        this.lockedMeanwhile(e);
      },
    });
  }

  async download(a: Attachment, event: Event): Promise<void> {
    event.preventDefault();
    try {
      await this.client.download(a);
    } catch (e) {
      this.error.set(failureMessage(e as { status?: number }));
    }
  }

  async remove(a: Attachment): Promise<void> {
    try {
      await this.client.remove(this.targetId(), a.id);
    } catch (e) {
      this.error.set(failureMessage(e as { status?: number }));
      this.lockedMeanwhile(e as { status?: number });
    }
  }

  /** The document was submitted (or the notice answered) since the page read the rights: read them again. */
  private lockedMeanwhile(e: { status?: number }): void {
    if (e.status === 409) this.client.reload(this.targetId()).catch(() => undefined);
  }
}
