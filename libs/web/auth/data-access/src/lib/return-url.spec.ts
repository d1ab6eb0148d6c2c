import { returnUrlQuery, safeReturnUrl } from './return-url';

describe('safeReturnUrl', () => {
  it('follows a path of this app only', () => {
    expect(safeReturnUrl('/projects?year=2025')).toBe('/projects?year=2025');
    expect(safeReturnUrl('//evil.example/x')).toBe('/');
    expect(safeReturnUrl('/\\evil.example/x')).toBe('/');
    expect(safeReturnUrl('https://evil.example')).toBe('/');
    expect(safeReturnUrl(null)).toBe('/');
    expect(safeReturnUrl('')).toBe('/');
  });
});

describe('returnUrlQuery', () => {
  it('carries a link of this app, not the home page, the login page or another site', () => {
    expect(returnUrlQuery('/projects/p1/review?tab=2')).toEqual({ returnUrl: '/projects/p1/review?tab=2' });
    expect(returnUrlQuery('/')).toEqual({});
    expect(returnUrlQuery('/login?returnUrl=%2Fx')).toEqual({});
    expect(returnUrlQuery('/password')).toEqual({});
    expect(returnUrlQuery('/loginx')).toEqual({ returnUrl: '/loginx' });
    expect(returnUrlQuery('//evil.example')).toEqual({});
    expect(returnUrlQuery(null)).toEqual({});
  });
});
