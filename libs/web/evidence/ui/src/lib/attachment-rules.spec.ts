import { ATTACHMENT_MAX_BYTES, ATTACHMENT_SIZE_MESSAGE, ATTACHMENT_TYPE_MESSAGE } from '@pt/shared/api-types';
import { ATTACHMENT_ACCEPT, failureMessage, refusalBeforeUpload, shortSha, sizeText } from './attachment-rules';

describe('attachment rules (web)', () => {
  it('refuses a type outside the list, a file over 20 MB and an empty one before sending', () => {
    expect(refusalBeforeUpload({ name: '签字版.PDF', size: 10 })).toBeNull();
    expect(refusalBeforeUpload({ name: '照片.jpeg', size: ATTACHMENT_MAX_BYTES })).toBeNull();
    expect(refusalBeforeUpload({ name: 'setup.exe', size: 10 })).toBe(ATTACHMENT_TYPE_MESSAGE);
    expect(refusalBeforeUpload({ name: '无扩展名', size: 10 })).toBe(ATTACHMENT_TYPE_MESSAGE);
    expect(refusalBeforeUpload({ name: '大.pdf', size: ATTACHMENT_MAX_BYTES + 1 })).toBe(ATTACHMENT_SIZE_MESSAGE);
    expect(refusalBeforeUpload({ name: '空.pdf', size: 0 })).toBe('文件为空');
    expect(ATTACHMENT_ACCEPT.split(',')).toEqual(expect.arrayContaining(['.pdf', '.ofd', '.docx', '.xls', '.zip']));
  });

  it('says why a request failed in Chinese, the API’s message first', () => {
    expect(failureMessage({ status: 415, error: { message: '文件类型不允许：……（内容不是 .pdf 文件）' } })).toContain('内容不是 .pdf');
    expect(failureMessage({ status: 413, error: null })).toBe(ATTACHMENT_SIZE_MESSAGE);
    expect(failureMessage({ status: 415, error: 'x' })).toBe(ATTACHMENT_TYPE_MESSAGE);
    expect(failureMessage({ status: 0 })).toContain('网络');
    expect(failureMessage({ status: 500, error: {} })).toContain('500');
  });

  it('shows sizes and the short SHA-256', () => {
    expect(sizeText(532)).toBe('532 B');
    expect(sizeText(1536)).toBe('1.5 KB');
    expect(sizeText(20 * 1024 * 1024)).toBe('20 MB');
    expect(shortSha('0123456789abcdef'.repeat(4))).toBe('01234567');
  });
});
