import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import type { Suggestions } from '@pt/shared/api-types';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCollapseModule } from 'ng-zorro-antd/collapse';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { allPickable, pickCheckState, pickedRows, prunePicks, setAllPicks, similarCandidates, similarityLabel } from './indicator-picker.state';
import type { PickCandidate, PickRow } from './indicator-picker.state';
import { PickTableComponent } from './pick-table.component';
import { PickerSource } from './picker-source';

type SimilarProject = Suggestions['similarProjects'][number];

export interface SimilarView {
  project: SimilarProject;
  similarity: string;
  candidates: PickCandidate[];
}

/** The similar projects of the suggestions with their annual rows as candidates. */
export function similarViews(suggestions: Suggestions | null, existing: ReadonlySet<string>): SimilarView[] {
  return (suggestions?.similarProjects ?? []).map((project) => ({
    project,
    similarity: similarityLabel(project.similarity),
    candidates: similarCandidates(project, existing),
  }));
}

/**
 * The picker's 相似项目 tab: each similar project (most similar first) with its annual rows; tick some or 「全部加入」.
 *
 * Test ids: `picker-similar`, `picker-similar-project`, `picker-similar-row`, `picker-similar-add`,
 * `picker-similar-add-all`.
 */
@Component({
  selector: 'pt-picker-similar-tab',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzButtonModule, NzCollapseModule, NzEmptyModule, NzTagModule, PickTableComponent],
  template: `
    <div data-testid="picker-similar">
      @if (source.suggestions() === null) {
        <p class="hint">正在加载…</p>
      } @else if (similar().length === 0) {
        <nz-empty nzNotFoundContent="没有名称相近的项目"></nz-empty>
      } @else {
        <p class="hint">名称相近的项目（相似度高的在前）及其年度指标，可勾选部分或全部加入。</p>
        <nz-collapse>
          @for (s of similar(); track s.project.id; let first = $first) {
            <nz-collapse-panel [nzHeader]="header" [nzActive]="first" data-testid="picker-similar-project">
              <ng-template #header>
                <span class="p-name">{{ s.project.name }}</span>
                <span class="sub">{{ s.project.year }} 年 · {{ s.project.orgName }}</span>
                <nz-tag nzColor="blue" class="sim">相似度 {{ s.similarity }}</nz-tag>
              </ng-template>
              @if (s.candidates.length === 0) {
                <p class="hint">该项目的年度指标表为空。</p>
              } @else {
                @let check = checkOf(s);
                <pt-pick-table
                  rowTestId="picker-similar-row"
                  [rows]="s.candidates"
                  [(selected)]="selected"
                  [disabled]="source.disabled()"
                />
                <div class="actions">
                  <button nz-button nzType="primary" type="button" data-testid="picker-similar-add" [disabled]="source.disabled() || check.count === 0" (click)="add(s)">
                    加入选中{{ check.count ? '（' + check.count + ' 条）' : '' }}
                  </button>
                  <button nz-button type="button" data-testid="picker-similar-add-all" [disabled]="source.disabled() || check.pickable === 0" (click)="addAll(s)">
                    全部加入（{{ check.pickable }} 条）
                  </button>
                </div>
              }
            </nz-collapse-panel>
          }
        </nz-collapse>
      }
    </div>
  `,
  styles: `
    .hint { color: rgba(0, 0, 0, 0.45); font-size: 12px; margin: 4px 0 8px; }
    .sub { color: rgba(0, 0, 0, 0.45); font-size: 12px; margin-left: 8px; }
    .actions { display: flex; gap: 8px; align-items: center; margin-top: 8px; }
    .p-name { font-weight: 500; }
    .sim { margin-left: 8px; }
  `,
})
export class PickerSimilarTabComponent {
  protected readonly source = inject(PickerSource);
  /** The similar projects (see `similarViews`). */
  readonly similar = input.required<readonly SimilarView[]>();
  readonly selected = signal<ReadonlySet<string>>(new Set());
  private readonly candidates = computed(() => this.similar().flatMap((s) => s.candidates));

  constructor() {
    // ticks of rows that left the list or are now in the table are dropped
    effect(() => {
      const rows = this.candidates();
      untracked(() => this.selected.update((s) => prunePicks(s, rows)));
    });
  }

  checkOf(s: SimilarView) {
    return pickCheckState(this.selected(), s.candidates);
  }

  add(s: SimilarView): void {
    this.emit(s, pickedRows(s.candidates, this.selected()));
  }

  addAll(s: SimilarView): void {
    this.emit(s, allPickable(s.candidates));
  }

  private emit(s: SimilarView, rows: PickRow[]): void {
    if (rows.length === 0) return;
    this.source.add(rows);
    this.selected.update((sel) => setAllPicks(sel, s.candidates, false));
  }
}
