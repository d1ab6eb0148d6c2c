import type { AuditEntryResponse } from '@pt/shared/contracts';
import { auditCsvHeader, auditCsvLine, auditExportFileName, csvCell } from './audit-csv';

describe('audit CSV', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell(null)).toBe('');
    expect(csvCell(404)).toBe('404');
  });

  it('writes a row with its Chinese labels and Beijing time', () => {
    const row: AuditEntryResponse = {
      id: '7',
      at: '2026-12-06T22:30:05.000+00:00',
      userId: null,
      username: 'xining',
      event: 'project.update',
      eventLabel: '保存申报表',
      objectType: 'project',
      objectId: '00000000-0000-4000-8000-000000000001',
      objectName: '修缮类, 2024',
      status: 404,
      result: 'denied',
      clientIp: '127.0.0.1',
      details: { objectName: '修缮类, 2024', status: 404 },
      prevHash: 'p',
      hash: 'h',
    };
    expect(auditCsvHeader().split(',')).toHaveLength(12);
    expect(auditCsvLine(row)).toBe('7,2026-12-07 06:30:05,xining,保存申报表,项目,"修缮类, 2024",00000000-0000-4000-8000-000000000001,拒绝,404,127.0.0.1,,h');
  });

  it('names the file by the filter days', () => {
    expect(auditExportFileName({})).toBe('审计日志.csv');
    expect(auditExportFileName({ from: '2026-12-01', to: '2026-12-07' })).toBe('审计日志_2026-12-01_2026-12-07.csv');
  });
});
