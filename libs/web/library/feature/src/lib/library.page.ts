import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { ActivatedRoute, type ParamMap, Router } from '@angular/router';
import { AuthStore } from '@pt/web/auth/data-access';
import { cascadeLevels, findFramework, frameworkChoices, frameworkName, LIBRARY_PAGE_SIZE, LibraryApi, level1Choices, level2Choices, toLibraryFailure } from '@pt/web/library/data-access';
import type { LibraryIndicator } from '@pt/web/library/data-access';
import { hasAnyRole, ProjectsApi } from '@pt/web/projects/data-access';
import type { FrameworkResponse } from '@pt/shared/api-types';
import { loadState } from '@pt/web/shared/data-access';
import { ConfirmButtonComponent, ListCardComponent, SearchInputComponent, serverPage, ServerTableComponent, TextSelectComponent } from '@pt/web/shared/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzTableModule } from 'ng-zorro-antd/table';
import { LibraryEditorModal, type LibraryEditRequest } from './library-editor.modal';
import { emptyLibraryForm, formFromIndicator } from './library-form';
import { INDICATOR_META_KEYS, INDICATOR_META_LABELS } from '@pt/domain';

interface Filters {
  q: string;
  frameworkCode: string | null;
  level1: string | null;
  level2: string | null;
}

function positiveInt(v: string | null, fallback: number): number {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The filters as the URL keeps them (the page and its size are `page` and `size`). */
function urlFilters(p: ParamMap): Filters {
  return {
    q: p.get('q') ?? '',
    frameworkCode: p.get('fw'),
    level1: p.get('l1'),
    level2: p.get('l2'),
  };
}

/**
 * 指标库: common 三级 indicators with reference values, by framework, 一级 and 二级; search and
 * cascading filters (kept in the URL), server-side paging. The system administrator adds, edits
 * (modal) and deletes (confirmation) rows; edits and deletes send `If-Match` with the row's version,
 * a conflict (412) says so and reloads.
 *
 * Test ids: `library-q`, `library-search`, `library-framework`, `library-level1`, `library-level2`,
 * `library-table`, `library-row`, `library-error`, `library-add`, `library-edit`, `library-delete`,
 * `library-form-*`, `library-form-error`, `library-form-refresh`.
 */
@Component({
  selector: 'pt-library-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NzButtonModule,
    NzTableModule,
    ListCardComponent,
    ConfirmButtonComponent,
    SearchInputComponent,
    ServerTableComponent,
    TextSelectComponent,
    LibraryEditorModal,
  ],
  template: `
    <pt-list-card
      title="指标库"
      lead="常用三级指标及参考指标值，按指标体系、一级和二级指标分类，来源于已批复的参考指标表；填报指标表时可从这里选用。"
      [state]="list"
      retry
      errorTestId="library-error"
      [addTestId]="admin() ? 'library-add' : null"
      addLabel="新增指标"
      (reload)="load()"
      (add)="openCreate()"
    >
      <div ptListFilters class="filters">
        <pt-search-input class="f-q" label="搜索" placeholder="搜索三级指标、指标值或二级指标" testId="library-q" buttonTestId="library-search"
          [value]="qDraft()" (valueChange)="qDraft.set($event)" (searched)="applyQ()" />
        <pt-text-select class="f-fw" clearable placeholder="全部指标体系" label="指标体系" testId="library-framework" [items]="frameworkItems()"
          [value]="filters().frameworkCode" (valueChange)="setFramework($event)" />
        <pt-text-select class="f-level" clearable [placeholder]="filterFramework() ? '全部一级指标' : '先选择指标体系'" [disabled]="!filterFramework()"
          label="一级指标" testId="library-level1" [options]="filterLevel1()" [value]="filters().level1" (valueChange)="setLevels($event, filters().level2)" />
        <pt-text-select class="f-level" clearable search [placeholder]="filterFramework() ? '全部二级指标' : '先选择指标体系'" [disabled]="!filterFramework()"
          label="二级指标" testId="library-level2" [groups]="filterLevel2()" [value]="filters().level2" (valueChange)="setLevels(filters().level1, $event)" />
      </div>

      <pt-server-table [page]="rows" [loading]="list.loading()" unit="条指标" noResult="没有符合条件的指标" testId="library-table">
        <ng-template>
          <thead>
            <tr>
              @if (!filters().frameworkCode) {
                <th nzWidth="130px">指标体系</th>
              }
              <th nzWidth="110px">一级指标</th>
              <th nzWidth="140px">二级指标</th>
              <th>三级指标</th>
              <th nzWidth="170px">参考指标值</th>
              <th nzWidth="200px">来源</th>
              <th nzWidth="90px" nzAlign="right">使用次数</th>
              @if (admin()) {
                <th nzWidth="120px">操作</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (row of rows.items(); track row.id) {
              <tr data-testid="library-row">
                @if (!filters().frameworkCode) {
                  <td>{{ fwName(row.frameworkCode) }}</td>
                }
                <td>{{ row.level1 }}</td>
                <td>{{ row.level2 }}</td>
                <td data-testid="library-name" [attr.title]="metaText(row)">{{ row.name }}</td>
                <td>{{ row.target || '—' }}</td>
                <td class="sub">{{ row.source || '—' }}</td>
                <td nzAlign="right">{{ row.usageCount }}</td>
                @if (admin()) {
                  <td>
                    <button nz-button nzType="link" nzSize="small" type="button" data-testid="library-edit" (click)="openEdit(row)">修改</button>
                    <pt-confirm-button danger [confirm]="'确定从指标库删除「' + row.name + '」吗？已填报的指标表不受影响。'" okText="删除"
                      [loading]="deleting() === row.id" testId="library-delete" (confirmed)="remove(row)">删除</pt-confirm-button>
                  </td>
                }
              </tr>
            }
          </tbody>
        </ng-template>
      </pt-server-table>
    </pt-list-card>

    <pt-library-editor-modal [request]="editing()" [frameworks]="frameworks()" (closed)="editorClosed($event)" (stale)="load()" />
  `,
  styles: `
    .filters { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 16px; }
    .f-q { width: 300px; }
    .f-fw { width: 200px; }
    .f-level { width: 180px; }
    .sub { color: rgba(0, 0, 0, 0.55); font-size: 12px; }
  `,
})
export class LibraryPage {
  private readonly api = inject(LibraryApi);
  private readonly projects = inject(ProjectsApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly message = inject(NzMessageService);

  readonly admin = computed(() => hasAnyRole(this.auth.user(), ['sysadmin']));
  readonly frameworks = signal<FrameworkResponse[]>([]);
  readonly frameworkItems = computed(() => frameworkChoices(this.frameworks()));

  private readonly url = this.route.snapshot.queryParamMap;
  readonly filters = signal<Filters>(urlFilters(this.url));
  readonly qDraft = signal(this.filters().q);
  readonly filterFramework = computed(() => findFramework(this.frameworks(), this.filters().frameworkCode));
  readonly filterLevel1 = computed(() => level1Choices(this.filterFramework()));
  readonly filterLevel2 = computed(() => level2Choices(this.filterFramework(), this.filters().level1));

  /** The page shown (its page and size in the URL too); paging loads it again. */
  readonly rows = serverPage<LibraryIndicator>(LIBRARY_PAGE_SIZE, () => this.changed());
  readonly list = loadState();
  readonly deleting = signal<string | null>(null);

  /** The add / edit dialog's request (null: closed). */
  readonly editing = signal<LibraryEditRequest | null>(null);

  constructor() {
    this.rows.page.set(positiveInt(this.url.get('page'), 1));
    this.rows.pageSize.set(Math.min(200, positiveInt(this.url.get('size'), LIBRARY_PAGE_SIZE)));
    this.projects.frameworks().then(
      (fws) => this.frameworks.set(fws),
      (e) => this.message.error(`指标体系加载失败：${toLibraryFailure(e).message}`),
    );
    void this.load();
  }

  /** 指标解释 … 数据来源 of an entry, shown on its name (null: none). */
  metaText(row: LibraryIndicator): string | null {
    const parts = INDICATOR_META_KEYS.filter((k) => row[k]).map((k) => `${INDICATOR_META_LABELS[k]}：${row[k]}`);
    return parts.length ? parts.join('\n') : null;
  }

  fwName(code: string): string {
    return frameworkName(this.frameworks(), code);
  }

  // ---------------------------------------------------------------- filters and paging

  applyQ(): void {
    this.update({ q: this.qDraft().trim() });
  }

  setFramework(code: string | null): void {
    this.update({ frameworkCode: code || null, level1: null, level2: null });
  }

  setLevels(level1: string | null, level2: string | null): void {
    this.update(cascadeLevels(this.filterFramework(), level1, level2));
  }

  /** New filters: from the first page. */
  private update(patch: Partial<Filters>): void {
    this.filters.update((f) => ({ ...f, ...patch }));
    this.rows.page.set(1);
    this.changed();
  }

  /** The filters or the page changed: into the URL, and load. */
  private changed(): void {
    const f = this.filters();
    const page = this.rows.page();
    const pageSize = this.rows.pageSize();
    void this.router.navigate([], {
      relativeTo: this.route,
      replaceUrl: true,
      queryParams: {
        q: f.q || null,
        fw: f.frameworkCode,
        l1: f.level1,
        l2: f.level2,
        page: page > 1 ? page : null,
        size: pageSize !== LIBRARY_PAGE_SIZE ? pageSize : null,
      },
    });
    void this.load();
  }

  async load(): Promise<void> {
    const query = { ...this.filters(), page: this.rows.page(), pageSize: this.rows.pageSize() };
    const answer = await this.list.run(() => this.api.list(query), (e) => toLibraryFailure(e).message);
    if (!answer) return;
    if (answer.items.length === 0 && answer.total > 0 && query.page > 1) {
      // the last page emptied (e.g. after a delete): show the one before
      this.rows.setPage(Math.max(1, Math.ceil(answer.total / query.pageSize)));
      return;
    }
    this.rows.show(answer);
  }

  // ---------------------------------------------------------------- add / edit / delete (sysadmin)

  openCreate(): void {
    const f = this.filters();
    const form = emptyLibraryForm({ frameworkCode: f.frameworkCode ?? this.frameworks()[0]?.code ?? '', level1: f.level1 ?? '', level2: f.level2 ?? '' });
    this.editing.set({ row: null, form });
  }

  openEdit(row: LibraryIndicator): void {
    this.editing.set({ row, form: formFromIndicator(row) });
  }

  editorClosed(saved: boolean): void {
    this.editing.set(null);
    if (saved) void this.load();
  }

  async remove(row: LibraryIndicator): Promise<void> {
    this.deleting.set(row.id);
    try {
      await this.api.remove(row.id, row.version);
      this.message.success(`已删除「${row.name}」`);
    } catch (e) {
      this.message.error(toLibraryFailure(e).message);
    } finally {
      this.deleting.set(null);
      void this.load();
    }
  }
}
