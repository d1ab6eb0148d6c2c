import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import fixtureJson from '../fixtures/reference-target-values.json';
import type { ExpectedParse, ReferenceTargetValues } from '../fixtures/extract-reference-values';
import { REFERENCE_TABLES } from '../fixtures/reference-tables';
import {
  canonicalDecimal,
  formatTargetValue,
  isPercentUnit,
  normaliseTargetChars,
  parseTargetValue,
  unitsEqual,
} from './target-value';
import type { TargetOperator, TargetValue } from './types';

const fixture = fixtureJson as unknown as ReferenceTargetValues;
const REFERENCE_DIR = path.resolve(__dirname, '../fixtures/reference');

/** The fields a parse is compared on (raw is not compared: it is the input). */
function observed(t: TargetValue): ExpectedParse {
  const o: ExpectedParse = {
    kind: t.kind,
    operator: t.operator,
    value: t.value,
    unit: t.unit,
    direction: t.direction,
    text: t.text,
    malformed: t.malformed === true,
  };
  if (t.kind === 'compare') o.compare = t.compare ?? null;
  return o;
}

function expectedFields(e: ExpectedParse): ExpectedParse {
  const o: ExpectedParse = { ...e };
  if (e.kind !== 'compare') delete o.compare;
  return o;
}

describe('reference fixture (every 指标值 of the reference fixtures)', () => {
  const files = Object.entries(fixture.files);

  // The totals were counted by hand in the documents: 2 tables × 12 rows (2020), and
  // 4 + 46 + 4 + 5 rows in the four yangpu tables; the coop budgets have no target table.
  test.each([
    ['shanghai-2020-xining-office-targets.txt', 24, 2],
    ['shanghai-2024-coop-office-budget.txt', 0, 0],
    ['shanghai-2025-coop-office-budget.txt', 0, 0],
    ['yangpu-2024-gov-office-budget-part1.txt', 59, 4],
  ])('%s holds %i target values in %i tables', (file, count, tables) => {
    expect(fixture.files[file].count).toBe(count);
    expect(fixture.files[file].tables).toHaveLength(tables);
    expect(fixture.entries.filter((e) => e.source === file)).toHaveLength(count);
  });

  for (const [file, summary] of files) {
    const entries = fixture.entries.filter((e) => e.source === file);
    if (entries.length === 0) continue;
    describe(`${file} — ${summary.count} values in ${summary.tables.length} tables`, () => {
      test.each(entries.map((e) => [e.line, e.name, e.raw, e] as const))('line %i 「%s」: %s', (_line, _name, raw, e) => {
        expect(observed(parseTargetValue(raw))).toEqual(expectedFields(e.expected));
      });
    });
  }

  describe(`domain README §4 examples not in the files — ${fixture.readme.length} values`, () => {
    test.each(fixture.readme.map((e) => [e.raw, e] as const))('%s', (raw, e) => {
      expect(e.source).toBe('domain-readme');
      expect(observed(parseTargetValue(raw))).toEqual(expectedFields(e.expected));
    });
  });

  test('every fixture entry is printed at its line of the reference file', () => {
    expect(fs.existsSync(REFERENCE_DIR)).toBe(true);
    const cache = new Map<string, string[]>();
    for (const e of fixture.entries) {
      const lines = cache.get(e.source) ?? fs.readFileSync(path.join(REFERENCE_DIR, e.source), 'utf8').split(/\r?\n/);
      cache.set(e.source, lines);
      const printed = lines.slice(e.line - 1, e.lineEnd).map((l) => l.trim()).join('');
      expect(printed).toContain(e.name);
      // Wrapped values are printed across lines without separators.
      expect(printed.replace(/\s+/g, '')).toContain(e.raw.replace(/\s+/g, ''));
    }
  });

  test('every fixture entry is a row of the typed reference tables (reference-tables.json)', () => {
    for (const e of fixture.entries) {
      const table = REFERENCE_TABLES.find((t) => t.source === e.source && t.name === e.table);
      expect(table).toBeDefined();
      const row = table?.rows.find((r) => r.name === e.name && r.target === e.raw);
      expect(row?.level2).toBe(e.level2);
    }
    const nonEmpty = REFERENCE_TABLES.flatMap((t) => t.rows).filter((r) => r.target.trim() !== '');
    expect(nonEmpty).toHaveLength(fixture.entries.length);
  });
});

describe('parseTargetValue — hand-written edge cases', () => {
  const q = (operator: TargetOperator, value: string, unit: string | null): Partial<TargetValue> => ({
    kind: 'quantitative',
    operator,
    value,
    unit,
  });
  const MALFORMED: Partial<TargetValue> = { kind: 'qualitative', malformed: true };
  test.each<[string, Partial<TargetValue>]>([
    // Operators in every spelling
    ['≥90%', { ...q('≥', '90.00', '%'), direction: 'positive', text: '≥90.00(%)' }],
    ['>=90%', { ...q('≥', '90.00', '%'), direction: 'positive' }],
    ['＞＝90％', { ...q('≥', '90.00', '%'), direction: 'positive' }],
    ['≧90%', { ...q('≥', '90.00', '%'), direction: 'positive' }],
    ['>90%', { ...q('>', '90.00', '%'), direction: 'positive' }],
    ['＞90%', { ...q('>', '90.00', '%'), direction: 'positive' }],
    ['==100%', { ...q('=', '100.00', '%'), direction: 'equal' }],
    ['＝100%', { ...q('=', '100.00', '%'), direction: 'equal' }],
    ['<=5秒', { ...q('≤', '5.00', '秒'), direction: 'reverse', text: '≤5.00(秒)' }],
    ['≦5秒', { ...q('≤', '5.00', '秒'), direction: 'reverse' }],
    ['＜5（秒）', { ...q('<', '5.00', '秒'), direction: 'reverse', text: '<5.00(秒)' }],
    // Width and spacing
    ['≥９０．５％', { ...q('≥', '90.50', '%'), text: '≥90.50(%)' }],
    ['  = 100.00 ( % )  ', { ...q('=', '100.00', '%'), text: '=100.00(%)' }],
    ['=100.00（%）', { ...q('=', '100.00', '%') }],
    ['\u3000≥ 90.00 (%)\u3000', { ...q('≥', '90.00', '%') }],
    ['≥5 次/场', { ...q('≥', '5.00', '次/场'), text: '≥5.00(次/场)' }],
    ['≥5人·次', { ...q('≥', '5.00', '人·次') }],
    ['≥3 km', { ...q('≥', '3.00', 'km') }],
    // Canonical numbers
    ['=+5(个)', { ...q('=', '5.00', '个') }],
    ['=007.5(个)', { ...q('=', '7.50', '个') }],
    ['=0.125(%)', { ...q('=', '0.125', '%'), text: '=0.125(%)' }],
    ['=1.500(吨)', { ...q('=', '1.500', '吨') }],
    ['=-0(起)', { ...q('=', '0.00', '起') }],
    ['≥-2.5(%)', { ...q('≥', '-2.50', '%'), text: '≥-2.50(%)' }],
    ['≥3,000,000(人次)', { ...q('≥', '3000000.00', '人次') }],
    ['≥90', { ...q('≥', '90.00', null), text: '≥90.00' }],
    ['=100.00()', { ...q('=', '100.00', null), text: '=100.00' }],
    // Compare
    [
      '比上年减少不超过5%',
      { kind: 'compare', value: '5.00', unit: '%', direction: 'manual', compare: { base: '上年', verb: '减少', bound: '不超过' } },
    ],
    [
      '比 年初规划 低 不少于 2 万元',
      { kind: 'compare', value: '2.00', unit: '万元', text: '比年初规划低不少于2.00(万元)', compare: { base: '年初规划', verb: '低', bound: '不少于' } },
    ],
    ['比最高限价低不少于5%', { kind: 'compare', compare: { base: '最高限价', verb: '低', bound: '不少于' } }],
    ['比年初规划低不少于2', { kind: 'compare', value: '2.00', unit: null, text: '比年初规划低不少于2.00' }],
    ['比去年有所提高', { kind: 'qualitative', malformed: undefined, direction: 'qualitative' }],
    // Malformed: starts like an operator / number but is not a quantity
    ['>=abc', { ...MALFORMED, operator: null, value: null, text: '>=abc' }],
    ['≥9O%', MALFORMED],
    ['=1.2.3(%)', MALFORMED],
    ['≥', MALFORMED],
    ['= ', MALFORMED],
    ['≥%', MALFORMED],
    ['===5', MALFORMED],
    ['=.5(%)', MALFORMED],
    ['≥3,00(人次)', MALFORMED],
    ['≥90%以上', MALFORMED],
    ['≥90%，确保完成', MALFORMED],
    ['≥3个工作日内完成', MALFORMED],
    ['=100((%))', MALFORMED],
    // §11: a bare number WITH a unit is `=` (an info finding says so); without a unit it stays malformed.
    ['100%', { ...q('=', '100.00', '%'), direction: 'equal', impliedOperator: true, text: '=100.00(%)' }],
    ['90', MALFORMED],
    ['4.00(家)', { ...q('=', '4.00', '家'), impliedOperator: true }],
    ['比年初规划低不少于两万元', MALFORMED],
    // Sentences: qualitative, not malformed, even with an operator or a number inside
    ['旗舰店访问量≥3000000', { kind: 'qualitative', malformed: undefined, text: '旗舰店访问量≥3000000' }],
    ['访问量达到≥90%的水平', { kind: 'qualitative', malformed: undefined }],
    ['3个工作日内完成', { kind: 'qualitative', malformed: undefined }],
    ['2024年底前完成', { kind: 'qualitative', malformed: undefined }],
    ['明显提升明显提升', { kind: 'qualitative', malformed: undefined, text: '明显提升明显提升' }],
    ['  支撑作用明显 ', { kind: 'qualitative', text: '支撑作用明显', direction: 'qualitative' }],
    // Empty
    ['', { kind: 'empty', text: '', operator: null, value: null, unit: null, direction: 'qualitative' }],
    ['   ', { kind: 'empty', text: '' }],
    ['\u3000\t\n', { kind: 'empty', text: '' }],
  ])('%j', (raw, expected) => {
    const t = parseTargetValue(raw);
    expect(t.raw).toBe(raw);
    for (const [k, v] of Object.entries(expected)) {
      expect({ field: k, value: (t as unknown as Record<string, unknown>)[k] }).toEqual({ field: k, value: v });
    }
    expect(t.text).toBe(formatTargetValue(t));
  });

  test('never throws on non-string input', () => {
    for (const bad of [undefined, null, 42, {}, []]) {
      const t = parseTargetValue(bad as unknown as string);
      expect(t.kind).toBe('empty');
    }
  });
});

describe('formatTargetValue', () => {
  const base = { raw: '', text: '', operator: null, value: null, unit: null } as const;
  test.each<[Partial<TargetValue>, string]>([
    [{ kind: 'quantitative', operator: '≥', value: '90', unit: '%', direction: 'positive' }, '≥90.00(%)'],
    [{ kind: 'quantitative', operator: '=', value: '4', unit: '家', direction: 'equal' }, '=4.00(家)'],
    [{ kind: 'quantitative', operator: '<', value: '5.00', unit: '秒', direction: 'reverse' }, '<5.00(秒)'],
    [{ kind: 'quantitative', operator: '≥', value: '90.00', unit: null, direction: 'positive' }, '≥90.00'],
    [{ kind: 'quantitative', operator: '≤', value: '0.1', unit: '%', direction: 'reverse' }, '≤0.10(%)'],
    [
      { kind: 'compare', value: '2', unit: '万元', direction: 'manual', compare: { base: '年初规划', verb: '低', bound: '不少于' } },
      '比年初规划低不少于2.00(万元)',
    ],
    [{ kind: 'qualitative', raw: '  有效保障 ', direction: 'qualitative' }, '有效保障'],
    [{ kind: 'empty', raw: '   ', direction: 'qualitative' }, ''],
  ])('%j → %s', (partial, text) => {
    expect(formatTargetValue({ ...base, ...partial } as TargetValue)).toBe(text);
  });
});

describe('unit helpers', () => {
  test.each([
    ['%', true],
    ['％', true],
    ['(%)', true],
    ['（%）', true],
    [' ( ％ ) ', true],
    ['个', false],
    ['%以上', false],
    ['百分点', false],
    ['', false],
    [null, false],
  ])('isPercentUnit(%j) = %s', (u, expected) => {
    expect(isPercentUnit(u)).toBe(expected);
  });

  test.each([
    ['%', '（％）', true],
    ['次/场', '(次/场)', true],
    ['人 次', '人次', true],
    [null, '', true],
    [undefined, '()', true],
    ['个', '家', false],
    ['万元', '元', false],
    ['%', null, false],
  ])('unitsEqual(%j, %j) = %s', (a, b, expected) => {
    expect(unitsEqual(a, b)).toBe(expected);
    expect(unitsEqual(b, a)).toBe(expected);
  });

  test('canonicalDecimal keeps digits and never uses floats', () => {
    expect(canonicalDecimal('0.1')).toBe('0.10');
    expect(canonicalDecimal('12345678901234567890.123456789')).toBe('12345678901234567890.123456789');
    expect(canonicalDecimal('1e3')).toBeNull();
    expect(canonicalDecimal('')).toBeNull();
  });

  test('normaliseTargetChars maps full-width forms and keeps the length', () => {
    expect(normaliseTargetChars('＞＝９０．５％（个）')).toBe('>=90.5%(个)');
    expect(normaliseTargetChars('≧≦')).toBe('≥≤');
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests
// ---------------------------------------------------------------------------------------------

/** The symbol operators of §4 (ranges, `between`, have their own properties in target-value-words.spec.ts). */
type SymbolOperator = Exclude<TargetOperator, 'between'>;
const OPERATORS: SymbolOperator[] = ['≥', '>', '=', '≤', '<'];
const OP_SPELLINGS: Record<SymbolOperator, string[]> = {
  '≥': ['≥', '>=', '＞＝', '≧', '＞='],
  '>': ['>', '＞'],
  '=': ['=', '==', '＝'],
  '≤': ['≤', '<=', '＜＝', '≦'],
  '<': ['<', '＜'],
};
const DIRECTION: Record<SymbolOperator, TargetValue['direction']> = {
  '≥': 'positive',
  '>': 'positive',
  '=': 'equal',
  '≤': 'reverse',
  '<': 'reverse',
};
const UNITS = ['%', '个', '次', '人', '家', '起', '件', '秒', '天', '条', '篇', '人次', '万元', '亿元', '次/场', '人·次', '元/人', 'km', '平方米'];

/** A decimal as parts; the canonical string is computed here, independently of the parser. */
const decimalParts = fc.record({
  negative: fc.boolean(),
  int: fc.oneof(fc.nat({ max: 1000 }), fc.bigInt({ min: 0n, max: 10n ** 15n })).map((n) => String(n)),
  frac: fc.string({ unit: fc.constantFrom('0', '1', '2', '5', '9'), maxLength: 4 }),
});
function canonicalOf(p: { negative: boolean; int: string; frac: string }): string {
  const frac = p.frac.length < 2 ? p.frac.padEnd(2, '0') : p.frac;
  const zero = /^0+$/.test(p.int) && /^0*$/.test(p.frac);
  return `${p.negative && !zero ? '-' : ''}${p.int}.${frac}`;
}
const toFullWidth = (s: string) => s.replace(/[0-9.%()]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('property: quantitative values', () => {
  test('parse(format(x)) gives back x for generated canonical values', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OPERATORS), decimalParts, fc.option(fc.constantFrom(...UNITS), { nil: null }), (op, parts, unit) => {
        const x: TargetValue = {
          raw: '',
          text: '',
          kind: 'quantitative',
          operator: op,
          value: canonicalOf(parts),
          unit,
          direction: DIRECTION[op],
        };
        const y = parseTargetValue(formatTargetValue(x));
        expect({ kind: y.kind, operator: y.operator, value: y.value, unit: y.unit, direction: y.direction }).toEqual({
          kind: x.kind,
          operator: x.operator,
          value: x.value,
          unit: x.unit,
          direction: x.direction,
        });
        expect(y.malformed).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  test('any written form (spelling, width, spaces, leading zeros, +, brackets) parses to the canonical parts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...OPERATORS),
        fc.nat({ max: 10 }),
        decimalParts,
        fc.nat({ max: 2 }),
        fc.boolean(),
        fc.option(fc.constantFrom(...UNITS), { nil: null }),
        fc.constantFrom('()', '（）', 'bare'),
        fc.constantFrom('', ' ', '  ', '\u3000'),
        fc.boolean(),
        (op, spelling, parts, zeros, plus, unit, bracket, space, fullWidth) => {
          const spellings = OP_SPELLINGS[op];
          const sign = parts.negative ? '-' : plus ? '+' : '';
          let num = `${sign}${'0'.repeat(zeros)}${parts.int}${parts.frac ? '.' + parts.frac : ''}`;
          if (fullWidth) num = toFullWidth(num);
          const unitText =
            unit === null ? '' : bracket === 'bare' ? unit : bracket === '()' ? `(${unit})` : `（${unit}）`;
          const raw = `${space}${spellings[spelling % spellings.length]}${space}${num}${space}${unitText}${space}`;
          const t = parseTargetValue(raw);
          expect({ raw, kind: t.kind, operator: t.operator, value: t.value, unit: t.unit, direction: t.direction }).toEqual({
            raw,
            kind: 'quantitative',
            operator: op,
            value: canonicalOf(parts),
            unit,
            direction: DIRECTION[op],
          });
          expect(t.text).toBe(`${op}${canonicalOf(parts)}${unit === null ? '' : `(${unit})`}`);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

/** Characters that exercise every branch of the grammar. */
const TRICKY = [
  ...'≥≤><=＞＜＝≧≦+-.,，%％()（）0123456789０９ 　比低高减少增加节约不少于低超过个次万元/·O提升明显程度',
  '\t',
  '\n',
];

describe('property: arbitrary strings', () => {
  const strings = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: fc.constantFrom(...TRICKY), maxLength: 20 }),
    fc.tuple(fc.constantFrom('≥', '=', '<', '比上年低不少于', ''), fc.string({ unit: fc.constantFrom(...TRICKY), maxLength: 12 })).map(
      ([a, b]) => a + b,
    ),
  );

  test('parse never throws and its text is the canonical format', () => {
    fc.assert(
      fc.property(strings, (s) => {
        const t = parseTargetValue(s);
        expect(t.raw).toBe(s);
        expect(t.text).toBe(formatTargetValue(t));
        if (t.kind === 'empty') expect(s.trim()).toBe('');
        if (t.malformed) expect(t.kind).toBe('qualitative');
        if (t.kind === 'quantitative') expect(t.value).toMatch(/^-?(0|[1-9][0-9]*)\.[0-9]{2,}$/);
      }),
      { numRuns: 1000 },
    );
  });

  test('the canonical form is idempotent: parse(format(parse(s))) = parse(s)', () => {
    fc.assert(
      fc.property(strings, (s) => {
        const once = parseTargetValue(s);
        const twice = parseTargetValue(formatTargetValue(once));
        expect(observed(twice)).toEqual(observed(once));
        expect(formatTargetValue(twice)).toBe(formatTargetValue(once));
      }),
      { numRuns: 1000 },
    );
  });
});
