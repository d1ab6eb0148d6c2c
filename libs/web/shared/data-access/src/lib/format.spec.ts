import { TestBed } from '@angular/core/testing';
import { Component } from '@angular/core';
import { formatDate, formatDateTime, formatMoney, normaliseMoney, parseDate, sumMoney } from './format';
import { PtDatePipe, PtDateTimePipe, PtMoneyPipe } from './format.pipes';

describe('date and time', () => {
  it('prints an instant in local time to the minute', () => {
    const local = new Date(2026, 11, 6, 21, 8, 59);
    expect(formatDateTime(local)).toBe('2026-12-06 21:08');
    expect(formatDateTime(local.toISOString())).toBe('2026-12-06 21:08');
    expect(formatDateTime(new Date(2027, 0, 2, 3, 4))).toBe('2027-01-02 03:04');
  });

  it('prints the local calendar day, keeps a day string as it is', () => {
    expect(formatDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(formatDate(new Date(2026, 0, 5, 23, 59).toISOString())).toBe('2026-01-05');
    expect(formatDate('2026-03-31')).toBe('2026-03-31');
  });

  it('prints nothing for nothing and an unreadable text unchanged', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('')).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDateTime('not a time')).toBe('not a time');
  });

  it('reads a day for a date picker, refusing impossible dates', () => {
    expect(parseDate('2026-02-28')).toEqual(new Date(2026, 1, 28));
    expect(parseDate('2026-02-30')).toBeNull();
    expect(parseDate('2026/02/01')).toBeNull();
    expect(parseDate(null)).toBeNull();
  });
});

describe('money', () => {
  it.each([
    ['5,925,000', '5925000.00'],
    [' ５００ ', '500.00'],
    ['12。5', '12.50'],
    ['', ''],
    // finer than a fen, or below zero: no amount
    ['1.234', null],
    ['-5', null],
  ])('normalises %j as typed to the decimal string %j', (typed, amount) => {
    expect(normaliseMoney(typed)).toBe(amount);
  });

  it.each([
    ['5925000', '5,925,000.00'],
    ['9999999999999.99', '9,999,999,999,999.99'],
    ['0.1', '0.10'],
    ['abc', 'abc'],
    [null, ''],
  ])('prints %j with thousands separators and two decimals, exactly beyond what a float holds: %j', (amount, printed) => {
    expect(formatMoney(amount)).toBe(printed);
  });

  it('adds exactly', () => {
    expect(sumMoney(['0.10', '0.20', '', null])).toBe('0.30');
    expect(sumMoney(['1', 'x'])).toBeNull();
  });
});

@Component({
  imports: [PtDatePipe, PtDateTimePipe, PtMoneyPipe],
  template: `<span id="at">{{ at | ptDateTime }}</span><span id="day">{{ at | ptDate }}</span><span id="m">{{ amount | ptMoney }}</span
    ><span id="none">{{ none | ptMoney: '—' }}</span>`,
})
class Host {
  at = new Date(2026, 11, 6, 21, 8).toISOString();
  amount = '1234567.5';
  none: string | null = null;
}

describe('pipes', () => {
  it('print in templates what the functions print', () => {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const text = (id: string) => (fixture.nativeElement as HTMLElement).querySelector(`#${id}`)?.textContent;
    expect(text('at')).toBe('2026-12-06 21:08');
    expect(text('day')).toBe('2026-12-06');
    expect(text('m')).toBe('1,234,567.50');
    expect(text('none')).toBe('—');
  });
});
