import { startTestDatabase, type TestDatabase } from '@pt/api/core/testing';
import type { Role, UserSummary } from '@pt/shared/contracts';
import { seedOrgTree, seedUser, targetServices, type OrgTree } from './target-fixtures';

/** A user to seed: where (an organisation of the tree), with which roles, and its user name (the key unless given). */
export interface UserSeed {
  org: keyof OrgTree;
  roles: Role[];
  name?: string;
}

/** What every target service spec starts from: the database, the organisation tree, its users and the store's services. */
export interface TargetBed<U extends string> extends ReturnType<typeof targetServices> {
  db: TestDatabase;
  orgs: OrgTree;
  users: Record<U, UserSummary>;
  /** The stored version of a target (what an If-Match must name). */
  version(id: string): Promise<number>;
}

/**
 * A migrated embedded database with the organisation tree, `users` and the target store wired as the module wires it:
 * the set-up the specs of the target libraries share. Call it in `beforeAll` (with a 60 s timeout) and `db.stop()` after.
 */
export async function startTargetBed<U extends string>(users: Record<U, UserSeed>): Promise<TargetBed<U>> {
  const db = await startTestDatabase();
  const orgs = await seedOrgTree(db.manager);
  const seeded = {} as Record<U, UserSummary>;
  for (const [key, u] of Object.entries(users) as [U, UserSeed][]) seeded[key] = await seedUser(db.manager, u.name ?? key, orgs[u.org], u.roles);
  const version = async (id: string): Promise<number> => ((await db.manager.query(`SELECT version FROM project WHERE id = $1`, [id])) as { version: number }[])[0].version;
  return { db, orgs, users: seeded, version, ...targetServices(db.dataSource) };
}
