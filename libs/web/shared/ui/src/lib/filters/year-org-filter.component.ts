import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { OrgSelectComponent, YearSelectComponent } from './filter-selects.component';

/** What the pickers read and set of a report's filter (a YearOrgFilter of the shared data-access is one). */
export interface YearOrgChoice {
  year(): number;
  years(): readonly number[];
  orgId(): string | null;
  setYear(year: number | null): void;
  setOrg(orgId: string | null): void;
}

/**
 * The year and organisation pickers of a report page, side by side in the page's own row of filters (their
 * widths: `--year-width`, `--org-width` on the row). Test ids: `<testIdPrefix>year`, `<testIdPrefix>org`.
 */
@Component({
  selector: 'pt-year-org-filter',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [OrgSelectComponent, YearSelectComponent],
  template: `
    <pt-year-select class="f-year" [label]="yearLabel()" [testId]="testIdPrefix() + 'year'" [years]="filter().years()" [value]="filter().year()" (valueChange)="filter().setYear($event)" />
    <pt-org-select class="f-org" [testId]="testIdPrefix() + 'org'" [options]="orgs()" [value]="filter().orgId()" (valueChange)="filter().setOrg($event)" />
  `,
  styles: `
    /* the pickers join the page's row of filters (its gap applies) */
    :host { display: contents; }
    .f-year { width: var(--year-width, 120px); }
    .f-org { width: var(--org-width, 280px); }
  `,
})
export class YearOrgFilterComponent {
  readonly filter = input.required<YearOrgChoice>();
  /** The organisations offered (`orgOptions`). */
  readonly orgs = input.required<readonly { value: string; label: string }[]>();
  readonly testIdPrefix = input('');
  readonly yearLabel = input('年度');
}
