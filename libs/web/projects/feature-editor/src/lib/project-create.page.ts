import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { PROJECT_FIELD_LABELS } from '@pt/domain';
import { AuthStore } from '@pt/web/auth/data-access';
import { orgOptions, ProjectsApi } from '@pt/web/projects/data-access';
import type { FrameworkResponse, OrgNode } from '@pt/web/projects/data-access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { fieldLabel } from './project-form';
import { toApiFailure } from '@pt/web/shared/data-access';

/** 新建项目: budget year (next year by default), name, 实施单位 and the indicator framework. */
@Component({
  selector: 'pt-project-create-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, NzAlertModule, NzButtonModule, NzCardModule, NzFormModule, NzInputModule, NzSelectModule],
  template: `
    <nz-card nzTitle="新建项目">
      @if (error(); as e) {
        <nz-alert class="error" nzType="error" nzShowIcon [nzMessage]="e.message" [nzDescription]="detailsTpl" data-testid="create-error" />
        <ng-template #detailsTpl>
          @for (d of e.details; track $index) {
            <div>{{ label(d.field) }}：{{ d.message }}</div>
          }
        </ng-template>
      }
      <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()" class="form">
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
          <nz-form-label nzFor="name" nzRequired>{{ F.name }}</nz-form-label>
          <nz-form-control nzErrorTip="请填写项目名称（最多 200 个字符）">
            <input nz-input id="name" formControlName="name" maxlength="200" placeholder="如：对口支援项目经费" data-testid="create-name" />
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzFor="orgId" nzRequired>{{ F.org }}</nz-form-label>
          <nz-form-control nzErrorTip="请选择实施单位">
            <nz-select id="orgId" formControlName="orgId" nzShowSearch nzPlaceHolder="请选择实施单位" data-testid="create-org">
              @for (o of units(); track o.value) {
                <nz-option [nzValue]="o.value" [nzLabel]="o.label" />
              }
            </nz-select>
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
          <button nz-button nzType="primary" type="submit" [nzLoading]="busy()" data-testid="create-submit">创建并填写申报表</button>
          <a nz-button routerLink="/projects">取消</a>
        </div>
      </form>
    </nz-card>
  `,
  styles: `
    .form { max-width: 560px; }
    .error { margin-bottom: 16px; }
    .buttons { display: flex; gap: 8px; }
  `,
})
export class ProjectCreatePage {
  /** Labels from the domain's field catalogue. */
  readonly F = PROJECT_FIELD_LABELS;
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
  readonly label = fieldLabel;

  readonly form = inject(NonNullableFormBuilder).group({
    year: [this.thisYear + 1, Validators.required],
    name: ['', [Validators.required, Validators.maxLength(200), Validators.pattern(/\S/)]],
    orgId: [this.user()?.orgId ?? '', Validators.required],
    frameworkCode: ['mof-2021', Validators.required],
  });

  constructor() {
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
      },
      (e) => this.error.set(toApiFailure(e, '单位列表加载失败')),
    );
  }

  async submit(): Promise<void> {
    if (this.form.invalid) {
      for (const c of Object.values(this.form.controls)) {
        c.markAsDirty();
        c.updateValueAndValidity();
      }
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      const v = this.form.getRawValue();
      const p = await this.api.create({ year: v.year, name: v.name.trim(), orgId: v.orgId, frameworkCode: v.frameworkCode });
      this.message.success('项目已创建，请填写申报表');
      await this.router.navigate(['/projects', p.id], { replaceUrl: true });
    } catch (e) {
      this.error.set(toApiFailure(e, '创建失败，请稍后重试'));
    } finally {
      this.busy.set(false);
    }
  }
}
