import { openingYear, withDataYears, yearFilter, yearFromLink, yearRange } from './years';

describe('year filters', () => {
  it('open on this year when it has data or nothing has, else on the newest year with data', () => {
    expect(openingYear([2026, 2025], 2026)).toBe(2026);
    expect(openingYear([], 2026)).toBe(2026);
    expect(openingYear([2025, 2024], 2026)).toBe(2025);
  });

  it('offer every year with data, newest first, once', () => {
    expect(withDataYears([2027, 2026], [2026, 2019])).toEqual([2027, 2026, 2019]);
    expect(yearRange(2027, 2024)).toEqual([2027, 2026, 2025, 2024]);
  });

  it('read a plausible year from a link only', () => {
    expect(yearFromLink('2025')).toBe(2025);
    expect(yearFromLink('1999')).toBeNull();
    expect(yearFromLink('abc')).toBeNull();
    expect(yearFromLink(null)).toBeNull();
  });

  it('move to the newest year with data, adding the years with data to the options', async () => {
    const f = yearFilter({ years: [2027, 2026], current: 2026 });
    await f.openOnData(() => Promise.resolve([2024, 2020]));
    expect(f.year()).toBe(2024);
    expect(f.years()).toEqual([2027, 2026, 2024, 2020]);
  });

  it('stay on a year a link named or the user picked meanwhile', async () => {
    const linked = yearFilter({ years: [2027, 2026], current: 2026, linked: 2019 });
    expect(linked.year()).toBe(2019);
    expect(linked.years()).toEqual([2027, 2026, 2019]);
    await linked.openOnData(() => Promise.resolve([2024]));
    expect(linked.year()).toBe(2019);

    const picked = yearFilter({ years: [2027, 2026], current: 2026 });
    let answer!: (y: number[]) => void;
    const pending = picked.openOnData(() => new Promise<number[]>((res) => (answer = res)));
    picked.year.set(2027);
    answer([2024]);
    await pending;
    expect(picked.year()).toBe(2027);
  });

  it('stay on this year when the years cannot be read', async () => {
    const f = yearFilter({ years: [2026], current: 2026 });
    await f.openOnData(() => Promise.reject(new Error('offline')));
    expect(f.year()).toBe(2026);
  });
});
