import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { ControlContainer, ReactiveFormsModule } from '@angular/forms';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';

/** One long text of the header form: its control's name and its label. */
export interface TextField {
  key: string;
  label: string;
}

/**
 * The header form's long texts (项目情况, the goal texts), one textarea each of at most 5000 characters: the project
 * editor and a 部门（单位）整体 / 政策 target's header draw them alike (ids `f-<key>`, test ids `field-<key>`). The controls
 * are the enclosing form group's: it is passed on to the template.
 */
@Component({
  selector: 'pt-text-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, NzFormModule, NzInputModule],
  viewProviders: [{ provide: ControlContainer, useFactory: () => inject(ControlContainer, { skipSelf: true }) }],
  template: `
    @for (t of fields(); track t.key) {
      <nz-form-item>
        <nz-form-label [nzFor]="'f-' + t.key">{{ t.label }}</nz-form-label>
        <nz-form-control nzErrorTip="最多 5000 个字符">
          <textarea nz-input [id]="'f-' + t.key" [formControlName]="t.key" [nzAutosize]="{ minRows: 2, maxRows: 8 }" [attr.data-testid]="'field-' + t.key"></textarea>
        </nz-form-control>
      </nz-form-item>
    }
  `,
})
export class TextFieldsComponent {
  readonly fields = input.required<readonly TextField[]>();
}
