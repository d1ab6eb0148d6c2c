import { contentDisposition, safeFileName, tenThousands } from './exports.service';

describe('export helpers', () => {
  it.each([
    ['a/b\\c:d*e?f"g<h>i|j\u0000k\nl', 'a b c d e f g h i j k l'],
    ['  ..项目名称.. ', '项目名称'],
    ['', 'export'],
    // bidi controls would show 合同fdp.exe as 合同exe.pdf in a ZIP listing or a save dialog
    ['合同\u202Efdp.exe\u2066x\u2069', '合同 fdp.exe x'],
  ])('file names lose control characters, separators and reserved marks, never the Chinese: %j → %j', (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
  });

  it('file names are cut to 120 characters', () => {
    expect(safeFileName('长'.repeat(300))).toHaveLength(120);
  });

  it('Content-Disposition has an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('合作交流/工作.xlsx')).toBe(`attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent('合作交流 工作.xlsx')}`);
    expect(contentDisposition('x";\r\nSet-Cookie: a=b.pdf')).not.toMatch(/[\r\n]/);
  });

  it.each([
    ['500000.00', '50.00'],
    ['12345.00', '1.23'],
    ['12350.00', '1.24'],
    ['99999999999.99', '10000000.00'],
    [null, ''],
  ])('yuan to 万元 with two decimals, half-up, without floats: %j → %j', (yuan, wan) => {
    expect(tenThousands(yuan)).toBe(wan);
  });
});
