import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { AuthStore } from '@pt/web/auth/data-access';
import {
  cascadeLevels,
  findFramework,
  frameworkName,
  LIBRARY_CONFLICT_MESSAGE,
  LIBRARY_PAGE_SIZE,
  LibraryApi,
  level1Choices,
  level2Choices,
  toLibraryFailure,
} from '@pt/web/library/data-access';
import type { LibraryIndicator } from '@pt/web/library/data-access';
import { hasAnyRole, ProjectsApi } from '@pt/web/projects/data-access';
import type { ApiFailure, FrameworkResponse } from '@pt/web/projects/data-access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import {
  createBody,
  emptyLibraryForm,
  errorsFromDetails,
  formFromIndicator,
  hasErrors,
  updateBody,
  validateLibraryForm,
} from './library-form';
import type { LibraryFormErrors, LibraryFormValue } from './library-form';

interface Filters {
  q: string;
  frameworkCode: string | null;
  level1: string | null;
  level2: string | null;
  page: number;
  pageSize: number;
}

/** The modal: `row` null = 新增. */
interface EditState {
  row: LibraryIndicator | null;
}

function positiveInt(v: string | null, fallback: number): number {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
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
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzPopconfirmModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
  ],
  template: `
    <nz-card nzTitle="指标库" [nzExtra]="extra">
      <p class="lead">
        常用三级指标及参考指标值，按指标体系、一级和二级指标分类，来源于已批复的参考指标表；填报指标表时可从这里选用。
      </p>
      <div class="filters">
        <nz-input-group class="f-q" nzSearch [nzAddOnAfter]="searchBtn">
          <input
            nz-input
            type="search"
            placeholder="搜索三级指标、指标值或二级指标"
            aria-label="搜索"
            data-testid="library-q"
            [ngModel]="qDraft()"
            (ngModelChange)="qDraft.set($event)"
            (keydown.enter)="applyQ()"
          />
        </nz-input-group>
        <ng-template #searchBtn>
          <button nz-button nzType="primary" nzSearch type="button" aria-label="搜索" data-testid="library-search" (click)="applyQ()">
            <span nz-icon nzType="search"></span>
          </button>
        </ng-template>
        <nz-select
          class="f-fw"
          nzAllowClear
          nzPlaceHolder="全部指标体系"
          aria-label="指标体系"
          data-testid="library-framework"
          [ngModel]="filters().frameworkCode"
          (ngModelChange)="setFramework($event)"
        >
          @for (f of frameworks(); track f.code) {
            <nz-option [nzValue]="f.code" [nzLabel]="f.name" />
          }
        </nz-select>
        <nz-select
          class="f-level"
          nzAllowClear
          [nzPlaceHolder]="filterFramework() ? '全部一级指标' : '先选择指标体系'"
          [nzDisabled]="!filterFramework()"
          aria-label="一级指标"
          data-testid="library-level1"
          [ngModel]="filters().level1"
          (ngModelChange)="setLevels($event, filters().level2)"
        >
          @for (l of filterLevel1(); track l) {
            <nz-option [nzValue]="l" [nzLabel]="l" />
          }
        </nz-select>
        <nz-select
          class="f-level"
          nzAllowClear
          nzShowSearch
          [nzPlaceHolder]="filterFramework() ? '全部二级指标' : '先选择指标体系'"
          [nzDisabled]="!filterFramework()"
          aria-label="二级指标"
          data-testid="library-level2"
          [ngModel]="filters().level2"
          (ngModelChange)="setLevels(filters().level1, $event)"
        >
          @for (g of filterLevel2(); track g.group) {
            <nz-option-group [nzLabel]="g.group">
              @for (c of g.children; track c) {
                <nz-option [nzValue]="c" [nzLabel]="c" />
              }
            </nz-option-group>
          }
        </nz-select>
      </div>

      @if (error(); as e) {
        <nz-alert class="error" nzType="error" nzShowIcon [nzMessage]="e" [nzAction]="retryTpl" data-testid="library-error"></nz-alert>
        <ng-template #retryTpl><button nz-button nzSize="small" type="button" (click)="load()">重试</button></ng-template>
      }

      <nz-table
        #table
        nzSize="middle"
        nzShowSizeChanger
        [nzData]="items()"
        [nzFrontPagination]="false"
        [nzTotal]="total()"
        [nzPageIndex]="filters().page"
        [nzPageSize]="filters().pageSize"
        [nzLoading]="loading()"
        [nzShowTotal]="totalTpl"
        nzNoResult="没有符合条件的指标"
        (nzPageIndexChange)="setPage($event)"
        (nzPageSizeChange)="setPageSize($event)"
        data-testid="library-table"
      >
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
          @for (row of table.data; track row.id) {
            <tr data-testid="library-row">
              @if (!filters().frameworkCode) {
                <td>{{ fwName(row.frameworkCode) }}</td>
              }
              <td>{{ row.level1 }}</td>
              <td>{{ row.level2 }}</td>
              <td data-testid="library-name">{{ row.name }}</td>
              <td>{{ row.target || '—' }}</td>
              <td class="sub">{{ row.source || '—' }}</td>
              <td nzAlign="right">{{ row.usageCount }}</td>
              @if (admin()) {
                <td>
                  <button nz-button nzType="link" nzSize="small" type="button" data-testid="library-edit" (click)="openEdit(row)">修改</button>
                  <button
                    nz-button
                    nzType="link"
                    nzDanger
                    nzSize="small"
                    type="button"
                    data-testid="library-delete"
                    nz-popconfirm
                    [nzPopconfirmTitle]="'确定从指标库删除「' + row.name + '」吗？已填报的指标表不受影响。'"
                    nzOkText="删除"
                    nzOkDanger
                    nzCancelText="取消"
                    [nzLoading]="deleting() === row.id"
                    (nzOnConfirm)="remove(row)"
                  >
                    删除
                  </button>
                </td>
              }
            </tr>
          }
        </tbody>
      </nz-table>
      <ng-template #totalTpl let-total>共 {{ total }} 条指标</ng-template>
    </nz-card>

    <ng-template #extra>
      @if (admin()) {
        <button nz-button nzType="primary" type="button" data-testid="library-add" (click)="openCreate()">
          <span nz-icon nzType="plus"></span>新增指标
        </button>
      }
    </ng-template>

    <nz-modal
      [nzVisible]="editing() !== null"
      [nzTitle]="editing()?.row ? '修改指标' : '新增指标'"
      nzOkText="保存"
      nzCancelText="取消"
      [nzOkLoading]="saving()"
      [nzMaskClosable]="false"
      [nzWidth]="560"
      (nzOnOk)="save()"
      (nzOnCancel)="closeEditor()"
    >
      <ng-container *nzModalContent>
        @if (formFailure(); as f) {
          <nz-alert class="error" nzType="error" nzShowIcon [nzMessage]="f.message" [nzAction]="f.status === 412 ? refreshTpl : null" data-testid="library-form-error"></nz-alert>
          <ng-template #refreshTpl>
            <button nz-button nzSize="small" type="button" data-testid="library-form-refresh" (click)="refreshEditing()">刷新</button>
          </ng-template>
        }
        <form nz-form nzLayout="vertical" (ngSubmit)="save()">
          <nz-form-item>
            <nz-form-label nzRequired nzFor="lib-fw">指标体系</nz-form-label>
            <nz-form-control [nzValidateStatus]="errors().frameworkCode ? 'error' : ''" [nzErrorTip]="errors().frameworkCode ?? ''">
              <nz-select
                nzId="lib-fw"
                name="frameworkCode"
                data-testid="library-form-framework"
                nzPlaceHolder="请选择指标体系"
                [nzDisabled]="!!editing()?.row"
                [ngModel]="form().frameworkCode"
                (ngModelChange)="setFormFramework($event)"
              >
                @for (f of frameworks(); track f.code) {
                  <nz-option [nzValue]="f.code" [nzLabel]="f.name" />
                }
              </nz-select>
            </nz-form-control>
          </nz-form-item>
          <div class="two">
            <nz-form-item>
              <nz-form-label nzRequired nzFor="lib-l1">一级指标</nz-form-label>
              <nz-form-control [nzValidateStatus]="errors().level1 ? 'error' : ''" [nzErrorTip]="errors().level1 ?? ''">
                <nz-select
                  nzId="lib-l1"
                  name="level1"
                  data-testid="library-form-level1"
                  nzPlaceHolder="请选择一级指标"
                  [ngModel]="form().level1 || null"
                  (ngModelChange)="setFormLevels($event, form().level2)"
                >
                  @for (l of formLevel1(); track l) {
                    <nz-option [nzValue]="l" [nzLabel]="l" />
                  }
                </nz-select>
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label nzRequired nzFor="lib-l2">二级指标</nz-form-label>
              <nz-form-control [nzValidateStatus]="errors().level2 ? 'error' : ''" [nzErrorTip]="errors().level2 ?? ''">
                <nz-select
                  nzId="lib-l2"
                  name="level2"
                  data-testid="library-form-level2"
                  nzPlaceHolder="请选择二级指标"
                  [ngModel]="form().level2 || null"
                  (ngModelChange)="setFormLevels(form().level1, $event)"
                >
                  @for (g of formLevel2(); track g.group) {
                    <nz-option-group [nzLabel]="g.group">
                      @for (c of g.children; track c) {
                        <nz-option [nzValue]="c" [nzLabel]="c" />
                      }
                    </nz-option-group>
                  }
                </nz-select>
              </nz-form-control>
            </nz-form-item>
          </div>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="lib-name">三级指标名称</nz-form-label>
            <nz-form-control [nzValidateStatus]="errors().name ? 'error' : ''" [nzErrorTip]="errors().name ?? ''">
              <input
                nz-input
                id="lib-name"
                name="name"
                maxlength="300"
                placeholder="如：培训人次"
                data-testid="library-form-name"
                [ngModel]="form().name"
                (ngModelChange)="patchForm({ name: $event })"
              />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzFor="lib-target">参考指标值</nz-form-label>
            <nz-form-control
              [nzValidateStatus]="errors().target ? 'error' : ''"
              [nzErrorTip]="errors().target ?? ''"
              nzExtra="可不填；如 ≥90.00(%)、=100(%)、提高"
            >
              <input
                nz-input
                id="lib-target"
                name="target"
                maxlength="500"
                placeholder="如：≥90.00(%)"
                data-testid="library-form-target"
                [ngModel]="form().target"
                (ngModelChange)="patchForm({ target: $event })"
              />
            </nz-form-control>
          </nz-form-item>
          <button type="submit" hidden aria-hidden="true"></button>
        </form>
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .lead { color: rgba(0, 0, 0, 0.55); margin-top: 0; }
    .filters { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 16px; }
    .f-q { width: 300px; }
    .f-fw { width: 200px; }
    .f-level { width: 180px; }
    .error { margin-bottom: 16px; }
    .sub { color: rgba(0, 0, 0, 0.55); font-size: 12px; }
    .two { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
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

  readonly filters = signal<Filters>(this.readUrl());
  readonly qDraft = signal(this.filters().q);
  readonly filterFramework = computed(() => findFramework(this.frameworks(), this.filters().frameworkCode));
  readonly filterLevel1 = computed(() => level1Choices(this.filterFramework()));
  readonly filterLevel2 = computed(() => level2Choices(this.filterFramework(), this.filters().level1));

  readonly items = signal<LibraryIndicator[]>([]);
  readonly total = signal(0);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  readonly deleting = signal<string | null>(null);
  private loadSeq = 0;

  readonly editing = signal<EditState | null>(null);
  readonly form = signal<LibraryFormValue>(emptyLibraryForm());
  readonly errors = signal<LibraryFormErrors>({});
  readonly formFailure = signal<ApiFailure | null>(null);
  readonly saving = signal(false);
  readonly formFramework = computed(() => findFramework(this.frameworks(), this.form().frameworkCode));
  readonly formLevel1 = computed(() => level1Choices(this.formFramework()));
  readonly formLevel2 = computed(() => level2Choices(this.formFramework(), this.form().level1));

  constructor() {
    this.projects.frameworks().then(
      (fws) => this.frameworks.set(fws),
      (e) => this.message.error(`指标体系加载失败：${toLibraryFailure(e).message}`),
    );
    void this.load();
  }

  fwName(code: string): string {
    return frameworkName(this.frameworks(), code);
  }

  // ---------------------------------------------------------------- filters and paging

  applyQ(): void {
    this.update({ q: this.qDraft().trim(), page: 1 });
  }

  setFramework(code: string | null): void {
    this.update({ frameworkCode: code || null, level1: null, level2: null, page: 1 });
  }

  setLevels(level1: string | null, level2: string | null): void {
    this.update({ ...cascadeLevels(this.filterFramework(), level1, level2), page: 1 });
  }

  setPage(page: number): void {
    if (page !== this.filters().page) this.update({ page });
  }

  setPageSize(pageSize: number): void {
    if (pageSize !== this.filters().pageSize) this.update({ pageSize, page: 1 });
  }

  private update(patch: Partial<Filters>): void {
    this.filters.update((f) => ({ ...f, ...patch }));
    const f = this.filters();
    void this.router.navigate([], {
      relativeTo: this.route,
      replaceUrl: true,
      queryParams: {
        q: f.q || null,
        fw: f.frameworkCode,
        l1: f.level1,
        l2: f.level2,
        page: f.page > 1 ? f.page : null,
        size: f.pageSize !== LIBRARY_PAGE_SIZE ? f.pageSize : null,
      },
    });
    void this.load();
  }

  private readUrl(): Filters {
    const p = this.route.snapshot.queryParamMap;
    return {
      q: p.get('q') ?? '',
      frameworkCode: p.get('fw'),
      level1: p.get('l1'),
      level2: p.get('l2'),
      page: positiveInt(p.get('page'), 1),
      pageSize: Math.min(200, positiveInt(p.get('size'), LIBRARY_PAGE_SIZE)),
    };
  }

  async load(): Promise<void> {
    const seq = ++this.loadSeq;
    this.loading.set(true);
    this.error.set(null);
    try {
      const page = await this.api.list(this.filters());
      if (seq !== this.loadSeq) return;
      if (page.items.length === 0 && page.total > 0 && this.filters().page > 1) {
        // the last page emptied (e.g. after a delete): show the one before
        this.update({ page: Math.max(1, Math.ceil(page.total / this.filters().pageSize)) });
        return;
      }
      this.items.set(page.items);
      this.total.set(page.total);
    } catch (e) {
      if (seq === this.loadSeq) this.error.set(toLibraryFailure(e).message);
    } finally {
      if (seq === this.loadSeq) this.loading.set(false);
    }
  }

  // ---------------------------------------------------------------- add / edit / delete (sysadmin)

  openCreate(): void {
    const f = this.filters();
    this.form.set(
      emptyLibraryForm({
        frameworkCode: f.frameworkCode ?? this.frameworks()[0]?.code ?? '',
        level1: f.level1 ?? '',
        level2: f.level2 ?? '',
      }),
    );
    this.errors.set({});
    this.formFailure.set(null);
    this.editing.set({ row: null });
  }

  openEdit(row: LibraryIndicator): void {
    this.form.set(formFromIndicator(row));
    this.errors.set({});
    this.formFailure.set(null);
    this.editing.set({ row });
  }

  closeEditor(): void {
    if (this.saving()) return;
    this.editing.set(null);
  }

  patchForm(patch: Partial<LibraryFormValue>): void {
    this.form.update((v) => ({ ...v, ...patch }));
    const keys = Object.keys(patch) as (keyof LibraryFormValue)[];
    this.errors.update((e) => {
      const next = { ...e };
      for (const k of keys) delete next[k];
      return next;
    });
  }

  setFormFramework(code: string | null): void {
    this.patchForm({ frameworkCode: code ?? '', level1: '', level2: '' });
  }

  setFormLevels(level1: string | null, level2: string | null): void {
    const next = cascadeLevels(this.formFramework(), level1, level2);
    this.patchForm({ level1: next.level1 ?? '', level2: next.level2 ?? '' });
  }

  async save(): Promise<void> {
    const state = this.editing();
    if (!state || this.saving()) return;
    const value = this.form();
    const errors = validateLibraryForm(value, this.formFramework());
    this.errors.set(errors);
    if (hasErrors(errors)) return;
    this.saving.set(true);
    this.formFailure.set(null);
    try {
      if (state.row) {
        const body = updateBody(state.row, value);
        if (body) {
          await this.api.update(state.row.id, state.row.version, body);
          this.message.success(`已保存「${value.name.trim()}」`);
        } else {
          this.message.info('没有修改');
        }
      } else {
        await this.api.create(createBody(value));
        this.message.success(`已新增「${value.name.trim()}」`);
      }
      this.editing.set(null);
      void this.load();
    } catch (e) {
      const f = toLibraryFailure(e);
      this.formFailure.set(f);
      this.errors.set(errorsFromDetails(f.details));
      if (f.status === 412 || f.status === 404) void this.load();
    } finally {
      this.saving.set(false);
    }
  }

  /** After a 412: load the row as it is now into the form (with its new version). */
  async refreshEditing(): Promise<void> {
    const row = this.editing()?.row;
    if (!row) return;
    try {
      const fresh = await this.api.get(row.id);
      this.editing.set({ row: fresh });
      this.form.set(formFromIndicator(fresh));
      this.errors.set({});
      this.formFailure.set(null);
      this.message.info('已载入该指标的最新内容，请确认后再保存');
    } catch (e) {
      const f = toLibraryFailure(e);
      this.message.error(f.message);
      if (f.status === 404) this.editing.set(null);
    }
  }

  async remove(row: LibraryIndicator): Promise<void> {
    this.deleting.set(row.id);
    try {
      await this.api.remove(row.id, row.version);
      this.message.success(`已删除「${row.name}」`);
    } catch (e) {
      const f = toLibraryFailure(e);
      this.message.error(f.status === 412 ? LIBRARY_CONFLICT_MESSAGE : f.message);
    } finally {
      this.deleting.set(null);
      void this.load();
    }
  }
}
