import type { OrgNode } from '@pt/shared/api-types';
import { formatMoney, normaliseMoney, sumMoney } from './money';
import { orgOptions } from './org-options';

describe('money', () => {
  it('normalises amounts as typed to two-decimal strings', () => {
    expect(normaliseMoney('5,925,000.00')).toBe('5925000.00');
    expect(normaliseMoney(' 500000 ')).toBe('500000.00');
    expect(normaliseMoney('１２.5')).toBe('12.50');
    expect(normaliseMoney('')).toBe('');
    expect(normaliseMoney('-1')).toBeNull();
    expect(normaliseMoney('1.005')).toBeNull();
    expect(normaliseMoney('abc')).toBeNull();
  });

  it('formats with thousands separators and sums exactly', () => {
    expect(formatMoney('13235000')).toBe('13,235,000.00');
    expect(formatMoney('0.1')).toBe('0.10');
    expect(formatMoney('x')).toBe('x');
    expect(sumMoney(['0.10', '0.20', ''])).toBe('0.30');
    expect(sumMoney(['99999999999.99', '0.01'])).toBe('100000000000.00');
    expect(sumMoney(['1', 'oops'])).toBeNull();
  });
});

describe('orgOptions', () => {
  const orgs: OrgNode[] = [
    { id: 'u2', code: 'HZB-XN', name: '驻西宁办事处', kind: 'unit', parentId: 'd1' },
    { id: 'd1', code: 'HZB', name: '合作交流办', kind: 'department', parentId: 'f' },
    { id: 'f', code: 'CZJ', name: '财政局', kind: 'finance', parentId: null },
    { id: 'u1', code: 'HZB-BB', name: '合作交流办本部', kind: 'unit', parentId: 'd1' },
  ];

  it('lists organisations in tree order, units with their department', () => {
    expect(orgOptions(orgs).map((o) => o.label)).toEqual(['财政局', '合作交流办', '合作交流办 / 合作交流办本部', '合作交流办 / 驻西宁办事处']);
    expect(orgOptions(orgs, ['unit']).map((o) => o.value)).toEqual(['u1', 'u2']);
  });

  it('treats an organisation whose parent is not visible as a root', () => {
    expect(orgOptions([orgs[0]]).map((o) => o.label)).toEqual(['驻西宁办事处']);
  });
});
