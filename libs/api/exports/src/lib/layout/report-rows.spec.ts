import { reportRows } from './report-rows';

describe('the 自评报告 rows of the 自评表', () => {
  it('print the title across the sheet and each text beside its label, blank where not written', () => {
    const rows = reportRows({ completion: '全年完成', deviation: null, problems: '佐证不全', measures: '建立台账' }, 8);
    expect(rows[0]).toEqual([{ text: '自评报告', label: true, span: 8 }]);
    expect(rows.slice(1).map((r) => [r[0].text, r[1].text, r[0].span! + r[1].span!])).toEqual([
      ['完成情况', '全年完成', 8],
      ['偏差原因', '', 8],
      ['存在问题', '佐证不全', 8],
      ['改进措施', '建立台账', 8],
    ]);
  });
});
