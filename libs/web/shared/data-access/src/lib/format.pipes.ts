import { Pipe, type PipeTransform } from '@angular/core';
import { formatDate, formatDateTime, formatMoney } from './format';

/** `{{ at | ptDateTime }}` → `2026-12-06 21:08` (local time). */
@Pipe({ name: 'ptDateTime' })
export class PtDateTimePipe implements PipeTransform {
  transform(value: string | Date | null | undefined): string {
    return formatDateTime(value);
  }
}

/** `{{ at | ptDate }}` → `2026-12-06` (the local calendar day). */
@Pipe({ name: 'ptDate' })
export class PtDatePipe implements PipeTransform {
  transform(value: string | Date | null | undefined): string {
    return formatDate(value);
  }
}

/** `{{ amount | ptMoney }}` → `5,925,000.00` (a decimal string, never a float); `empty` for none. */
@Pipe({ name: 'ptMoney' })
export class PtMoneyPipe implements PipeTransform {
  transform(value: string | null | undefined, empty = ''): string {
    return value === null || value === undefined || value === '' ? empty : formatMoney(value);
  }
}
