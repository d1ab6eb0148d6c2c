import { attachmentDisposition } from './content-disposition';

describe('attachmentDisposition', () => {
  it('gives the UTF-8 name percent-encoded and an ASCII fallback', () => {
    expect(attachmentDisposition('签字版 自评表(1).pdf')).toBe(
      `attachment; filename="___ ___(1).pdf"; filename*=UTF-8''${'%E7%AD%BE%E5%AD%97%E7%89%88%20%E8%87%AA%E8%AF%84%E8%A1%A8%281%29.pdf'}`,
    );
    expect(decodeURIComponent(attachmentDisposition('a"b\'c.pdf').split("UTF-8''")[1])).toBe('a"b\'c.pdf');
    expect(attachmentDisposition('a"b.pdf')).toContain('filename="a_b.pdf"');
  });
});
