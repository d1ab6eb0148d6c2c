import fc from 'fast-check';
import { Dec, DecimalError, isDecimalString, moneyAdds } from './decimal';

const d = (s: string) => Dec.of(s);

describe('Dec.parse', () => {
  it.each(['0', '-0', '1', '90', '0.10', '-2.5', '1500.00', '007.50', '123456789012345678901234567890.123456789'])(
    'accepts %s',
    (s) => {
      expect(Dec.parse(s)).not.toBeNull();
    },
  );

  it.each([
    '',
    ' ',
    ' 1',
    '1 ',
    '+1',
    '1.',
    '.5',
    '-',
    '-.5',
    '1e3',
    '1E3',
    'NaN',
    'Infinity',
    '-Infinity',
    '1,000',
    '１２',
    '0x10',
    '1.2.3',
    '--1',
    '12%',
  ])('rejects %j', (s) => {
    expect(Dec.parse(s)).toBeNull();
  });

  it('rejects non-strings', () => {
    expect(Dec.parse(null)).toBeNull();
    expect(Dec.parse(undefined)).toBeNull();
    expect(Dec.parse(12 as unknown as string)).toBeNull();
  });

  it('Dec.of throws a typed error', () => {
    expect(() => Dec.of('abc')).toThrow(DecimalError);
    try {
      Dec.of('1e5');
      throw new Error('should have thrown');
    } catch (e) {
      expect((e as DecimalError).code).toBe('INVALID_DECIMAL');
    }
  });

  it('keeps the value exactly and normalises scale', () => {
    expect(d('0.10').toString()).toBe('0.1');
    expect(d('-0').toString()).toBe('0');
    expect(d('007.50').toString()).toBe('7.5');
    expect(d('123456789012345678901234567890.123456789').toString()).toBe('123456789012345678901234567890.123456789');
  });
});

describe('arithmetic', () => {
  it('adds without float error: 0.1 + 0.2 = 0.3', () => {
    expect(d('0.1').add(d('0.2')).eq(d('0.3'))).toBe(true);
    expect(d('0.1').add(d('0.2')).toString()).toBe('0.3');
  });

  it('sub / mul / div', () => {
    expect(d('10').sub(d('12.5')).toString()).toBe('-2.5');
    expect(d('1.5').mul(d('-0.2')).toString()).toBe('-0.3');
    expect(d('50').div(d('3')).toString()).toBe('50/3');
    expect(d('50').div(d('3')).mul(d('3')).toString()).toBe('50');
    expect(d('1').div(d('8')).toString()).toBe('0.125');
  });

  it('div by zero throws DIVISION_BY_ZERO', () => {
    expect(() => d('1').div(d('0.00'))).toThrow(DecimalError);
    try {
      d('1').div(Dec.ZERO);
    } catch (e) {
      expect((e as DecimalError).code).toBe('DIVISION_BY_ZERO');
    }
  });

  it('cmp / min / max / predicates', () => {
    expect(d('1.10').cmp(d('1.1'))).toBe(0);
    expect(d('-1').cmp(d('0'))).toBe(-1);
    expect(d('2').cmp(d('1.99'))).toBe(1);
    expect(d('2').min(d('1.99')).toString()).toBe('1.99');
    expect(Dec.max(d('-3'), d('-2')).toString()).toBe('-2');
    expect(d('0.00').isZero()).toBe(true);
    expect(d('-0.01').isNegative()).toBe(true);
    expect(d('-0').isNegative()).toBe(false);
    expect(d('0.01').isPositive()).toBe(true);
    expect(d('-2').abs().toString()).toBe('2');
    expect(Dec.sum([d('0.1'), d('0.2'), d('-0.3')]).isZero()).toBe(true);
    expect(Dec.fromInt(7).div(Dec.fromInt(12)).toString()).toBe('7/12');
    expect(() => Dec.fromInt(1.5)).toThrow(DecimalError);
  });
});

describe('roundHalfUp / toFixed', () => {
  it.each([
    ['16.666', 2, '16.67'], // 50/3 style
    ['16.665', 2, '16.67'], // exact half → up
    ['16.664999', 2, '16.66'],
    ['2.675', 2, '2.68'], // a float would give 2.67
    ['1.005', 2, '1.01'], // a float would give 1.00
    ['-1.005', 2, '-1.01'], // half away from zero
    ['-0.005', 2, '-0.01'],
    ['-0.004', 2, '0.00'], // never "-0.00"
    ['-0', 2, '0.00'],
    ['0', 2, '0.00'],
    ['100', 2, '100.00'],
    ['0.5', 0, '1'],
    ['-0.4', 0, '0'],
    ['12.3456', 3, '12.346'],
  ])('%s to %i decimals → %s', (s, scale, expected) => {
    expect(d(s).toFixed(scale)).toBe(expected);
  });

  it('rounds fractions exactly: 50/3 → 16.67, 100/3 → 33.33, 2/3 → 0.67, -1/6 → -0.17', () => {
    expect(d('50').div(d('3')).toFixed(2)).toBe('16.67');
    expect(d('100').div(d('3')).toFixed(2)).toBe('33.33');
    expect(d('2').div(d('3')).toFixed(2)).toBe('0.67');
    expect(d('-1').div(d('6')).toFixed(2)).toBe('-0.17');
    expect(d('1').div(d('-300')).toFixed(2)).toBe('0.00');
  });

  it('roundHalfUp returns a Dec at that scale', () => {
    expect(d('16.665').roundHalfUp(2).toString()).toBe('16.67');
    expect(d('1').div(d('3')).roundHalfUp(2).mul(d('3')).toString()).toBe('0.99');
  });

  it('rejects a bad scale', () => {
    expect(() => d('1').toFixed(-1)).toThrow(DecimalError);
    expect(() => d('1').toFixed(1.5)).toThrow(DecimalError);
  });

  it('property: toFixed(2) never shows "-0.00" and is within half a cent', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (n, m) => {
        const x = Dec.fraction(n, m);
        const s = x.toFixed(2);
        expect(s).not.toBe('-0.00');
        expect(isDecimalString(s, 2)).toBe(true);
        const diff = Dec.of(s).sub(x).abs();
        expect(diff.lte(d('0.005'))).toBe(true);
      }),
    );
  });

  it('property: parse(toFixed) round-trips values with two decimals', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (cents) => {
        const x = Dec.fraction(cents, 100n);
        expect(Dec.of(x.toFixed(2)).eq(x)).toBe(true);
      }),
    );
  });
});

describe('isDecimalString', () => {
  it('checks the syntax and the scale', () => {
    expect(isDecimalString('12.50')).toBe(true);
    expect(isDecimalString('12.50', 2)).toBe(true);
    expect(isDecimalString('12', 0)).toBe(true);
    expect(isDecimalString('12.5', 0)).toBe(false);
    expect(isDecimalString('1.005', 2)).toBe(false);
    expect(isDecimalString('-3.1', 2)).toBe(true);
    expect(isDecimalString('1e3')).toBe(false);
    expect(isDecimalString('')).toBe(false);
    expect(isDecimalString(null)).toBe(false);
    expect(isDecimalString(5)).toBe(false);
  });
});

describe('moneyAdds', () => {
  it('compares sums exactly', () => {
    // 0.10 + 0.20 = 0.30 (floats would say 0.30000000000000004)
    expect(moneyAdds('0.30', ['0.10', '0.20'])).toBe(true);
    expect(moneyAdds('500000.00', ['450000.00', '50000'])).toBe(true);
    expect(moneyAdds('500000.00', ['450000.00', '50000.01'])).toBe(false);
  });

  it('counts empty parts as 0 and rejects invalid strings', () => {
    expect(moneyAdds('100', ['100', null, undefined, ''])).toBe(true);
    expect(moneyAdds('100', ['100', 'abc'])).toBe(false);
    expect(moneyAdds('', ['0'])).toBe(false);
    expect(moneyAdds(null, [])).toBe(false);
    expect(moneyAdds('0', [])).toBe(true);
  });
});
