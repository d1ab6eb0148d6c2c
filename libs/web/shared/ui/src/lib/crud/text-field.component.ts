import { booleanAttribute, ChangeDetectionStrategy, Component, input, output, type TemplateRef } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzInputModule } from 'ng-zorro-antd/input';
import { FormFieldComponent } from './form-field.component';

/**
 * A labelled one-line text field of a modal form (pt-form-field around an nz-input): the value in, each change out.
 * `fieldId` is the input's id (the label's `for`); `testId` its test id.
 */
@Component({
  selector: 'pt-text-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzInputModule, FormFieldComponent],
  template: `
    <pt-form-field [label]="label()" [controlId]="fieldId()" [required]="required()" [error]="error()" [extra]="extra()">
      <input
        nz-input
        [id]="fieldId()"
        [name]="name()"
        [type]="type()"
        [attr.maxlength]="maxlength()"
        [attr.placeholder]="placeholder()"
        [attr.autocomplete]="autocomplete()"
        [attr.data-testid]="testId()"
        [disabled]="disabled()"
        [ngModel]="value()"
        (ngModelChange)="valueChange.emit($event)"
      />
    </pt-form-field>
  `,
  styles: `
    :host { display: block; }
  `,
})
export class TextFieldComponent {
  readonly label = input.required<string>();
  readonly fieldId = input.required<string>();
  readonly name = input('');
  readonly value = input('');
  readonly type = input<'text' | 'password'>('text');
  readonly maxlength = input<number | null>(null);
  readonly placeholder = input<string | null>(null);
  readonly autocomplete = input<string | null>(null);
  readonly testId = input<string | null>(null);
  readonly required = input(false, { transform: booleanAttribute });
  readonly disabled = input(false, { transform: booleanAttribute });
  readonly error = input<string | null | undefined>(null);
  readonly extra = input<string | TemplateRef<void> | null | undefined>(undefined);
  readonly valueChange = output<string>();
}
