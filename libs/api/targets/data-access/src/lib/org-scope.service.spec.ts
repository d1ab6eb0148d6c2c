import { ApiHttpException } from '@pt/api/core';
import { startTestDatabase, type TestDatabase } from '@pt/api/core/testing';
import type { Role, UserSummary } from '@pt/shared/contracts';
import { seedOrgTree, type OrgTree } from '../testing';
import { OrgScopeService, orgVisibleSql } from './org-scope.service';

const at = (orgId: string, ...roles: Role[]): UserSummary => ({ id: '00000000-0000-4000-8000-000000000001', username: 'u', displayName: 'u', roles, orgId });

describe('OrgScopeService on the migrated schema (visibility per role and organisation)', () => {
  let db: TestDatabase;
  let org: OrgTree;
  let scope: OrgScopeService;
  const sorted = (ids: string[]) => [...ids].sort();

  beforeAll(async () => {
    db = await startTestDatabase();
    org = await seedOrgTree(db.manager);
    scope = new OrgScopeService(db.dataSource);
  }, 60_000);
  afterAll(() => db?.stop());

  it('sees project data with a business role only (the three administrators see none)', async () => {
    expect(scope.seesProjects(at(org.school1, 'filler'))).toBe(true);
    expect(scope.seesProjects(at(org.edu, 'dept_reviewer'))).toBe(true);
    expect(scope.seesProjects(at(org.finance, 'finance_reviewer'))).toBe(true);
    for (const admin of ['sysadmin', 'secadmin', 'auditadmin'] as const) {
      expect(scope.seesProjects(at(org.finance, admin))).toBe(false);
      await expect(scope.visibleOrgIds(at(org.finance, admin))).resolves.toEqual([]);
    }
  });

  it('a unit sees itself, a department its units, the finance bureau every organisation', async () => {
    expect(await scope.visibleOrgIds(at(org.school1, 'filler'))).toEqual([org.school1]);
    expect(sorted(await scope.visibleOrgIds(at(org.edu, 'dept_reviewer')))).toEqual(sorted([org.edu, org.school1, org.school2]));
    expect(sorted(await scope.visibleOrgIds(at(org.finance, 'finance_reviewer')))).toEqual(sorted(Object.values(org)));
  });

  it('as a query filter: none for the finance bureau at the root of the only tree, the subtree for the others', async () => {
    expect(await scope.visibleOrgFilter(at(org.finance, 'finance_reviewer'))).toBeNull();
    expect(sorted((await scope.visibleOrgFilter(at(org.edu, 'dept_reviewer'))) ?? [])).toEqual(sorted([org.edu, org.school1, org.school2]));
    expect(await scope.visibleOrgFilter(at(org.school1, 'filler'))).toEqual([org.school1]);
    expect(await scope.visibleOrgFilter(at(org.finance, 'sysadmin'))).toEqual([]);
    // narrowed to an organisation: its subtree, whoever asks
    expect(await scope.scopedOrgFilter(at(org.finance, 'finance_reviewer'))).toBeNull();
    expect(sorted((await scope.scopedOrgFilter(at(org.finance, 'finance_reviewer'), org.health)) ?? [])).toEqual(sorted([org.health, org.hospital]));
    // a second tree: the finance bureau no longer sees every organisation, so its filter lists its own
    const [other] = await db.manager.query(`INSERT INTO org (code, name, kind) VALUES ('X00', '另一财政局', 'finance') RETURNING id`);
    try {
      expect(sorted((await scope.visibleOrgFilter(at(org.finance, 'finance_reviewer'))) ?? [])).toEqual(sorted(Object.values(org)));
      expect(await scope.visibleOrgFilter(at(other.id, 'finance_reviewer'))).toEqual([other.id]);
    } finally {
      await db.manager.query(`DELETE FROM org WHERE id = $1`, [other.id]);
    }
  });

  it('narrows to an organisation inside the scope, and answers 404 for one outside it', async () => {
    const finance = at(org.finance, 'finance_reviewer');
    expect(sorted(await scope.scopedOrgIds(finance, org.health))).toEqual(sorted([org.health, org.hospital]));
    expect(sorted(await scope.scopedOrgIds(finance))).toEqual(sorted(Object.values(org)));
    const edu = at(org.edu, 'dept_reviewer');
    expect(await scope.scopedOrgIds(edu, org.school2)).toEqual([org.school2]);
    const refused = await scope.scopedOrgIds(edu, org.hospital).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiHttpException);
    expect((refused as ApiHttpException).getStatus()).toBe(404);
    // an administrator sees no organisation at all, so any filter is outside the scope
    await expect(scope.scopedOrgIds(at(org.finance, 'sysadmin'), org.finance)).rejects.toBeInstanceOf(ApiHttpException);
  });

  it('lists the visible subtree with the ancestors (for their names), ordered by code', async () => {
    const orgs = await scope.visibleOrgs(at(org.school2, 'filler'));
    expect(orgs.map((o) => [o.name, o.kind, o.parentId])).toEqual([
      ['财政局', 'finance', null],
      ['教育局', 'department', org.finance],
      ['第二中学', 'unit', org.edu],
    ]);
    expect((await scope.visibleOrgs(at(org.edu, 'dept_reviewer'))).map((o) => o.code)).toEqual(['F00', 'F10', 'F11', 'F12']);
  });

  it('orgVisibleSql: an organisation is visible to a user of it or of any organisation above it', async () => {
    const visibleTo = async (userOrg: string) =>
      ((await db.manager.query(`SELECT o.code FROM org o WHERE ${orgVisibleSql('o.id', '$1')} ORDER BY o.code`, [userOrg])) as { code: string }[]).map((r) => r.code);
    expect(await visibleTo(org.health)).toEqual(['F20', 'F21']);
    expect(await visibleTo(org.school1)).toEqual(['F11']);
    expect(await visibleTo(org.finance)).toEqual(['F00', 'F10', 'F11', 'F12', 'F20', 'F21']);
  });
});
