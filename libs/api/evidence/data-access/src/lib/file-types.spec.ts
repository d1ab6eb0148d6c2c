import { ATTACHMENT_TYPES } from '@pt/shared/api-types';
import { allowedExtension, contentMatches } from './file-types';

describe('attachment file types', () => {
  it('allows exactly the listed extensions, each with a signature', () => {
    for (const ext of Object.keys(ATTACHMENT_TYPES)) expect(allowedExtension(ext)).toBe(true);
    for (const ext of ['exe', 'html', 'svg', 'txt', 'js', '', 'constructor', '__proto__']) expect(allowedExtension(ext)).toBe(false);
  });

  it('checks the content against the extension', () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]);
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(contentMatches('pdf', Buffer.from('%PDF-1.7\n'))).toBe(true);
    expect(contentMatches('pdf', Buffer.from('<html>PDF'))).toBe(false);
    for (const ext of ['docx', 'xlsx', 'ofd', 'zip']) expect(contentMatches(ext, zip)).toBe(true);
    expect(contentMatches('zip', Buffer.from([0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0]))).toBe(true);
    expect(contentMatches('doc', ole)).toBe(true);
    expect(contentMatches('xls', ole)).toBe(true);
    expect(contentMatches('docx', ole)).toBe(false);
    expect(contentMatches('doc', zip)).toBe(false);
    expect(contentMatches('jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe(true);
    expect(contentMatches('png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(contentMatches('png', Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBe(false);
    expect(contentMatches('jpg', Buffer.alloc(0))).toBe(false);
    expect(contentMatches('exe', Buffer.from('MZ'))).toBe(false);
  });
});
