import { countByLight, overviewYears, sortOverview } from './monitoring-overview';

describe('monitoring overview helpers', () => {
  const rows = [
    { name: '乙项目', orgName: '西宁办', light: 'green' as const },
    { name: '甲项目', orgName: '西宁办', light: 'none' as const },
    { name: '丙项目', orgName: '广州办', light: 'red' as const },
    { name: '丁项目', orgName: '西宁办', light: 'green' as const },
  ];

  it('counts projects per light', () => {
    expect(countByLight(rows)).toEqual({ red: 1, yellow: 0, green: 2, blue: 0, none: 1 });
    expect(countByLight([])).toEqual({ red: 0, yellow: 0, green: 0, blue: 0, none: 0 });
  });

  it('lists the worst first', () => {
    expect(sortOverview(rows).map((r) => r.light)).toEqual(['red', 'none', 'green', 'green']);
    expect(sortOverview(rows)[0].name).toBe('丙项目');
  });

  it('offers years from next year back to 2018, and a selected one outside', () => {
    expect(overviewYears(2026).slice(0, 3)).toEqual([2027, 2026, 2025]);
    expect(overviewYears(2026)).toContain(2020);
    expect(overviewYears(2026).at(-1)).toBe(2018);
    expect(overviewYears(2026, 2010).at(-1)).toBe(2010);
  });
});
