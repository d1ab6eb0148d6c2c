import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { PROJECT_FIELD_LABELS } from '@pt/domain';
import { AuthStore } from '@pt/web/auth/data-access';
import { orgOptions, parseKind, ProjectsApi, TARGET_KIND_OPTIONS } from '@pt/web/projects/data-access';
import type { FrameworkResponse, OrgNode, TargetKindKey } from '@pt/web/projects/data-access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { fieldLabel } from './project-form';
import { createBody, followUnitName, KIND_CREATE_TEXT, unitNameOf } from './target-create';
import { markAllInvalid, toApiFailure } from '@pt/web/shared/data-access';

/**
 * 新建绩效目标: first its kind (项目 / 部门（单位）整体 / 政策, `?kind=` preselects one), then the budget year (next year by
 * default), its name (a department's follows its unit's), the unit and the indicator framework. A second 部门整体
 * target of a unit and year (409) links to the one that exists.
 */
@Component({
  selector: 'pt-project-create-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, NzAlertModule, NzButtonModule, NzCardModule, NzFormModule, NzInputModule, NzRadioModule, NzSelectModule],
  template: `
    <nz-card nzTitle="新建绩效目标">
      @if (error(); as e) {
        <nz-alert class="error" nzType="error" nzShowIcon [nzMessage]="e.message" [nzDescription]="detailsTpl" data-testid="create-error" />
        <ng-template #detailsTpl>
          @for (d of e.details; track $index) {
            <div>{{ label(d.field) }}：{{ d.message }}</div>
          }
          @if (existingId(); as id) {
            <a [routerLink]="['/projects', id]" data-testid="create-existing">打开该单位本年度已有的部门（单位）整体绩效目标</a>
          }
        </ng-template>
      }
      <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()" class="form">
        <nz-form-item>
          <nz-form-label nzRequired id="kind-label">目标类型</nz-form-label>
          <nz-form-control>
            <nz-radio-group formControlName="kind" class="kinds" aria-labelledby="kind-label" data-testid="create-kind">
              @for (k of kindOptions; track k.value) {
                <label nz-radio [nzValue]="k.value" class="kind" [class.on]="chosen() === k.value" [attr.data-testid]="'create-kind-' + k.value">
                  <strong>{{ k.label }}绩效目标</strong>
                  <span class="hint">{{ text[k.value].hint }}</span>
                </label>
              }
            </nz-radio-group>
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzFor="year" nzRequired>{{ F.year }}</nz-form-label>
          <nz-form-control nzErrorTip="请选择预算年度">
            <nz-select id="year" formControlName="year" data-testid="create-year">
              @for (y of years; track y) {
                <nz-option [nzValue]="y" [nzLabel]="y + ' 年'" />
              }
            </nz-select>
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzFor="orgId" nzRequired>{{ kindText().orgLabel }}</nz-form-label>
          <nz-form-control [nzErrorTip]="'请选择' + kindText().orgLabel">
            <nz-select nzId="orgId" formControlName="orgId" nzShowSearch [nzPlaceHolder]="'请选择' + kindText().orgLabel" data-testid="create-org">
              @for (o of units(); track o.value) {
                <nz-option [nzValue]="o.value" [nzLabel]="o.label" />
              }
            </nz-select>
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzFor="name" [nzRequired]="kindText().nameRequired">{{ kindText().nameLabel }}</nz-form-label>
          <nz-form-control
            [nzErrorTip]="'请填写' + kindText().nameLabel + '（最多 200 个字符）'"
            [nzExtra]="kindText().nameRequired ? '' : '每个单位每年一份；名称默认为单位名称，可修改。'"
          >
            <input nz-input id="name" formControlName="name" maxlength="200" [placeholder]="kindText().namePlaceholder" data-testid="create-name" />
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzFor="frameworkCode" nzRequired>{{ F.framework }}</nz-form-label>
          <nz-form-control nzErrorTip="请选择指标体系" nzExtra="决定一级、二级指标的可选范围，创建后不可更改">
            <nz-select id="frameworkCode" formControlName="frameworkCode" data-testid="create-framework">
              @for (f of frameworks(); track f.code) {
                <nz-option [nzValue]="f.code" [nzLabel]="f.name" />
              }
            </nz-select>
          </nz-form-control>
        </nz-form-item>
        <div class="buttons">
          <button nz-button nzType="primary" type="submit" [nzLoading]="busy()" data-testid="create-submit">创建并填写{{ kindLabel() }}申报表</button>
          <a nz-button routerLink="/projects">取消</a>
        </div>
      </form>
    </nz-card>
  `,
  styles: `
    .form { max-width: 720px; }
    .kinds { display: grid; grid-template-columns: repeat(3, 1fr); gap: 12px; width: 100%; }
    .kind { display: flex; align-items: flex-start; margin: 0; padding: 12px; border: 1px solid #d9d9d9; border-radius: 6px; white-space: normal; }
    .kind.on { border-color: #1677ff; background: #f0f7ff; }
    .kind strong { display: block; }
    .kind .hint { display: block; color: rgba(0, 0, 0, 0.55); font-size: 12px; margin-top: 4px; }
    @media (max-width: 768px) { .kinds { grid-template-columns: 1fr; } }
    .error { margin-bottom: 16px; }
    .buttons { display: flex; gap: 8px; }
  `,
})
export class ProjectCreatePage {
  /** Query parameter `?kind=`: the kind chosen before (e.g. from a list filtered by kind). */
  readonly kind = input<string | undefined>();
  /** Labels from the domain's field catalogue. */
  readonly F = PROJECT_FIELD_LABELS;
  readonly kindOptions = TARGET_KIND_OPTIONS;
  readonly text = KIND_CREATE_TEXT;
  private readonly api = inject(ProjectsApi);
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);
  private readonly user = inject(AuthStore).user;

  private readonly thisYear = new Date().getFullYear();
  readonly years = [this.thisYear + 2, this.thisYear + 1, this.thisYear, this.thisYear - 1];
  readonly frameworks = signal<FrameworkResponse[]>([]);
  private readonly orgs = signal<OrgNode[]>([]);
  readonly units = computed(() => orgOptions(this.orgs(), ['unit']));
  readonly busy = signal(false);
  readonly error = signal<ReturnType<typeof toApiFailure> | null>(null);
  /** After a 409 on a 部门整体 target: the one the unit already has for the year. */
  readonly existingId = signal<string | null>(null);
  readonly label = fieldLabel;

  readonly form = inject(NonNullableFormBuilder).group({
    kind: ['project' as TargetKindKey, Validators.required],
    year: [this.thisYear + 1, Validators.required],
    name: ['', [Validators.required, Validators.maxLength(200), Validators.pattern(/\S/)]],
    orgId: [this.user()?.orgId ?? '', Validators.required],
    frameworkCode: ['mof-2021', Validators.required],
  });
  readonly chosen = signal<TargetKindKey>('project');
  readonly kindText = computed(() => KIND_CREATE_TEXT[this.chosen()]);
  readonly kindLabel = computed(() => this.kindOptions.find((k) => k.value === this.chosen())?.label ?? '');
  /** The unit name the department name last followed (not the user's typing). */
  private followedName: string | null = null;

  constructor() {
    effect(() => {
      const k = parseKind(this.kind());
      if (k) untracked(() => this.form.controls.kind.setValue(k));
    });
    this.form.controls.kind.valueChanges.subscribe((k) => {
      this.chosen.set(k);
      const name = this.form.controls.name;
      name.setValidators(KIND_CREATE_TEXT[k].nameRequired ? [Validators.required, Validators.maxLength(200), Validators.pattern(/\S/)] : [Validators.maxLength(200)]);
      name.updateValueAndValidity();
      this.followUnit();
    });
    this.form.controls.orgId.valueChanges.subscribe(() => this.followUnit());
    this.api.frameworks().then(
      (f) => this.frameworks.set(f),
      (e) => this.error.set(toApiFailure(e, '指标体系加载失败')),
    );
    this.api.orgs().then(
      (orgs) => {
        this.orgs.set(orgs);
        const units = orgOptions(orgs, ['unit']);
        const current = this.form.controls.orgId.value;
        if (!units.some((u) => u.value === current)) this.form.controls.orgId.setValue(units.length === 1 ? units[0].value : '');
        else this.followUnit();
      },
      (e) => this.error.set(toApiFailure(e, '单位列表加载失败')),
    );
  }

  async submit(): Promise<void> {
    if (this.form.invalid) {
      markAllInvalid(this.form);
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.existingId.set(null);
    const v = this.form.getRawValue();
    try {
      const p = await this.api.create(createBody(v));
      this.message.success(`${this.kindLabel()}绩效目标已创建，请填写申报表`);
      await this.router.navigate(['/projects', p.id], { replaceUrl: true });
    } catch (e) {
      const f = toApiFailure(e, '创建失败，请稍后重试');
      this.error.set(f);
      if (f.status === 409 && v.kind === 'department') void this.findExisting(v.year, v.orgId);
    } finally {
      this.busy.set(false);
    }
  }

  /** The unit's 部门整体 target of the year, for the 409's link (none when the user may not see it). */
  private async findExisting(year: number, orgId: string): Promise<void> {
    try {
      const page = await this.api.list({ kind: 'department', year, orgId, pageSize: 10 });
      const hit = page.items.find((t) => t.orgId === orgId && t.year === year);
      this.existingId.set(hit?.id ?? null);
    } catch {
      this.existingId.set(null); // the alert still says why; only the link is missing
    }
  }

  /** A department target's name follows its unit's until the user types another. */
  private followUnit(): void {
    const unit = unitNameOf(this.units().find((u) => u.value === this.form.controls.orgId.value)?.label);
    const name = this.form.controls.name;
    const next = followUnitName(this.form.controls.kind.value, name.value, this.followedName, unit);
    if (next !== name.value) name.setValue(next);
    this.followedName = this.form.controls.kind.value === 'department' ? unit : null;
  }
}
