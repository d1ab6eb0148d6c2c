import { fileNameFromContentDisposition, safeFileName } from './file-name';

describe('fileNameFromContentDisposition', () => {
  it('reads the UTF-8 name the server sends (Chinese, spaces, parentheses)', () => {
    const name = '申报表-合作交流工作业务费 (2020).xlsx';
    const header = `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`;
    expect(fileNameFromContentDisposition(header)).toBe(name);
  });

  it('accepts the extended parameter first, in any case, with a language tag and quotes', () => {
    expect(fileNameFromContentDisposition(`attachment; FILENAME*=utf-8'zh-CN'%E8%87%AA%E8%AF%84%E8%A1%A8.pdf`)).toBe('自评表.pdf');
    expect(fileNameFromContentDisposition(`attachment; filename*="UTF-8''%E7%94%B3%E6%8A%A5%E8%A1%A8.pdf"`)).toBe('申报表.pdf');
    expect(fileNameFromContentDisposition(`attachment; filename*=UTF-8''a.xlsx; filename="b.xlsx"`)).toBe('a.xlsx');
  });

  it('falls back to the ASCII filename (quoted or a token) without an extended one', () => {
    expect(fileNameFromContentDisposition('attachment; filename="export.xlsx"')).toBe('export.xlsx');
    expect(fileNameFromContentDisposition('attachment; filename=report.pdf')).toBe('report.pdf');
    expect(fileNameFromContentDisposition('attachment; filename="say \\"hi\\".pdf"')).toBe('say _hi_.pdf');
  });

  it('falls back to the ASCII filename when the extended one is malformed or in an unknown charset', () => {
    expect(fileNameFromContentDisposition(`attachment; filename="export.zip"; filename*=UTF-8''%E7%94%B3%ZZ.zip`)).toBe('export.zip');
    expect(fileNameFromContentDisposition(`attachment; filename="export.zip"; filename*=GB2312''%C9%EA.zip`)).toBe('export.zip');
    expect(fileNameFromContentDisposition(`attachment; filename="export.zip"; filename*=%E7%94%B3.zip`)).toBe('export.zip');
  });

  it('decodes ISO-8859-1 escapes', () => {
    expect(fileNameFromContentDisposition(`attachment; filename*=iso-8859-1'en'%A3%20rates.pdf`)).toBe('£ rates.pdf');
  });

  it('answers the fallback without a header or a name', () => {
    expect(fileNameFromContentDisposition(null, '申报表.xlsx')).toBe('申报表.xlsx');
    expect(fileNameFromContentDisposition(undefined)).toBe('download');
    expect(fileNameFromContentDisposition('attachment', 'x.pdf')).toBe('x.pdf');
    expect(fileNameFromContentDisposition('attachment; filename=""', 'x.pdf')).toBe('x.pdf');
  });

  it('never answers a path', () => {
    expect(fileNameFromContentDisposition(`attachment; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd`)).toBe('_.._etc_passwd');
    expect(fileNameFromContentDisposition('attachment; filename="C:\\\\tmp\\\\a.xlsx"')).toBe('C_tmp_a.xlsx');
  });
});

describe('safeFileName', () => {
  it('replaces reserved and control characters and trims dots and spaces', () => {
    expect(safeFileName(' a:b*c?.xlsx ')).toBe('a_b_c_.xlsx');
    expect(safeFileName('a\u0000b\nc.pdf')).toBe('a_b_c.pdf');
    expect(safeFileName('...')).toBe('download');
    expect(safeFileName('///', 'f.zip')).toBe('f.zip');
  });
});
