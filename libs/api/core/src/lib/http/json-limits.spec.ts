import { checkJsonLimits, jsonLimitMessage } from './json-limits';

describe('checkJsonLimits', () => {
  it('counts the depth of objects and arrays, not of brackets inside strings', () => {
    expect(checkJsonLimits(Buffer.from('['.repeat(32) + ']'.repeat(32)))).toBeNull();
    expect(checkJsonLimits(Buffer.from('['.repeat(33) + ']'.repeat(33)))).toEqual({ kind: 'depth', limit: 32 });
    expect(checkJsonLimits(Buffer.from(`{"a":"${'['.repeat(100)}"}`))).toBeNull();
    // an escaped quote does not end the string
    expect(checkJsonLimits(Buffer.from(`{"a":"\\"${'{'.repeat(100)}"}`))).toBeNull();
    expect(checkJsonLimits(Buffer.from('{"a":"\\\\"}' + '['.repeat(40)))).toEqual({ kind: 'depth', limit: 32 });
  });

  it('counts keys (colons outside strings), wherever they are', () => {
    const body = (n: number) => `[${Array.from({ length: n }, (_, i) => `{"k${i}":"a:b"}`).join(',')}]`;
    expect(checkJsonLimits(Buffer.from(body(100)), 32, 100)).toBeNull();
    expect(checkJsonLimits(Buffer.from(body(101)), 32, 100)).toEqual({ kind: 'keys', limit: 100 });
  });

  it('reads multi-byte UTF-8 and decoded text alike', () => {
    const text = `{"名称":"项目［］｛｝","列表":[[1]]}`;
    // an object holding an array of arrays: depth 3; the full-width brackets are text
    expect(checkJsonLimits(Buffer.from(text), 3)).toBeNull();
    expect(checkJsonLimits(text, 3)).toBeNull();
    expect(checkJsonLimits(text, 2)).toEqual({ kind: 'depth', limit: 2 });
  });

  it('says what is wrong in Chinese', () => {
    expect(jsonLimitMessage({ kind: 'depth', limit: 32 })).toBe('请求体嵌套过深（最多 32 层）');
    expect(jsonLimitMessage({ kind: 'keys', limit: 20000 })).toBe('请求体的字段过多（最多 20000 个）');
  });
});
