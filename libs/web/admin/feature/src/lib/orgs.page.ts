import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import {
  AdminApi,
  type AdminOrg,
  creatableKinds,
  kindLabel,
  ORG_KIND_COLORS,
  type OrgKind,
  orgOptions,
  PARENT_KIND,
  toAdminFailure,
} from '@pt/web/admin/data-access';
import { type ApiFailure, formDialog, loadState, localFailure } from '@pt/web/shared/data-access';
import { CrudModalComponent, FormFieldComponent, ListCardComponent, OrgSelectComponent, TextFieldComponent } from '@pt/web/shared/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

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
    NzButtonModule,
    NzIconModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    CrudModalComponent,
    FormFieldComponent,
    ListCardComponent,
    OrgSelectComponent,
    TextFieldComponent,
  ],
  template: `
    <pt-list-card
      title="组织机构"
      lead="机构分三级：财政局 → 主管部门 → 预算单位。填报人属于预算单位，主管部门审核人属于主管部门，财政审核人属于财政局。"
      [state]="list"
      errorTestId="orgs-load-error"
      reloadTestId="orgs-reload"
      addTestId="org-add"
      addLabel="新增机构"
      (reload)="load()"
      (add)="openCreate()"
    >
      <nz-table #table [nzData]="orgs()" [nzLoading]="list.loading()" [nzShowPagination]="false" [nzFrontPagination]="false" nzSize="middle" data-testid="orgs-table">
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
    </pt-list-card>

    <pt-crud-modal
      [dialog]="dialog"
      [title]="dialog.form()?.id ? '编辑机构' : '新增机构'"
      testId="org-form"
      (submitted)="save()"
    >
      @if (dialog.form(); as f) {
        @if (f.id === null) {
          <pt-form-field label="机构类型" controlId="org-kind" required [error]="dialog.err('kind')">
            <nz-select nzId="org-kind" name="kind" nzPlaceHolder="请选择机构类型" data-testid="org-form-kind" [ngModel]="f.kind" (ngModelChange)="setKind($event)">
              @for (k of kinds(); track k) {
                <nz-option [nzValue]="k" [nzLabel]="kindLabel(k)" />
              }
            </nz-select>
          </pt-form-field>
          @if (f.kind && parentKind(f.kind); as pk) {
            <pt-form-field [label]="'上级机构（' + kindLabel(pk) + '）'" controlId="org-parent" required [error]="dialog.err('parentId')">
              <pt-org-select class="full" inputId="org-parent" [clearable]="false" placeholder="请选择上级机构" [label]="'上级机构（' + kindLabel(pk) + '）'"
                testId="org-form-parent" [options]="parentOptions()" [value]="f.parentId" (valueChange)="dialog.patch({ parentId: $event })" />
            </pt-form-field>
          }
        } @else {
          <p class="fixed">
            类型：<nz-tag [nzColor]="kindColor(f.kind!)">{{ kindLabel(f.kind!) }}</nz-tag>
            @if (parentName(f.parentId); as pn) {
              上级机构：{{ pn }}
            }
          </p>
        }
        <pt-text-field label="机构名称" fieldId="org-name" name="name" required [error]="dialog.err('name')" [maxlength]="200"
          placeholder="如：上海市人民政府驻西宁办事处" testId="org-form-name" [value]="f.name" (valueChange)="dialog.patch({ name: $event })" />
        <pt-text-field label="机构代码" fieldId="org-code" name="code" required [error]="dialog.err('code')" [maxlength]="32" placeholder="如：HZB-XN"
          extra="1–32 位字母、数字、下划线或连字符，全局唯一，如 HZB-XN" testId="org-form-code" [value]="f.code" (valueChange)="dialog.patch({ code: $event })" />
      }
    </pt-crud-modal>
  `,
  styles: `
    .branch { color: rgba(0, 0, 0, 0.25); margin-right: 6px; }
    .code { font-family: monospace; }
    .num { text-align: right; }
    .ops { white-space: nowrap; }
    .fixed { margin-bottom: 16px; }
    .full { display: block; }
  `,
})
export class OrgsPage {
  private readonly api = inject(AdminApi);
  private readonly message = inject(NzMessageService);

  readonly orgs = signal<AdminOrg[]>([]);
  readonly list = loadState();
  readonly dialog = formDialog<OrgForm>();

  readonly kinds = computed(() => {
    const f = this.dialog.form();
    const allowed = creatableKinds(this.orgs());
    // opened from a row's 添加下级: keep the kind it was opened with
    return f?.kind && !allowed.includes(f.kind) ? [...allowed, f.kind] : allowed;
  });
  readonly parentOptions = computed(() => {
    const kind = this.dialog.form()?.kind;
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
    const orgs = await this.list.run(() => this.api.orgs(), (e) => toAdminFailure(e, '机构列表加载失败').message);
    if (orgs) this.orgs.set(orgs);
  }

  parentName(id: string | null): string | null {
    return id ? (this.orgs().find((o) => o.id === id)?.name ?? null) : null;
  }

  openCreate(kind?: OrgKind, parentId?: string): void {
    const k = kind ?? (creatableKinds(this.orgs()).length === 1 ? creatableKinds(this.orgs())[0] : null);
    this.dialog.show({ id: null, code: '', name: '', kind: k, parentId: parentId ?? this.defaultParent(k) });
  }

  openEdit(o: AdminOrg): void {
    this.dialog.show({ id: o.id, code: o.code, name: o.name, kind: o.kind, parentId: o.parentId });
  }

  setKind(kind: OrgKind): void {
    this.dialog.patch({ kind, parentId: this.defaultParent(kind) });
  }

  async save(): Promise<void> {
    const saved = await this.dialog.save({
      check: (f) => this.check(f),
      send: (f) => this.send(f),
      toFailure: (e) => toAdminFailure(e, '保存失败，请稍后重试'),
      failed: async (f) => {
        if (f.status === 404) await this.load();
      },
    });
    if (saved) await this.load();
  }

  private async send(f: OrgForm): Promise<void> {
    if (f.id === null) {
      const created = await this.api.createOrg({ code: f.code.trim(), name: f.name.trim(), kind: f.kind as OrgKind, parentId: f.parentId });
      this.message.success(`已新增机构「${created.name}」`);
      return;
    }
    const before = this.orgs().find((o) => o.id === f.id);
    const body: { code?: string; name?: string } = {};
    if (!before || before.code !== f.code.trim()) body.code = f.code.trim();
    if (!before || before.name !== f.name.trim()) body.name = f.name.trim();
    if (body.code === undefined && body.name === undefined) return;
    const saved = await this.api.updateOrg(f.id, body);
    this.message.success(`已保存机构「${saved.name}」`);
  }

  /** The checks the server makes anyway, before sending: required fields and the code's form. */
  private check(f: OrgForm): ApiFailure | null {
    const details: { field: string; message: string }[] = [];
    if (f.id === null && !f.kind) details.push({ field: 'kind', message: '请选择机构类型' });
    if (f.id === null && f.kind && PARENT_KIND[f.kind] && !f.parentId) details.push({ field: 'parentId', message: '请选择上级机构' });
    if (!f.name.trim()) details.push({ field: 'name', message: '请填写机构名称' });
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/.test(f.code.trim())) {
      details.push({ field: 'code', message: '机构代码须为 1–32 位字母、数字、下划线或连字符，以字母或数字开头' });
    }
    return localFailure(details);
  }

  /** The only possible parent, preselected (e.g. the finance bureau for a department). */
  private defaultParent(kind: OrgKind | null): string | null {
    const pk = kind ? PARENT_KIND[kind] : null;
    if (!pk) return null;
    const candidates = this.orgs().filter((o) => o.kind === pk);
    return candidates.length === 1 ? candidates[0].id : null;
  }
}
