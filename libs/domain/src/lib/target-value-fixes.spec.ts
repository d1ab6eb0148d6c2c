import fc from 'fast-check';
import { parseTargetValue } from './target-value';
import { suggestTargetFixes } from './target-value-fixes';

describe('suggestTargetFixes: one-click fixes for a value that is not a clear quantity (§11)', () => {
  test.each<[string, string | undefined, string[]]>([
    // a number without a unit: the unit from the name, or % for 0–100
    ['100', undefined, ['=100.00(%)', '≥100.00(%)']],
    ['90', '群众满意度', ['≥90.00(%)', '=90.00(%)']],
    ['95', '资金支付率', ['≥95.00(%)', '=95.00(%)']],
    ['1,500', '培训人次', ['≥1500.00(人次)', '=1500.00(人次)']],
    ['12', '开展活动次数', ['≥12.00(次)', '=12.00(次)']],
    ['90', '考核得分', ['≥90.00(分)', '=90.00(分)']],
    ['20', '新增企业数（家）', ['≥20.00(家)', '=20.00(家)']],
    ['3000', undefined, ['≥3000.00', '=3000.00']],
    ['.5', '差错率', ['≥0.50(%)', '=0.50(%)']],
    // a bare number with a unit (read as =): confirm = or correct to ≥
    ['100%', undefined, ['=100.00(%)', '≥100.00(%)']],
    ['12期', undefined, ['≥12.00(期)', '=12.00(期)']],
    ['4次/年', undefined, ['≥4.00(次/年)', '=4.00(次/年)']],
    // operator and word together, look-alike letters, a remark after the value
    ['≥90%以上', undefined, ['≥90.00(%)']],
    ['≥9O%', undefined, ['≥90.00(%)']],
    ['=l00%', undefined, ['=100.00(%)']],
    ['≥90%，确保完成', undefined, ['≥90.00(%)']],
    ['不低于90%以上', undefined, ['≥90.00(%)']],
    ['≤5%以上', undefined, ['≤5.00(%)', '≥5.00(%)']],
    // filler words around a number
    ['达到95%', undefined, ['≥95.00(%)', '=95.00(%)']],
    ['确保100%', undefined, ['≥100.00(%)', '=100.00(%)']],
    ['约30人', undefined, ['=30.00(人)']],
    ['90%左右', undefined, ['=90.00(%)']],
    ['100%完成', undefined, ['=100.00(%)', '≥100.00(%)']],
    ['控制在5%', undefined, ['≤5.00(%)']],
    ['3个工作日内完成', undefined, ['≤3.00(个工作日)']],
    // a range written high-low
    ['95%-90%', undefined, ['90.00-95.00(%)']],
    ['5-3个', undefined, ['3.00-5.00(个)']],
  ])('%j (name %j) → %j', (raw, name, fixes) => {
    expect(suggestTargetFixes(raw, name)).toEqual(fixes);
  });

  test.each([
    '≥90%',
    '不低于95%',
    '90%-95%',
    '比年初规划低不少于2万元',
    '',
    '有效保障',
    '较上年有所提高',
    '=1.2.3(%)',
    '2024年12月',
    '≥3,00(人次)',
    '旗舰店访问量≥3000000',
    '90%以上的群众满意',
    '>=abc',
  ])('no fix for %j (already clear, words only, or any fix would be a guess)', (raw) => {
    expect(suggestTargetFixes(raw, '满意度')).toEqual([]);
  });

  const numberish = fc
    .tuple(
      fc.constantFrom('', '≥', '=', '≤', '达到', '约', '控制在', '不低于'),
      fc.nat({ max: 5000 }),
      fc.constantFrom('', '%', '％', '个', '人次', '(家)', '次/年'),
      fc.constantFrom('', '以上', '以内', '左右', '完成', '，确保完成', '的水平'),
    )
    .map(([a, n, u, b]) => ({ raw: `${a}${n}${u}${b}`, n }));

  test('property: every fix parses as a quantity with a written operator, and keeps the number written', () => {
    fc.assert(
      fc.property(numberish, fc.constantFrom(undefined, '满意度', '培训人次', '办结时限'), ({ raw, n }, name) => {
        for (const fix of suggestTargetFixes(raw, name)) {
          const t = parseTargetValue(fix);
          expect({ raw, fix, kind: t.kind, malformed: t.malformed, implied: t.impliedOperator }).toEqual({
            raw,
            fix,
            kind: 'quantitative',
            malformed: undefined,
            implied: undefined,
          });
          expect(t.text).toBe(fix);
          expect(t.value).toBe(`${n}.00`);
        }
      }),
      { numRuns: 1000 },
    );
  });

  test('property: a value that does not parse but has one plain number gets at least one fix', () => {
    fc.assert(
      fc.property(fc.nat({ max: 5000 }), fc.constantFrom('', '%', '个', '人次'), fc.constantFrom('≥', '达到', ''), (n, unit, op) => {
        const raw = `${op}${n}${unit}${op === '≥' ? '以上' : ''}`;
        const t = parseTargetValue(raw);
        if (t.kind === 'quantitative' && !t.impliedOperator) return;
        expect(suggestTargetFixes(raw).length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
