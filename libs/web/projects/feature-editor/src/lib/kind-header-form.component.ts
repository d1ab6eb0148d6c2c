import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { FormGroup } from '@angular/forms';
import { ReactiveFormsModule } from '@angular/forms';
import { DEPARTMENT_FIELD_LABELS, POLICY_FIELD_LABELS, PROJECT_FIELD_LABELS } from '@pt/domain';
import type { Target } from '@pt/web/projects/data-access';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzInputModule } from 'ng-zorro-antd/input';
import { DepartmentFormComponent } from './department-form.component';
import { PolicyFormComponent } from './policy-form.component';
import { TextFieldsComponent } from './text-fields.component';
import type { TargetKindState } from './target-kind-state';

/**
 * The editable header of a 部门（单位）整体 or 政策 target: its name (the header form's), year and organisation, the kind's
 * block, and its goal texts (年度总体目标; a policy's 中期目标 and 年度目标).
 */
@Component({
  selector: 'pt-kind-header-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, NzCardModule, NzFormModule, NzGridModule, NzInputModule, DepartmentFormComponent, PolicyFormComponent, TextFieldsComponent],
  template: `
    @let t = target();
    <div [formGroup]="header()" nz-form nzLayout="vertical">
      <nz-card nzTitle="基本信息" class="block" nzSize="small">
        <div nz-row [nzGutter]="16">
          <!-- each field in a column of its own: nz-form-item is itself an nz-row, a column on it would take its gutter (none) -->
          <div nz-col [nzXs]="24" [nzMd]="12"><nz-form-item>
            <nz-form-label nzFor="f-name" nzRequired>{{ labels().name }}</nz-form-label>
            <nz-form-control [nzErrorTip]="'请填写' + labels().name + '（最多 200 个字符）'">
              <input nz-input id="f-name" formControlName="name" maxlength="200" data-testid="field-name" />
            </nz-form-control>
          </nz-form-item></div>
          <div nz-col [nzXs]="12" [nzMd]="4"><nz-form-item>
            <nz-form-label>{{ D.year }}</nz-form-label>
            <nz-form-control><span class="static">{{ t.year }} 年</span></nz-form-control>
          </nz-form-item></div>
          <div nz-col [nzXs]="12" [nzMd]="8"><nz-form-item>
            <nz-form-label>{{ labels().org }}</nz-form-label>
            <nz-form-control><span class="static">{{ labels().orgValue || '—' }}</span></nz-form-control>
          </nz-form-item></div>
        </div>
      </nz-card>
    </div>

    @if (t.kind === 'department') {
      <pt-department-form [state]="state()" [errors]="errors()" />
    } @else {
      <pt-policy-form [state]="state()" [errors]="errors()" />
    }

    <div [formGroup]="header()" nz-form nzLayout="vertical">
      <nz-card nzTitle="绩效目标" class="block" nzSize="small">
        <pt-text-fields [fields]="goalFields()" />
      </nz-card>
    </div>
  `,
  styles: `
    .block { margin-bottom: 16px; display: block; }
    .static { line-height: 32px; }
  `,
})
export class KindHeaderFormComponent {
  readonly target = input.required<Target>();
  /** The editor's header form (name and goal texts). */
  readonly header = input.required<FormGroup>();
  readonly state = input.required<TargetKindState>();
  readonly errors = input<ReadonlyMap<string, string>>(new Map());
  readonly D = DEPARTMENT_FIELD_LABELS;
  readonly P = POLICY_FIELD_LABELS;
  /** A policy's 主管部门 is its organisation; a unit's own target names the 主管部门 above it. */
  readonly labels = computed(() => {
    const t = this.target();
    return t.kind === 'policy'
      ? { name: this.P.name, org: this.P.department, orgValue: t.orgName }
      : { name: this.D.orgName, org: PROJECT_FIELD_LABELS.department, orgValue: t.departmentName };
  });
  /** A policy's 中期目标 and 年度目标; a unit's 年度总体目标. */
  readonly goalFields = computed(() =>
    this.target().kind === 'policy'
      ? [
          { key: 'totalGoal', label: this.P.midTermGoal },
          { key: 'annualGoal', label: this.P.annualGoal },
        ]
      : [{ key: 'annualGoal', label: this.D.annualGoal }],
  );
}
