import { contentDisposition } from './content-disposition';

describe('contentDisposition', () => {
  it('gives the UTF-8 name percent-encoded and an ASCII fallback', () => {
    expect(contentDisposition('签字版 自评表(1).pdf')).toBe(
      `attachment; filename="___ ___(1).pdf"; filename*=UTF-8''${'%E7%AD%BE%E5%AD%97%E7%89%88%20%E8%87%AA%E8%AF%84%E8%A1%A8%281%29.pdf'}`,
    );
    expect(decodeURIComponent(contentDisposition('a"b\'c.pdf').split("UTF-8''")[1])).toBe('a"b\'c.pdf');
    expect(contentDisposition('a"b.pdf')).toContain('filename="a_b.pdf"');
  });

  it('takes the caller’s fallback, itself kept to ASCII', () => {
    expect(contentDisposition('工作.xlsx', 'export.xlsx')).toBe(`attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent('工作.xlsx')}`);
    expect(contentDisposition('工作.xlsx', '工"x')).toContain('filename="__x"');
  });
});
