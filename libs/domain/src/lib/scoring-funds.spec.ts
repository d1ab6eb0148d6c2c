import fc from 'fast-check';
import { formatWan, fundsProblems, wanToYuan, yuanToWan } from './scoring-funds';

describe('万元 and yuan', () => {
  it('converts exactly both ways', () => {
    expect(yuanToWan('500000.00')).toBe('50.00');
    expect(yuanToWan('123456.78')).toBe('12.345678');
    expect(yuanToWan('0')).toBe('0.00');
    expect(yuanToWan('abc')).toBeNull();
    expect(yuanToWan(null)).toBeNull();
    expect(wanToYuan('50')).toBe('500000.00');
    expect(wanToYuan('12.345678')).toBe('123456.78');
    expect(wanToYuan(' 0.01 ')).toBe('100.00');
    // finer than a fen, or not a number
    expect(wanToYuan('0.0000001')).toBeNull();
    expect(wanToYuan('1,000')).toBeNull();
    expect(wanToYuan('')).toBeNull();
  });

  it.each([
    ['12478600.00', '1,247.86'],
    ['12478650.00', '1,247.87'],
    ['5000', '0.50'],
    ['123456789012.34', '12,345,678.90'],
    ['', ''],
  ])('prints %j yuan in 万元 with two decimals, half-up, and thousands separators: %j', (yuan, wan) => {
    expect(formatWan(yuan)).toBe(wan);
  });

  it('property: yuan → 万元 → yuan is the identity', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), (fen) => {
        const yuan = `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
        expect(wanToYuan(yuanToWan(yuan))).toBe(yuan);
      }),
    );
  });
});

describe('the funds block adds up (fundsProblems)', () => {
  const total = { initialBudget: '500000.00', annualBudget: '500000.00', executed: '450000.00' };

  it('sources adding up to the total row: no problem; all sources empty: not checked', () => {
    expect(fundsProblems({ total })).toEqual([]);
    expect(fundsProblems({ total, fiscal: { executed: '' }, carryover: null })).toEqual([]);
    expect(
      fundsProblems({
        total,
        fiscal: { initialBudget: '400000', annualBudget: '400000', executed: '380000' },
        carryover: { initialBudget: '100000', annualBudget: '50000', executed: '50000' },
        other: { annualBudget: '50000.00', executed: '20000' },
      }),
    ).toEqual([]);
  });

  it('one error per column that does not add up, in 万元, empty sources counting 0', () => {
    const p = fundsProblems({ total, fiscal: { initialBudget: '400000', annualBudget: '500000', executed: '400000' }, carryover: { executed: '40000' } });
    expect(p).toEqual([
      {
        index: null,
        field: 'funds.initialBudget',
        code: 'FUNDS_NOT_ADDING_UP',
        message: '年初预算数：当年财政拨款、上年结转资金、其他资金合计 40.00 万元，与年度资金总额 50.00 万元不一致',
        severity: 'error',
      },
      expect.objectContaining({ field: 'funds.executed', message: '全年执行数：当年财政拨款、上年结转资金、其他资金合计 44.00 万元，与年度资金总额 45.00 万元不一致' }),
    ]);
  });

  it('an empty total counts as 0 once a source is filled', () => {
    expect(fundsProblems({ total: {}, fiscal: { executed: '1' } }).map((x) => x.field)).toEqual(['funds.executed']);
  });
});
