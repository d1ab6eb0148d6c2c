import type { Pool } from 'pg';
import { type EntityManager, QueryFailedError } from 'typeorm';

/**
 * The rows of a SELECT. Outside a transaction it goes straight to the `pg` pool under TypeORM (one `pool.query`,
 * as the raw baseline of the benchmark does): TypeORM's query runner (connect, broadcast, release, its promises) cost
 * more than the query itself on the hot reads (the session check, a project's detail). Inside a transaction, or on a
 * driver without a `pg` pool, it is the manager's `query`. Errors come back as TypeORM's `QueryFailedError`, as from
 * `query`, so that the error mapping of the API is the same.
 */
export async function readRows<T>(m: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const pool = m.queryRunner ? undefined : (m.connection.driver as unknown as { master?: Pool }).master;
  if (!pool || typeof pool.query !== 'function') return m.query(sql, params);
  try {
    return (await pool.query(sql, params)).rows as T[];
  } catch (e) {
    throw new QueryFailedError(sql, params, e as Error);
  }
}
