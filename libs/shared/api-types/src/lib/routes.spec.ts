import { API_ROOT, ApiPaths, ApiRoutes } from './routes';

describe('ApiPaths', () => {
  it('builds every URL under the global prefix from the controllers’ routes', () => {
    const urls = Object.values(ApiPaths).map((p) => (typeof p === 'function' ? (p as (...a: string[]) => string)('x', 'y') : p));
    for (const url of urls) expect(url.startsWith(API_ROOT)).toBe(true);
    expect(ApiPaths.adminUsers).toBe(`/api/${ApiRoutes.admin.users}`);
    expect(ApiPaths.adminScoringSettings).toBe('/api/admin/frameworks/settings');
    expect(ApiPaths.goalIndicators('p', 'g')).toBe('/api/projects/p/goals/g/indicators');
    expect(ApiPaths.projectRevision('p', 2)).toBe('/api/projects/p/revisions/2');
    expect(ApiPaths.target('t')).toBe('/api/targets/t');
    expect(ApiPaths.targetPath('t', ApiRoutes.project.goals, 'g/1', ApiRoutes.project.indicators)).toBe('/api/targets/t/goals/g%2F1/indicators');
  });

  it('encodes an id or name that holds URL syntax as one path segment', () => {
    expect(ApiPaths.project('a/b?c')).toBe('/api/projects/a%2Fb%3Fc');
    expect(ApiPaths.securityUserSessions('u/1')).toBe('/api/security/users/u%2F1/sessions');
    expect(ApiPaths.securityLockout('张 三')).toBe('/api/security/lockouts/%E5%BC%A0%20%E4%B8%89');
  });
});
