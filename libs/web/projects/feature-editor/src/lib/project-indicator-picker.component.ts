import { ChangeDetectionStrategy, Component, computed, effect, forwardRef, inject, input, output, signal, untracked } from '@angular/core';
import { getFramework } from '@pt/domain';
import { LibraryApi, SuggestionsApi, toLibraryFailure } from '@pt/web/library/data-access';
import type { LibraryPage, Suggestions } from '@pt/web/library/data-access';
import { ProjectsApi } from '@pt/web/projects/data-access';
import type { FrameworkResponse, Project } from '@pt/web/projects/data-access';
import { existingNameSet, IndicatorPickerComponent, PickerSource } from '@pt/web/projects/ui';
import type { PickerFramework, PickerSearch, PickRow } from '@pt/web/projects/ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzMessageService } from 'ng-zorro-antd/message';
import { toApiFailure } from '@pt/web/shared/data-access';

/**
 * The indicator picker wired to the API, for the project editor:
 *
 * ```html
 * <pt-project-indicator-picker
 *   [project]="project"
 *   [existingNames]="rowNames()"
 *   [disabled]="!editable()"
 *   (pick)="appendRows($event)"
 *   (copied)="reloadFrom($event)"
 * />
 * ```
 *
 * - `pick` gives rows `{ level1, level2, name, target }[]` to append to the edited table (not saved:
 *   the editor saves them with the rest, e.g. `rows.update(r => [...r, ...picked.map(p => emptyRow(p))])`).
 * - `copied` gives the project after POST …/copy-last-year (saved on the server, with its new version):
 *   the editor takes its rows and version as after a save. A 412 (someone saved in between) or 422
 *   (no last-year project) is shown here as a message.
 * - Call {@link reload} after saving the table, so that the suggestions follow what is covered.
 *
 * It is the picker's {@link PickerSource}: the picker's tabs read its signals and call its methods.
 */
@Component({
  selector: 'pt-project-indicator-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [IndicatorPickerComponent, NzAlertModule, NzButtonModule],
  providers: [{ provide: PickerSource, useExisting: forwardRef(() => ProjectIndicatorPickerComponent) }],
  template: `
    @if (error(); as e) {
      <nz-alert class="error" nzType="warning" nzShowIcon [nzMessage]="e" [nzAction]="retryTpl" data-testid="picker-load-error"></nz-alert>
      <ng-template #retryTpl><button nz-button nzSize="small" type="button" (click)="reload()">重试</button></ng-template>
    }
    <pt-indicator-picker />
  `,
  styles: `
    .error { margin-bottom: 12px; }
  `,
})
export class ProjectIndicatorPickerComponent implements PickerSource {
  /** The project as last loaded: its version is the If-Match of copy-last-year. */
  readonly project = input.required<Pick<Project, 'id' | 'version' | 'frameworkCode'>>();
  /** 三级 names already in the edited table. */
  readonly existingNames = input<readonly string[]>([]);
  readonly disabled = input(false);

  readonly pick = output<PickRow[]>();
  readonly copied = output<Project>();

  private readonly library = inject(LibraryApi);
  private readonly suggestionsApi = inject(SuggestionsApi);
  private readonly projects = inject(ProjectsApi);
  private readonly message = inject(NzMessageService);

  readonly suggestions = signal<Suggestions | null>(null);
  readonly libraryPage = signal<LibraryPage | null>(null);
  readonly searching = signal(false);
  readonly copying = signal(false);
  readonly error = signal<string | null>(null);
  private readonly frameworks = signal<FrameworkResponse[]>([]);
  readonly existing = computed(() => existingNameSet(this.existingNames()));
  // the id alone: a save's new version does not load the suggestions again
  private readonly projectId = computed(() => this.project().id);
  private searchSeq = 0;
  private loadSeq = 0;

  readonly framework = computed<PickerFramework | null>(() => {
    const code = this.project().frameworkCode;
    return this.frameworks().find((f) => f.code === code) ?? getFramework(code) ?? null;
  });

  constructor() {
    this.projects.frameworks().then(
      (fws) => this.frameworks.set(fws),
      () => undefined, // the framework bundled with the domain is used instead
    );
    effect(() => {
      this.projectId();
      untracked(() => {
        this.libraryPage.set(null);
        void this.reload();
      });
    });
  }

  /** Load the suggestions again (after the table was saved). */
  async reload(): Promise<void> {
    const seq = ++this.loadSeq;
    this.error.set(null);
    try {
      const s = await this.suggestionsApi.suggestions(this.projectId());
      if (seq === this.loadSeq) this.suggestions.set(s);
    } catch (e) {
      if (seq === this.loadSeq) {
        this.suggestions.set({ library: [], similarProjects: [], lastYear: null });
        this.error.set(`推荐指标加载失败：${toApiFailure(e).message}`);
      }
    }
  }

  async search(s: PickerSearch): Promise<void> {
    const seq = ++this.searchSeq;
    this.searching.set(true);
    try {
      const page = await this.library.list({
        q: s.q,
        frameworkCode: this.project().frameworkCode,
        level1: s.level1,
        level2: s.level2,
        page: s.page,
        pageSize: s.pageSize,
      });
      if (seq === this.searchSeq) this.libraryPage.set(page);
    } catch (e) {
      if (seq === this.searchSeq) this.message.error(`指标库搜索失败：${toLibraryFailure(e).message}`);
    } finally {
      if (seq === this.searchSeq) this.searching.set(false);
    }
  }

  add(rows: PickRow[]): void {
    this.pick.emit(rows);
  }

  async copyLastYear(): Promise<void> {
    if (this.copying()) return;
    this.copying.set(true);
    try {
      const project = await this.suggestionsApi.copyLastYear(this.projectId(), this.project().version);
      const n = this.suggestions()?.lastYear?.indicatorCount;
      this.message.success(n ? `已复制上年指标 ${n} 条` : '已复制上年指标');
      this.copied.emit(project);
      void this.reload();
    } catch (e) {
      this.message.error(toApiFailure(e).message);
    } finally {
      this.copying.set(false);
    }
  }
}
