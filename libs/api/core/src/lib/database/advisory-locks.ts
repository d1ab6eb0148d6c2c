import type { EntityManager } from 'typeorm';

/**
 * The keys of the PostgreSQL advisory locks the server takes, in one list so that no two uses share a key by
 * accident (a shared key would make two unrelated writers wait for each other).
 */
export const ADVISORY_LOCKS = {
  /** Migrating at start: two instances starting together migrate once. */
  migrations: 7_202_610,
  /** Seeding the demo data into an empty database, once. */
  demoSeed: 7_202_611,
  /** Appending to the audit log: each row's prev_hash is the hash of the row before it. */
  audit: 7_202_612,
  /** Drawing an empty indicator library from the reference tables, once. */
  librarySeed: 7_202_613,
  /** Organisation writes (the single finance bureau, unique codes). */
  orgWrites: 7_202_701,
} as const;

export type AdvisoryLock = keyof typeof ADVISORY_LOCKS;

/** Takes the advisory lock until the transaction of `m` ends, waiting while another transaction holds it. */
export async function advisoryXactLock(m: Pick<EntityManager, 'query'>, lock: AdvisoryLock): Promise<void> {
  await m.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS[lock]]);
}
