import { API_ROOT, ApiPaths, ApiRoutes } from './routes';

describe('ApiPaths', () => {
  it('builds every URL under the global prefix from the controllers’ routes', () => {
    const urls = Object.values(ApiPaths).map((p) => (typeof p === 'function' ? (p as (...a: string[]) => string)('x', 'y') : p));
    for (const url of urls) expect(url.startsWith(API_ROOT)).toBe(true);
    expect(ApiPaths.adminUsers).toBe(`/api/${ApiRoutes.admin.users}`);
    expect(ApiPaths.adminScoringSettings).toBe('/api/admin/frameworks/settings');
    // one target of any kind is addressed under /api/targets (the web reads every kind the same way)
    expect(ApiPaths.targets).toBe('/api/targets');
    expect(ApiPaths.goalIndicators('p', 'g/1')).toBe('/api/targets/p/goals/g%2F1/indicators');
    expect(ApiPaths.projectRevision('p', 2)).toBe('/api/targets/p/revisions/2');
    expect(ApiPaths.projectExport('p')).toBe('/api/targets/p/export');
  });

  it('encodes an id or name that holds URL syntax as one path segment', () => {
    expect(ApiPaths.project('a/b?c')).toBe('/api/targets/a%2Fb%3Fc');
    expect(ApiPaths.securityUserSessions('u/1')).toBe('/api/security/users/u%2F1/sessions');
    expect(ApiPaths.securityLockout('张 三')).toBe('/api/security/lockouts/%E5%BC%A0%20%E4%B8%89');
  });
});
