import { jsonSafe } from './json-safe';

describe('jsonSafe', () => {
  it('replaces NUL and unpaired surrogates in keys and nested values, keeps pairs and other values', () => {
    const input = { 'a\u0000': ['x\uD800y', { n: 'z\uDC00' }], ok: '项目😀', num: 3, nil: null };
    expect(jsonSafe(input)).toEqual({ 'a\uFFFD': ['x\uFFFDy', { n: 'z\uFFFD' }], ok: '项目😀', num: 3, nil: null });
  });
  it('gives text PostgreSQL accepts as JSON (no \\u0000, no lone surrogate escape)', () => {
    const s = JSON.stringify(jsonSafe({ v: '\u0000\uD83D' }));
    expect(s).not.toMatch(/\\u0000|\\ud83d/i);
  });
});
