import { safeReturnUrl } from './return-url';

describe('safeReturnUrl', () => {
  it('follows a path of this app only', () => {
    expect(safeReturnUrl('/projects?year=2025')).toBe('/projects?year=2025');
    expect(safeReturnUrl('//evil.example/x')).toBe('/');
    expect(safeReturnUrl('https://evil.example')).toBe('/');
    expect(safeReturnUrl(null)).toBe('/');
    expect(safeReturnUrl('')).toBe('/');
  });
});
