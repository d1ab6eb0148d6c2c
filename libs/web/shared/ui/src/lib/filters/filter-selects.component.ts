import { booleanAttribute, ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { TextSelectComponent } from './text-select.component';

/**
 * The budget-year picker of a list or a report (`2026 年`). The years and the opening year come from the page's
 * `yearFilter` (shared data-access): every year with data is offered, newest first.
 */
@Component({
  selector: 'pt-year-select',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzSelectModule],
  template: `
    <nz-select [nzId]="inputId()" [nzShowSearch]="search()" [attr.aria-label]="label()" [attr.data-testid]="testId()" [ngModel]="value()" (ngModelChange)="valueChange.emit($event)">
      @for (y of years(); track y) {
        <nz-option [nzValue]="y" [nzLabel]="y + ' 年'" />
      }
    </nz-select>
  `,
  styles: `
    :host { display: inline-block; }
    nz-select { width: 100%; }
  `,
})
export class YearSelectComponent {
  readonly years = input.required<readonly number[]>();
  readonly value = input.required<number>();
  readonly testId = input<string | null>(null);
  /** The accessible name where no `<label for>` names it. */
  readonly label = input('年度');
  /** The id a `<label for>` names. */
  readonly inputId = input<string | null>(null);
  readonly search = input(false, { transform: booleanAttribute });
  readonly valueChange = output<number>();
}

/**
 * An organisation filter: search by name, cleared for all (`null`); options as `orgOptions` builds them.
 * Not `clearable` where one organisation must be chosen (a form's 实施单位).
 */
@Component({
  selector: 'pt-org-select',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TextSelectComponent],
  template: `
    <pt-text-select
      search
      [items]="options()"
      [clearable]="clearable()"
      [inputId]="inputId()"
      [placeholder]="placeholder()"
      [label]="label()"
      [testId]="testId()"
      [value]="value()"
      (valueChange)="valueChange.emit($event)"
    />
  `,
  styles: `
    :host { display: inline-block; }
    pt-text-select { display: block; }
  `,
})
export class OrgSelectComponent {
  readonly options = input.required<readonly { value: string; label: string }[]>();
  readonly value = input<string | null>(null);
  readonly placeholder = input('全部单位');
  readonly label = input('单位');
  readonly testId = input<string | null>(null);
  readonly inputId = input<string | null>(null);
  readonly clearable = input(true, { transform: booleanAttribute });
  readonly valueChange = output<string | null>();
}
