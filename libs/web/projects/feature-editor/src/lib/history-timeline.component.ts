import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { reviewSummary } from '@pt/domain';
import { actionColor, actionLabel, StatusPipe } from '@pt/web/projects/data-access';
import type { HistoryEntry } from '@pt/web/projects/data-access';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';
import { PtDateTimePipe } from '@pt/web/shared/data-access';

/** 流转记录: every transition of the project, oldest first, with who, when and the comment. */
@Component({
  selector: 'pt-history-timeline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PtDateTimePipe, NzEmptyModule, NzTimelineModule, StatusPipe],
  template: `
    @if (sorted().length === 0) {
      <nz-empty nzNotFoundContent="暂无流转记录" />
    } @else {
      <nz-timeline data-testid="history">
        @for (h of sorted(); track $index) {
          <nz-timeline-item [nzColor]="color(h.action)">
            <div data-testid="history-item" [attr.data-action]="h.action">
              <strong class="action">{{ label(h.action) }}</strong>
              <span class="meta">{{ h.user }} · {{ h.at | ptDateTime }}</span>
              @if (h.fromStatus && h.toStatus && h.fromStatus !== h.toStatus) {
                <span class="meta">（{{ h.fromStatus | ptStatus }} → {{ h.toStatus | ptStatus }}）</span>
              }
              @if (h.review) {
                <div class="review" data-testid="history-review">{{ reviewLine(h.review) }}</div>
              }
              @if (h.comment) {
                <div class="comment" data-testid="history-comment">{{ h.comment }}</div>
              }
            </div>
          </nz-timeline-item>
        }
      </nz-timeline>
    }
  `,
  styles: `
    .action { margin-right: 8px; }
    .meta { color: rgba(0, 0, 0, 0.45); font-size: 12px; }
    .comment { margin-top: 4px; white-space: pre-wrap; }
    .review { margin-top: 4px; color: #0958d9; font-size: 12px; }
  `,
})
export class HistoryTimelineComponent {
  readonly entries = input<readonly HistoryEntry[]>([]);
  readonly sorted = computed(() =>
    [...this.entries()].map((h, i) => ({ h, i })).sort((a, b) => (a.h.at < b.h.at ? -1 : a.h.at > b.h.at ? 1 : a.i - b.i)).map((x) => x.h),
  );
  readonly label = actionLabel;
  readonly color = actionColor;
  /** 「完整性：优；…；总体：良」 of a structured review (财预〔2015〕88号). */
  readonly reviewLine = reviewSummary;
}
