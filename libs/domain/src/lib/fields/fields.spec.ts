import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  DEPARTMENT_FIELD_LABELS,
  FUND_FIELDS,
  FUND_KEYS,
  FUND_LABELS,
  FUNDS_COLUMN_LABELS,
  FUNDS_ROW_LABELS,
  INDICATOR_COLUMN_LABELS,
  OF_WHICH,
  POLICY_FIELD_LABELS,
  PROJECT_FIELD_LABELS,
  PROJECT_HEADER_LABELS,
} from './index';

const REFERENCE = path.resolve(__dirname, '../../fixtures/reference');
const squash = (s: string) => s.replace(/[\s\u3000]+/g, '').replace(/其中[:：]/g, OF_WHICH);

describe('field catalogue', () => {
  test('each label is written once in the catalogue sources (a label used twice is referenced, not typed again)', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))) {
      const code = fs
        .readFileSync(path.join(__dirname, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      for (const m of code.matchAll(/'([^'\n]*\p{Script=Han}[^'\n]*)'|`([^`\n]*\p{Script=Han}[^`\n]*)`/gu)) {
        const literal = m[1] ?? m[2];
        if (seen.has(literal)) twice.push(`${literal} (${seen.get(literal)}, ${file})`);
        else seen.set(literal, file);
      }
    }
    expect(seen.size).toBeGreaterThan(50);
    expect(twice).toEqual([]);
  });

  test('within one form every field has its own name, so a message or a diff never names two fields alike', () => {
    for (const labels of [PROJECT_FIELD_LABELS, PROJECT_HEADER_LABELS, FUND_LABELS, DEPARTMENT_FIELD_LABELS, POLICY_FIELD_LABELS, INDICATOR_COLUMN_LABELS]) {
      const values: string[] = Object.values(labels);
      expect(new Set(values).size).toBe(values.length);
    }
  });

  test('the right-hand 其他资金 is printed as on the form and named 其他资金（年度） on its own', () => {
    expect(FUND_FIELDS.annualOther).toEqual({ name: '其他资金（年度）', printed: '其他资金' });
    expect(PROJECT_HEADER_LABELS['funds.annualOther']).toBe('其他资金（年度）');
    expect(Object.keys(FUND_LABELS)).toEqual([...FUND_KEYS]);
  });

  test('the 申报表 labels are spelt as the published 2024 tables print them', () => {
    const printed = squash(fs.readFileSync(path.join(REFERENCE, 'yangpu-2024-gov-office-budget-part1.txt'), 'utf8'));
    const F = PROJECT_FIELD_LABELS;
    const expected: string[] = [F.name, F.nature, F.category, F.department, F.org, F.startDate, F.endDate, F.totalGoal, F.annualGoal];
    expected.push(...FUND_KEYS.map((k) => FUND_FIELDS[k].printed), INDICATOR_COLUMN_LABELS.level1, INDICATOR_COLUMN_LABELS.level2, INDICATOR_COLUMN_LABELS.name);
    expect(expected.filter((label) => !printed.includes(squash(label)))).toEqual([]);
  });

  test('the 2020 form prints the texts of the header under the same labels', () => {
    const printed = squash(fs.readFileSync(path.join(REFERENCE, 'shanghai-2020-xining-office-targets.txt'), 'utf8'));
    const F = PROJECT_FIELD_LABELS;
    const expected = [F.overview, F.basis, F.necessity, F.measures, F.plan, F.governmentPurchase, F.performanceType, F.lastYearBudget, F.lastYearExecuted];
    expect(expected.filter((label) => !printed.includes(squash(label)))).toEqual([]);
  });

  test('the 自评表 funds block: 年度资金总额 and 其中 当年财政拨款 / 上年结转资金 / 其他资金 by 年初预算数, 全年预算数, 全年执行数', () => {
    expect(Object.values(FUNDS_ROW_LABELS)).toEqual(['年度资金总额', '其中：当年财政拨款', '上年结转资金', '其他资金']);
    expect(Object.values(FUNDS_COLUMN_LABELS)).toEqual(['年初预算数', '全年预算数', '全年执行数']);
  });
});
