import { badRequest, containsPattern, isUniqueViolation, parseIfMatch, UUID_RE } from './request-helpers';

describe('parseIfMatch', () => {
  it.each([
    ['"3"', 3],
    ['W/"3"', 3],
    ['3', 3],
    [' "12" ', 12],
  ])('reads %s as version %d', (h, v) => expect(parseIfMatch(h)).toBe(v));

  it('tells a missing header (undefined → 428) from a malformed one (null → 412)', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('  ')).toBeUndefined();
    expect(parseIfMatch('*')).toBeNull();
    expect(parseIfMatch('"abc"')).toBeNull();
    expect(parseIfMatch('"-1"')).toBeNull();
  });
});

describe('containsPattern', () => {
  it('wraps the text in % and escapes the LIKE wildcards and the escape character', () => {
    expect(containsPattern('专项')).toBe('%专项%');
    expect(containsPattern('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
  });
});

describe('isUniqueViolation', () => {
  it('recognises 23505 from pg and from TypeORM\'s QueryFailedError, nothing else', () => {
    expect(isUniqueViolation({ code: '23505' })).toBe(true);
    expect(isUniqueViolation({ driverError: { code: '23505' } })).toBe(true);
    expect(isUniqueViolation({ code: '23503' })).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});

describe('UUID_RE and badRequest', () => {
  it('accepts a uuid and refuses what PostgreSQL would refuse with 22P02', () => {
    expect(UUID_RE.test('00000000-0000-4000-8000-000000000000')).toBe(true);
    expect(UUID_RE.test('HZB')).toBe(false);
    expect(UUID_RE.test('00000000-0000-4000-8000-0000000000001')).toBe(false);
  });

  it('answers 400 VALIDATION_FAILED naming each field once', () => {
    const e = badRequest([
      { field: 'name', code: 'empty', message: '名称不能为空' },
      { field: 'name', code: 'long', message: '名称过长' },
      { field: 'orgId', code: 'uuid', message: '机构无效' },
    ]);
    expect(e.getStatus()).toBe(400);
    expect(e.getResponse()).toMatchObject({ code: 'VALIDATION_FAILED', message: '请求参数有误：name、orgId' });
  });
});
