import { reportBody, reportFormFrom, REPORT_FIELDS } from './evaluation-report-form';

describe('the 自评报告 form', () => {
  it('reads a stored report (null as empty) and sends every text trimmed, blank as null', () => {
    const form = reportFormFrom({ completion: '完成', deviation: null, problems: '问题', measures: null });
    expect(form).toEqual({ completion: '完成', deviation: '', problems: '问题', measures: '' });
    expect(reportBody({ ...form, deviation: '  ', measures: ' 措施\n ' })).toEqual({ completion: '完成', deviation: null, problems: '问题', measures: '措施' });
    expect(reportFormFrom(undefined)).toEqual({ completion: '', deviation: '', problems: '', measures: '' });
    expect(REPORT_FIELDS).toEqual(['completion', 'deviation', 'problems', 'measures']);
  });
});
