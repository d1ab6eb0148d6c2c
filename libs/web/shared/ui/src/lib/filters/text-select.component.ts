import { booleanAttribute, ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzSelectModule } from 'ng-zorro-antd/select';

/** Texts offered under a heading (the 二级指标 of one 一级指标). */
export interface TextOptionGroup {
  group: string;
  children: readonly string[];
}

/**
 * A select of texts: `options` whose values are the texts shown (一级指标 …), `groups` of them under headings (二级指标),
 * or `items` whose value differs from the label shown (an organisation's id and name). Nothing chosen is `null` (an
 * empty text shows the placeholder). `clearable` for a filter, `search` for long lists.
 */
@Component({
  selector: 'pt-text-select',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzSelectModule],
  template: `
    <nz-select
      [nzId]="inputId()"
      [nzAllowClear]="clearable()"
      [nzShowSearch]="search()"
      [nzPlaceHolder]="placeholder()"
      [nzDisabled]="disabled()"
      [attr.aria-label]="label()"
      [attr.data-testid]="testId()"
      [ngModel]="value() || null"
      (ngModelChange)="valueChange.emit($event ?? null)"
    >
      @for (o of items(); track o.value) {
        <nz-option [nzValue]="o.value" [nzLabel]="o.label" />
      }
      @for (o of options(); track o) {
        <nz-option [nzValue]="o" [nzLabel]="o" />
      }
      @for (g of groups(); track g.group) {
        <nz-option-group [nzLabel]="g.group">
          @for (c of g.children; track c) {
            <nz-option [nzValue]="c" [nzLabel]="c" />
          }
        </nz-option-group>
      }
    </nz-select>
  `,
  styles: `
    :host { display: inline-block; }
    nz-select { width: 100%; }
  `,
})
export class TextSelectComponent {
  readonly items = input<readonly { value: string; label: string }[]>([]);
  readonly options = input<readonly string[]>([]);
  readonly groups = input<readonly TextOptionGroup[]>([]);
  readonly value = input<string | null>(null);
  readonly placeholder = input('');
  /** The accessible name where no `<label for>` names it (a filter). */
  readonly label = input<string | null>(null);
  readonly testId = input<string | null>(null);
  /** The id a `<label for>` names. */
  readonly inputId = input<string | null>(null);
  readonly clearable = input(false, { transform: booleanAttribute });
  readonly search = input(false, { transform: booleanAttribute });
  readonly disabled = input(false, { transform: booleanAttribute });
  readonly valueChange = output<string | null>();
}
