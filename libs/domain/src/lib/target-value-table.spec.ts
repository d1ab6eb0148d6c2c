import { parseTargetValue } from './target-value';
import type { TargetOperator } from './types';

/**
 * Table-driven: 指标值 as people write them in published tables (§4 reference forms, §11 words, ranges,
 * bare numbers, grade words and sentences), with the parse each must give. One row per value:
 *   [raw, operator, value, unit, valueMax?]  quantitative; operator '=?' means `=` with impliedOperator
 *   [raw, 'compare', value, unit]            比… values
 *   [raw, 'qual'] / [raw, 'malformed'] / [raw, 'empty']
 */
type Row =
  | [string, TargetOperator | '=?', string, string | null]
  | [string, 'between', string, string | null, string]
  | [string, 'compare', string, string | null]
  | [string, 'qual' | 'malformed' | 'empty'];

const TABLE: Row[] = [
  // §4 reference forms (symbol operators, widths, brackets)
  ['>=90%', '≥', '90.00', '%'],
  ['=100%', '=', '100.00', '%'],
  ['=100.00(%)', '=', '100.00', '%'],
  ['≥90.00 (%)', '≥', '90.00', '%'],
  ['=100.00（%）', '=', '100.00', '%'],
  ['≤0.10(%)', '≤', '0.10', '%'],
  ['≥1500.00(个)', '≥', '1500.00', '个'],
  ['<5.00(秒)', '<', '5.00', '秒'],
  ['>99.00(%)', '>', '99.00', '%'],
  ['=4.00(家)', '=', '4.00', '家'],
  ['=0.00(起)', '=', '0.00', '起'],
  ['≥60个', '≥', '60.00', '个'],
  ['＞95％', '>', '95.00', '%'],
  ['＝4.00（家）', '=', '4.00', '家'],
  ['＜3（天）', '<', '3.00', '天'],
  ['≥ 12 (期)', '≥', '12.00', '期'],
  ['≥4次/年', '≥', '4.00', '次/年'],
  ['<=30分钟', '≤', '30.00', '分钟'],
  ['≥1,500人次', '≥', '1500.00', '人次'],
  ['≥98.5%', '≥', '98.50', '%'],
  ['≤5万元', '≤', '5.00', '万元'],
  ['=1(项)', '=', '1.00', '项'],
  ['≥90分', '≥', '90.00', '分'],
  ['≥3,000,000(人次)', '≥', '3000000.00', '人次'],
  // ≥ words
  ['不低于95%', '≥', '95.00', '%'],
  ['不低于 95 %', '≥', '95.00', '%'],
  ['不少于12次', '≥', '12.00', '次'],
  ['不少于1,500人次', '≥', '1500.00', '人次'],
  ['不小于3个', '≥', '3.00', '个'],
  ['至少2次', '≥', '2.00', '次'],
  ['至少1次/年', '≥', '1.00', '次/年'],
  ['大于等于90%', '≥', '90.00', '%'],
  ['大于或等于85%', '≥', '85.00', '%'],
  ['90%以上', '≥', '90.00', '%'],
  ['95％以上', '≥', '95.00', '%'],
  ['90%及以上', '≥', '90.00', '%'],
  ['90%(含)以上', '≥', '90.00', '%'],
  ['90%（含）以上', '≥', '90.00', '%'],
  ['100人以上', '≥', '100.00', '人'],
  ['20家以上', '≥', '20.00', '家'],
  ['3篇以上', '≥', '3.00', '篇'],
  ['500万元以上', '≥', '500.00', '万元'],
  ['不低于90分', '≥', '90.00', '分'],
  ['不低于4星', '≥', '4.00', '星'],
  ['不低于85', '≥', '85.00', null],
  ['不少于 6 期', '≥', '6.00', '期'],
  ['不少于2场', '≥', '2.00', '场'],
  ['不少于10,000册', '≥', '10000.00', '册'],
  ['不低于98.00(%)', '≥', '98.00', '%'],
  ['4次及以上', '≥', '4.00', '次'],
  // ≤ words
  ['不高于5%', '≤', '5.00', '%'],
  ['不超过3个工作日', '≤', '3.00', '个工作日'],
  ['不超过100万元', '≤', '100.00', '万元'],
  ['不大于0.5%', '≤', '0.50', '%'],
  ['不多于2次', '≤', '2.00', '次'],
  ['最多3次', '≤', '3.00', '次'],
  ['至多5天', '≤', '5.00', '天'],
  ['小于等于1%', '≤', '1.00', '%'],
  ['小于或等于2小时', '≤', '2.00', '小时'],
  ['5%以内', '≤', '5.00', '%'],
  ['3个工作日以内', '≤', '3.00', '个工作日'],
  ['30分钟之内', '≤', '30.00', '分钟'],
  ['2%以下', '≤', '2.00', '%'],
  ['0.5‰以下', '≤', '0.50', '‰'],
  ['1起及以下', '≤', '1.00', '起'],
  ['控制在5%以内', '≤', '5.00', '%'],
  ['控制在 10 万元以内', '≤', '10.00', '万元'],
  ['控制在3%以下', '≤', '3.00', '%'],
  ['控制在预算以内', 'qual'],
  ['不超过预算', 'qual'],
  // > and < words
  ['高于90%', '>', '90.00', '%'],
  ['大于80%', '>', '80.00', '%'],
  ['超过99%', '>', '99.00', '%'],
  ['超过1000人次', '>', '1000.00', '人次'],
  ['多于3家', '>', '3.00', '家'],
  ['低于1%', '<', '1.00', '%'],
  ['小于5秒', '<', '5.00', '秒'],
  ['少于2起', '<', '2.00', '起'],
  ['不足3天', '<', '3.00', '天'],
  ['不满1年', '<', '1.00', '年'],
  // ranges
  ['90%-95%', 'between', '90.00', '%', '95.00'],
  ['90%～95%', 'between', '90.00', '%', '95.00'],
  ['90%~95%', 'between', '90.00', '%', '95.00'],
  ['90-95%', 'between', '90.00', '%', '95.00'],
  ['90%－95%', 'between', '90.00', '%', '95.00'],
  ['90% - 95%', 'between', '90.00', '%', '95.00'],
  ['80%至90%', 'between', '80.00', '%', '90.00'],
  ['80%到90%', 'between', '80.00', '%', '90.00'],
  ['在80%至90%之间', 'between', '80.00', '%', '90.00'],
  ['介于85%-95%之间', 'between', '85.00', '%', '95.00'],
  ['3-5个', 'between', '3.00', '个', '5.00'],
  ['3～5个', 'between', '3.00', '个', '5.00'],
  ['2-3次/年', 'between', '2.00', '次/年', '3.00'],
  ['10-20万元', 'between', '10.00', '万元', '20.00'],
  ['1,000-1,500人次', 'between', '1000.00', '人次', '1500.00'],
  ['95.5%-98.5%', 'between', '95.50', '%', '98.50'],
  ['0-5%', 'between', '0.00', '%', '5.00'],
  ['90.00-95.00(%)', 'between', '90.00', '%', '95.00'],
  ['90(%)-95(%)', 'between', '90.00', '%', '95.00'],
  ['4—6场', 'between', '4.00', '场', '6.00'],
  ['-5--3(%)', 'between', '-5.00', '%', '-3.00'],
  ['90%-90%', 'between', '90.00', '%', '90.00'],
  ['95%-90%', 'malformed'],
  ['3个-5人', 'qual'],
  ['2024-2025年', 'between', '2024.00', '年', '2025.00'],
  // bare numbers with a unit: = (implied)
  ['100%', '=?', '100.00', '%'],
  ['95%', '=?', '95.00', '%'],
  ['12期', '=?', '12.00', '期'],
  ['4次/年', '=?', '4.00', '次/年'],
  ['1次/年', '=?', '1.00', '次/年'],
  ['1,500个', '=?', '1500.00', '个'],
  ['2篇', '=?', '2.00', '篇'],
  ['4.00(家)', '=?', '4.00', '家'],
  ['100（%）', '=?', '100.00', '%'],
  ['３０人', '=?', '30.00', '人'],
  ['0起', '=?', '0.00', '起'],
  ['1 项', '=?', '1.00', '项'],
  ['50万元', '=?', '50.00', '万元'],
  ['12个月', '=?', '12.00', '个月'],
  // malformed: number-like without a clear quantity
  ['90', 'malformed'],
  ['1,500', 'malformed'],
  ['≥90%以上', 'malformed'],
  ['≥9O%', 'malformed'],
  ['=1.2.3(%)', 'malformed'],
  ['>=abc', 'malformed'],
  ['≥', 'malformed'],
  ['≥90%，确保完成', 'malformed'],
  ['比年初规划低不少于两万元', 'malformed'],
  // compare
  ['比年初规划低不少于2万元', 'compare', '2.00', '万元'],
  ['比上年减少不超过5%', 'compare', '5.00', '%'],
  ['比最高限价低不少于5%', 'compare', '5.00', '%'],
  ['比上年增加不低于10%', 'compare', '10.00', '%'],
  ['比预算节约不少于3万元', 'compare', '3.00', '万元'],
  // grade words and sentences
  ['提高', 'qual'],
  ['提升', 'qual'],
  ['加强', 'qual'],
  ['促进', 'qual'],
  ['保障', 'qual'],
  ['有效保障', 'qual'],
  ['扩大', 'qual'],
  ['优化', 'qual'],
  ['良好', 'qual'],
  ['有效', 'qual'],
  ['及时', 'qual'],
  ['健全', 'qual'],
  ['完全符合', 'qual'],
  ['明显', 'qual'],
  ['显著', 'qual'],
  ['支撑作用明显', 'qual'],
  ['较上年有所提高', 'qual'],
  ['按时完成', 'qual'],
  ['达到预期', 'qual'],
  ['3个工作日内完成', 'qual'],
  ['2024年底前完成', 'qual'],
  ['2024年12月', 'qual'],
  ['90%左右', 'qual'],
  ['达到95%', 'qual'],
  ['旗舰店访问量≥3000000', 'qual'],
  ['90%以上的群众满意', 'qual'],
  ['不低于上年水平', 'qual'],
  ['逐步提高', 'qual'],
  ['', 'empty'],
  ['   ', 'empty'],
];

function expected(r: Row) {
  const [raw, kind] = r;
  if (kind === 'qual' || kind === 'malformed') {
    return { raw, kind: 'qualitative', operator: null, value: null, valueMax: null, unit: null, malformed: kind === 'malformed', implied: false };
  }
  if (kind === 'empty') return { raw, kind: 'empty', operator: null, value: null, valueMax: null, unit: null, malformed: false, implied: false };
  const [, , value, unit, valueMax] = r as [string, string, string, string | null, string?];
  if (kind === 'compare') return { raw, kind: 'compare', operator: null, value, valueMax: null, unit, malformed: false, implied: false };
  const operator = kind === '=?' ? '=' : kind;
  return { raw, kind: 'quantitative', operator, value, valueMax: valueMax ?? null, unit, malformed: false, implied: kind === '=?' };
}

describe(`指标值 as written: ${TABLE.length} values`, () => {
  test('the table holds at least 150 distinct values', () => {
    expect(new Set(TABLE.map((r) => r[0])).size).toBe(TABLE.length);
    expect(TABLE.length).toBeGreaterThanOrEqual(150);
  });

  test.each(TABLE.map((r) => [r[0], r] as const))('%j', (raw, r) => {
    const t = parseTargetValue(raw);
    expect({
      raw,
      kind: t.kind,
      operator: t.operator,
      value: t.value,
      valueMax: t.valueMax ?? null,
      unit: t.unit,
      malformed: t.malformed === true,
      implied: t.impliedOperator === true,
    }).toEqual(expected(r));
  });
});
