import { openingYear, withDataYears } from './years';

describe('opening year', () => {
  it('keeps this year when it has data or nothing has', () => {
    expect(openingYear([2026, 2024], 2026)).toBe(2026);
    expect(openingYear([], 2026)).toBe(2026);
  });

  it('otherwise opens on the newest year with data', () => {
    expect(openingYear([2024, 2023, 2020], 2026)).toBe(2024);
    expect(openingYear([2027, 2025], 2026)).toBe(2027);
  });

  it('offers the years with data among the options', () => {
    expect(withDataYears([2027, 2026, 2025], [2024, 2020, 2026])).toEqual([2027, 2026, 2025, 2024, 2020]);
  });
});
