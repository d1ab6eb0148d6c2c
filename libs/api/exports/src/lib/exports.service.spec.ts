import { contentDisposition, safeFileName, tenThousands } from './exports.service';

describe('export helpers', () => {
  it('file names lose control characters, separators and reserved marks, never the Chinese', () => {
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j\u0000k\nl')).toBe('a b c d e f g h i j k l');
    expect(safeFileName('  ..项目名称.. ')).toBe('项目名称');
    expect(safeFileName('')).toBe('export');
    // bidi controls would show 合同fdp.exe as 合同exe.pdf in a ZIP listing or a save dialog
    expect(safeFileName('合同\u202Efdp.exe\u2066x\u2069')).toBe('合同 fdp.exe x');
    expect(safeFileName('长'.repeat(300))).toHaveLength(120);
  });

  it('Content-Disposition has an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('合作交流/工作.xlsx')).toBe(`attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent('合作交流 工作.xlsx')}`);
    expect(contentDisposition('x";\r\nSet-Cookie: a=b.pdf')).not.toMatch(/[\r\n]/);
  });

  it('yuan to 万元 with two decimals, half-up, without floats', () => {
    expect(tenThousands('500000.00')).toBe('50.00');
    expect(tenThousands('12345.00')).toBe('1.23');
    expect(tenThousands('12350.00')).toBe('1.24');
    expect(tenThousands('99999999999.99')).toBe('10000000.00');
    expect(tenThousands(null)).toBe('');
  });
});
