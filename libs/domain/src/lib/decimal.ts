/**
 * Exact decimal arithmetic for money and indicator values (domain: "never a float").
 *
 * `Dec` is an exact rational number (BigInt numerator / positive BigInt denominator, always
 * reduced), so +, −, × and ÷ never lose precision; rounding happens only when asked for
 * (`roundHalfUp`, `toFixed`). Parsing is strict: only `-?digits(.digits)?` is accepted
 * (no `+`, no white space, no exponent, no NaN/Infinity, no thousands separators, no empty string).
 *
 * - `Dec.parse(s)` returns `null` for anything that is not such a string.
 * - `Dec.of(s)` throws a `DecimalError` (code `INVALID_DECIMAL`) instead.
 * - `div` by zero throws a `DecimalError` (code `DIVISION_BY_ZERO`).
 *
 * Rounding is "half up" in the commercial sense, i.e. half away from zero and symmetric:
 * 0.125 → 0.13, −0.125 → −0.13, −0.004 → 0.00. A negative zero is never produced ("-0.00" never appears).
 */

/** Matches `-?digits(.digits)?`. */
const DECIMAL_RE = /^-?\d+(\.\d+)?$/;

export type DecimalErrorCode = 'INVALID_DECIMAL' | 'DIVISION_BY_ZERO' | 'INVALID_SCALE';

export class DecimalError extends Error {
  readonly code: DecimalErrorCode;
  constructor(code: DecimalErrorCode, message: string) {
    super(message);
    this.name = 'DecimalError';
    this.code = code;
  }
}

function abs(n: bigint): bigint {
  return n < 0n ? -n : n;
}

function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

function checkScale(scale: number): void {
  if (!Number.isInteger(scale) || scale < 0 || scale > 100) {
    throw new DecimalError('INVALID_SCALE', `invalid scale ${scale}`);
  }
}

export class Dec {
  /** Numerator (sign carrier). */
  readonly num: bigint;
  /** Denominator, always > 0; gcd(num, den) = 1. */
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    if (den === 0n) throw new DecimalError('DIVISION_BY_ZERO', 'division by zero');
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    const g = gcd(num, den);
    if (g > 1n) {
      num /= g;
      den /= g;
    }
    this.num = num;
    this.den = den;
  }

  static readonly ZERO = new Dec(0n, 1n);
  static readonly ONE = new Dec(1n, 1n);

  /** Strict parse of `-?digits(.digits)?`; null for anything else (including null/undefined). */
  static parse(s: string | null | undefined): Dec | null {
    if (typeof s !== 'string' || !DECIMAL_RE.test(s)) return null;
    const negative = s.startsWith('-');
    const body = negative ? s.slice(1) : s;
    const dot = body.indexOf('.');
    const intPart = dot < 0 ? body : body.slice(0, dot);
    const fracPart = dot < 0 ? '' : body.slice(dot + 1);
    const num = BigInt(intPart + fracPart) * (negative ? -1n : 1n);
    return new Dec(num, 10n ** BigInt(fracPart.length));
  }

  /** Like `parse` but throws `DecimalError('INVALID_DECIMAL')`. */
  static of(s: string): Dec {
    const d = Dec.parse(s);
    if (!d) throw new DecimalError('INVALID_DECIMAL', `not a decimal number: ${JSON.stringify(s)}`);
    return d;
  }

  /** An integer (bigint, or a safe integer number such as a month). */
  static fromInt(n: bigint | number): Dec {
    if (typeof n === 'number') {
      if (!Number.isSafeInteger(n)) throw new DecimalError('INVALID_DECIMAL', `not a safe integer: ${n}`);
      return new Dec(BigInt(n), 1n);
    }
    return new Dec(n, 1n);
  }

  /** num / den as a Dec (den ≠ 0). */
  static fraction(num: bigint, den: bigint): Dec {
    return new Dec(num, den);
  }

  static sum(values: readonly Dec[]): Dec {
    return values.reduce((acc, v) => acc.add(v), Dec.ZERO);
  }

  static min(a: Dec, b: Dec): Dec {
    return a.cmp(b) <= 0 ? a : b;
  }

  static max(a: Dec, b: Dec): Dec {
    return a.cmp(b) >= 0 ? a : b;
  }

  add(o: Dec): Dec {
    return new Dec(this.num * o.den + o.num * this.den, this.den * o.den);
  }

  sub(o: Dec): Dec {
    return new Dec(this.num * o.den - o.num * this.den, this.den * o.den);
  }

  mul(o: Dec): Dec {
    return new Dec(this.num * o.num, this.den * o.den);
  }

  /** Exact division; throws `DecimalError('DIVISION_BY_ZERO')` when `o` is zero. */
  div(o: Dec): Dec {
    if (o.num === 0n) throw new DecimalError('DIVISION_BY_ZERO', 'division by zero');
    return new Dec(this.num * o.den, this.den * o.num);
  }

  neg(): Dec {
    return new Dec(-this.num, this.den);
  }

  abs(): Dec {
    return this.num < 0n ? this.neg() : this;
  }

  /** −1, 0 or 1. */
  cmp(o: Dec): -1 | 0 | 1 {
    const l = this.num * o.den;
    const r = o.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  eq(o: Dec): boolean {
    return this.cmp(o) === 0;
  }
  lt(o: Dec): boolean {
    return this.cmp(o) < 0;
  }
  lte(o: Dec): boolean {
    return this.cmp(o) <= 0;
  }
  gt(o: Dec): boolean {
    return this.cmp(o) > 0;
  }
  gte(o: Dec): boolean {
    return this.cmp(o) >= 0;
  }

  min(o: Dec): Dec {
    return Dec.min(this, o);
  }

  max(o: Dec): Dec {
    return Dec.max(this, o);
  }

  isZero(): boolean {
    return this.num === 0n;
  }

  isNegative(): boolean {
    return this.num < 0n;
  }

  isPositive(): boolean {
    return this.num > 0n;
  }

  /** Round half away from zero to `scale` decimals (the result is exact at that scale). */
  roundHalfUp(scale: number): Dec {
    checkScale(scale);
    const factor = 10n ** BigInt(scale);
    const scaled = abs(this.num) * factor; // |x| * 10^scale = scaled / den
    let q = scaled / this.den;
    const r = scaled % this.den;
    if (r * 2n >= this.den) q += 1n;
    return new Dec(this.num < 0n ? -q : q, factor);
  }

  /** Round half up to `scale` decimals and format, e.g. "16.67", "-0.01", "0.00" (never "-0.00"). */
  toFixed(scale: number): string {
    const r = this.roundHalfUp(scale);
    const factor = 10n ** BigInt(scale);
    // r.den divides factor, so r * factor is an integer.
    const units = (r.num * factor) / r.den;
    const negative = units < 0n;
    const digits = abs(units).toString().padStart(scale + 1, '0');
    const intPart = scale === 0 ? digits : digits.slice(0, digits.length - scale);
    const fracPart = scale === 0 ? '' : '.' + digits.slice(digits.length - scale);
    return (negative ? '-' : '') + intPart + fracPart;
  }

  /** Number of decimals needed to write this value exactly, or null when it does not terminate (e.g. 1/3). */
  exactScale(): number | null {
    let d = this.den;
    let twos = 0;
    let fives = 0;
    while (d % 2n === 0n) {
      d /= 2n;
      twos++;
    }
    while (d % 5n === 0n) {
      d /= 5n;
      fives++;
    }
    return d === 1n ? Math.max(twos, fives) : null;
  }

  /**
   * The exact decimal ("16.5", "100", "-0.125") when the value terminates; otherwise the
   * fraction form "1/3". For display use `toFixed(2)`.
   */
  toString(): string {
    const scale = this.exactScale();
    return scale === null ? `${this.num}/${this.den}` : this.toFixed(scale);
  }

  toJSON(): string {
    return this.toString();
  }
}

/**
 * True when `s` is a strict decimal string `-?digits(.digits)?` with at most `maxScale`
 * decimals (when given), e.g. isDecimalString("12.50", 2) → true, isDecimalString("1.005", 2) → false.
 */
export function isDecimalString(s: unknown, maxScale?: number): s is string {
  if (typeof s !== 'string' || !DECIMAL_RE.test(s)) return false;
  if (maxScale === undefined) return true;
  const dot = s.indexOf('.');
  const scale = dot < 0 ? 0 : s.length - dot - 1;
  return scale <= maxScale;
}

/**
 * Exact check that `total` equals the sum of `parts` (fund blocks: 项目资金总额 = 财政资金 + 其他资金, …).
 * A part that is null, undefined or "" counts as 0 (a field left empty); `total` must be a decimal
 * string. Any other invalid string (in total or a part) makes the answer false.
 */
export function moneyAdds(total: string | null | undefined, parts: readonly (string | null | undefined)[]): boolean {
  const t = Dec.parse(total);
  if (!t) return false;
  let sum = Dec.ZERO;
  for (const p of parts) {
    if (p === null || p === undefined || p === '') continue;
    const d = Dec.parse(p);
    if (!d) return false;
    sum = sum.add(d);
  }
  return sum.eq(t);
}
