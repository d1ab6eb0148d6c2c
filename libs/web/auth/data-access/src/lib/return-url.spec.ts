import { returnUrlQuery, safeReturnUrl } from './return-url';

describe('safeReturnUrl', () => {
  it('follows a path of this app', () => {
    expect(safeReturnUrl('/projects?year=2025')).toBe('/projects?year=2025');
  });

  it.each(['//evil.example/x', '/\\evil.example/x', 'https://evil.example', null, ''])('sends %j, not a path of this app, home', (url) => {
    expect(safeReturnUrl(url)).toBe('/');
  });
});

describe('returnUrlQuery', () => {
  it.each(['/projects/p1/review?tab=2', '/loginx'])('carries %s, a link of this app', (url) => {
    expect(returnUrlQuery(url)).toEqual({ returnUrl: url });
  });

  it.each(['/', '/login?returnUrl=%2Fx', '/password', '//evil.example', null])(
    'carries nothing for %j: the home page, the login page or another site',
    (url) => {
      expect(returnUrlQuery(url)).toEqual({});
    },
  );
});
