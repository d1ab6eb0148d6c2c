import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import {
  type AdminFailure,
  AdminApi,
  type AdminOrg,
  creatableKinds,
  fieldError,
  kindLabel,
  ORG_KIND_COLORS,
  type OrgKind,
  orgOptions,
  PARENT_KIND,
  toAdminFailure,
} from '@pt/web/admin/data-access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ErrorListComponent } from './error-list.component';

interface OrgForm {
  /** null: a new organisation. */
  id: string | null;
  code: string;
  name: string;
  kind: OrgKind | null;
  parentId: string | null;
}

/** What a child of `kind` is, or null (a unit has no children). */
const CHILD_KIND: Record<OrgKind, OrgKind | null> = { finance: 'department', department: 'unit', unit: null };

/** 组织机构: the tree as an indented table with kind tags and user counts; add and edit in a modal. */
@Component({
  selector: 'pt-admin-orgs-page',
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
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    ErrorListComponent,
  ],
  template: `
    <nz-card nzTitle="组织机构" [nzExtra]="extra">
      <p class="lead">机构分三级：财政局 → 主管部门 → 预算单位。填报人属于预算单位，主管部门审核人属于主管部门，财政审核人属于财政局。</p>
      @if (loadError(); as e) {
        <nz-alert nzType="error" nzShowIcon [nzMessage]="e" class="block" data-testid="orgs-load-error"></nz-alert>
      }
      <nz-table
        #table
        [nzData]="orgs()"
        [nzLoading]="loading()"
        [nzShowPagination]="false"
        [nzFrontPagination]="false"
        nzSize="middle"
        data-testid="orgs-table"
      >
        <thead>
          <tr>
            <th>机构名称</th>
            <th nzWidth="160px">机构代码</th>
            <th nzWidth="110px">类型</th>
            <th nzWidth="90px" nzAlign="right">用户数</th>
            <th nzWidth="190px">操作</th>
          </tr>
        </thead>
        <tbody>
          @for (o of table.data; track o.id) {
            <tr [attr.data-testid]="'org-row-' + o.code">
              <td>
                <span class="name" [style.padding-left.px]="o.depth * 24">
                  @if (o.depth > 0) {
                    <span class="branch" aria-hidden="true">└</span>
                  }
                  {{ o.name }}
                </span>
              </td>
              <td class="code">{{ o.code }}</td>
              <td>
                <nz-tag [nzColor]="kindColor(o.kind)" data-testid="org-kind">{{ kindLabel(o.kind) }}</nz-tag>
              </td>
              <td class="num">{{ o.userCount }}</td>
              <td class="ops">
                <button nz-button nzType="link" nzSize="small" type="button" (click)="openEdit(o)" [attr.data-testid]="'org-edit-' + o.code">
                  <span nz-icon nzType="edit"></span>编辑
                </button>
                @if (childKind(o.kind); as ck) {
                  <button nz-button nzType="link" nzSize="small" type="button" (click)="openCreate(ck, o.id)" [attr.data-testid]="'org-add-child-' + o.code">
                    <span nz-icon nzType="plus"></span>添加{{ kindLabel(ck) }}
                  </button>
                }
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
    </nz-card>
    <ng-template #extra>
      <button nz-button type="button" (click)="load()" [disabled]="loading()" data-testid="orgs-reload"><span nz-icon nzType="reload"></span>刷新</button>
      <button nz-button nzType="primary" type="button" class="add" (click)="openCreate()" data-testid="org-add">
        <span nz-icon nzType="plus"></span>新增机构
      </button>
    </ng-template>

    <nz-modal
      [nzVisible]="form() !== null"
      [nzTitle]="form()?.id ? '编辑机构' : '新增机构'"
      nzOkText="保存"
      nzCancelText="取消"
      [nzOkLoading]="saving()"
      [nzMaskClosable]="false"
      (nzOnOk)="save()"
      (nzOnCancel)="close()"
    >
      <ng-container *nzModalContent>
        @if (form(); as f) {
          @if (failure(); as e) {
            <pt-admin-error-list [failure]="e" data-testid="org-form-error" />
          }
          <form nz-form nzLayout="vertical" (ngSubmit)="save()" data-testid="org-form">
            @if (f.id === null) {
              <nz-form-item>
                <nz-form-label nzRequired nzFor="org-kind">机构类型</nz-form-label>
                <nz-form-control [nzValidateStatus]="err('kind') ? 'error' : ''" [nzErrorTip]="err('kind') ?? ''">
                  <nz-select
                    nzId="org-kind"
                    name="kind"
                    nzPlaceHolder="请选择机构类型"
                    data-testid="org-form-kind"
                    [ngModel]="f.kind"
                    (ngModelChange)="setKind($event)"
                  >
                    @for (k of kinds(); track k) {
                      <nz-option [nzValue]="k" [nzLabel]="kindLabel(k)" />
                    }
                  </nz-select>
                </nz-form-control>
              </nz-form-item>
              @if (f.kind && parentKind(f.kind); as pk) {
                <nz-form-item>
                  <nz-form-label nzRequired nzFor="org-parent">上级机构（{{ kindLabel(pk) }}）</nz-form-label>
                  <nz-form-control [nzValidateStatus]="err('parentId') ? 'error' : ''" [nzErrorTip]="err('parentId') ?? ''">
                    <nz-select
                      nzId="org-parent"
                      name="parentId"
                      nzShowSearch
                      nzPlaceHolder="请选择上级机构"
                      data-testid="org-form-parent"
                      [ngModel]="f.parentId"
                      (ngModelChange)="patch({ parentId: $event })"
                    >
                      @for (o of parentOptions(); track o.value) {
                        <nz-option [nzValue]="o.value" [nzLabel]="o.label" />
                      }
                    </nz-select>
                  </nz-form-control>
                </nz-form-item>
              }
            } @else {
              <p class="fixed">
                类型：<nz-tag [nzColor]="kindColor(f.kind!)">{{ kindLabel(f.kind!) }}</nz-tag>
                @if (parentName(f.parentId); as pn) {
                  上级机构：{{ pn }}
                }
              </p>
            }
            <nz-form-item>
              <nz-form-label nzRequired nzFor="org-name">机构名称</nz-form-label>
              <nz-form-control [nzValidateStatus]="err('name') ? 'error' : ''" [nzErrorTip]="err('name') ?? ''">
                <input
                  nz-input
                  id="org-name"
                  name="name"
                  maxlength="200"
                  placeholder="如：上海市人民政府驻西宁办事处"
                  data-testid="org-form-name"
                  [ngModel]="f.name"
                  (ngModelChange)="patch({ name: $event })"
                />
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label nzRequired nzFor="org-code">机构代码</nz-form-label>
              <nz-form-control
                [nzValidateStatus]="err('code') ? 'error' : ''"
                [nzErrorTip]="err('code') ?? ''"
                nzExtra="1–32 位字母、数字、下划线或连字符，全局唯一，如 HZB-XN"
              >
                <input
                  nz-input
                  id="org-code"
                  name="code"
                  maxlength="32"
                  placeholder="如：HZB-XN"
                  data-testid="org-form-code"
                  [ngModel]="f.code"
                  (ngModelChange)="patch({ code: $event })"
                />
              </nz-form-control>
            </nz-form-item>
            <button type="submit" hidden></button>
          </form>
        }
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .lead { color: rgba(0, 0, 0, 0.55); margin-bottom: 16px; }
    .block { margin-bottom: 16px; }
    .add { margin-left: 8px; }
    .branch { color: rgba(0, 0, 0, 0.25); margin-right: 6px; }
    .code { font-family: monospace; }
    .num { text-align: right; }
    .ops { white-space: nowrap; }
    .fixed { margin-bottom: 16px; }
  `,
})
export class OrgsPage {
  private readonly api = inject(AdminApi);
  private readonly message = inject(NzMessageService);

  readonly orgs = signal<AdminOrg[]>([]);
  readonly loading = signal(false);
  readonly loadError = signal<string | null>(null);

  readonly form = signal<OrgForm | null>(null);
  readonly saving = signal(false);
  readonly failure = signal<AdminFailure | null>(null);

  readonly kinds = computed(() => {
    const f = this.form();
    const allowed = creatableKinds(this.orgs());
    // opened from a row's 添加下级: keep the kind it was opened with
    return f?.kind && !allowed.includes(f.kind) ? [...allowed, f.kind] : allowed;
  });
  readonly parentOptions = computed(() => {
    const kind = this.form()?.kind;
    const pk = kind ? PARENT_KIND[kind] : null;
    return pk ? orgOptions(this.orgs().filter((o) => o.kind === pk)) : [];
  });

  readonly kindLabel = kindLabel;
  readonly childKind = (k: OrgKind) => CHILD_KIND[k];
  readonly parentKind = (k: OrgKind) => PARENT_KIND[k];
  readonly kindColor = (k: OrgKind) => ORG_KIND_COLORS[k];

  constructor() {
    void this.load();
  }

  async load(): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    try {
      this.orgs.set(await this.api.orgs());
    } catch (e) {
      this.loadError.set(toAdminFailure(e, '机构列表加载失败').message);
    } finally {
      this.loading.set(false);
    }
  }

  err(field: string): string | null {
    return fieldError(this.failure(), field);
  }

  parentName(id: string | null): string | null {
    return id ? (this.orgs().find((o) => o.id === id)?.name ?? null) : null;
  }

  openCreate(kind?: OrgKind, parentId?: string): void {
    const k = kind ?? (creatableKinds(this.orgs()).length === 1 ? creatableKinds(this.orgs())[0] : null);
    this.failure.set(null);
    this.form.set({ id: null, code: '', name: '', kind: k, parentId: parentId ?? this.defaultParent(k) });
  }

  openEdit(o: AdminOrg): void {
    this.failure.set(null);
    this.form.set({ id: o.id, code: o.code, name: o.name, kind: o.kind, parentId: o.parentId });
  }

  close(): void {
    if (!this.saving()) this.form.set(null);
  }

  setKind(kind: OrgKind): void {
    this.patch({ kind, parentId: this.defaultParent(kind) });
  }

  patch(p: Partial<OrgForm>): void {
    const f = this.form();
    if (f) this.form.set({ ...f, ...p });
  }

  async save(): Promise<void> {
    const f = this.form();
    if (!f || this.saving()) return;
    const local = this.check(f);
    if (local) {
      this.failure.set(local);
      return;
    }
    this.saving.set(true);
    this.failure.set(null);
    try {
      if (f.id === null) {
        const created = await this.api.createOrg({ code: f.code.trim(), name: f.name.trim(), kind: f.kind as OrgKind, parentId: f.parentId });
        this.message.success(`已新增机构「${created.name}」`);
      } else {
        const before = this.orgs().find((o) => o.id === f.id);
        const body: { code?: string; name?: string } = {};
        if (!before || before.code !== f.code.trim()) body.code = f.code.trim();
        if (!before || before.name !== f.name.trim()) body.name = f.name.trim();
        if (body.code === undefined && body.name === undefined) {
          this.form.set(null);
          return;
        }
        const saved = await this.api.updateOrg(f.id, body);
        this.message.success(`已保存机构「${saved.name}」`);
      }
      this.form.set(null);
      await this.load();
    } catch (e) {
      const failure = toAdminFailure(e, '保存失败，请稍后重试');
      this.failure.set(failure);
      if (failure.status === 404) await this.load();
    } finally {
      this.saving.set(false);
    }
  }

  /** The checks the server makes anyway, before sending: required fields and the code's form. */
  private check(f: OrgForm): AdminFailure | null {
    const details: { field: string; message: string }[] = [];
    if (f.id === null && !f.kind) details.push({ field: 'kind', message: '请选择机构类型' });
    if (f.id === null && f.kind && PARENT_KIND[f.kind] && !f.parentId) details.push({ field: 'parentId', message: '请选择上级机构' });
    if (!f.name.trim()) details.push({ field: 'name', message: '请填写机构名称' });
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/.test(f.code.trim())) {
      details.push({ field: 'code', message: '机构代码须为 1–32 位字母、数字、下划线或连字符，以字母或数字开头' });
    }
    return details.length ? { status: 400, code: 'LOCAL', message: '请检查填写的内容', details } : null;
  }

  /** The only possible parent, preselected (e.g. the finance bureau for a department). */
  private defaultParent(kind: OrgKind | null): string | null {
    const pk = kind ? PARENT_KIND[kind] : null;
    if (!pk) return null;
    const candidates = this.orgs().filter((o) => o.kind === pk);
    return candidates.length === 1 ? candidates[0].id : null;
  }
}
