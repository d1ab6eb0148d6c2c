import { booleanAttribute, ChangeDetectionStrategy, Component, effect, inject, input, type TemplateRef } from '@angular/core';
import { NzFormStatusService } from 'ng-zorro-antd/core/form';
import { NzFormModule } from 'ng-zorro-antd/form';

/**
 * One field of a modal form: its label (`controlId` links it to the control), the control (projected), the field's
 * error below it and a hint (`extra`). Replaces the nz-form-item / label / control triple with its two error bindings.
 * The projected control sees this component's providers, not those of the nz-form-control in its view: so it gets
 * the field's status here (a red border on error, full width as in any form item).
 */
@Component({
  selector: 'pt-form-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzFormModule],
  template: `
    <nz-form-item>
      <nz-form-label [nzRequired]="required()" [nzFor]="controlId()">{{ label() }}</nz-form-label>
      <nz-form-control [nzValidateStatus]="error() ? 'error' : ''" [nzErrorTip]="error() ?? ''" [nzExtra]="extra() ?? undefined">
        <ng-content />
      </nz-form-control>
    </nz-form-item>
  `,
  styles: `
    :host { display: block; }
  `,
  providers: [NzFormStatusService],
})
export class FormFieldComponent {
  readonly label = input.required<string>();
  /** The id of the control (`id` of an input, `nzId` of an nz-select); none for a group of checkboxes. */
  readonly controlId = input<string | undefined>(undefined);
  readonly required = input(false, { transform: booleanAttribute });
  /** The field's error message; null or '' for none. */
  readonly error = input<string | null | undefined>(null);
  readonly extra = input<string | TemplateRef<void> | null | undefined>(undefined);

  constructor() {
    const status = inject(NzFormStatusService);
    effect(() => status.formStatusChanges.next({ status: this.error() ? 'error' : '', hasFeedback: false }));
  }
}
