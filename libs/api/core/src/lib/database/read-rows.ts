import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { type EntityManager, QueryFailedError } from 'typeorm';

/**
 * The name of each statement text's prepared statement (by its hash: the same text, the same name, on every connection).
 * Every text must be one of a fixed set (values go in parameters, never into the text): each text is a statement kept
 * on every connection.
 */
const names = new Map<string, string>();

function statementName(sql: string): string {
  let name = names.get(sql);
  if (!name) names.set(sql, (name = `rr_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`));
  return name;
}

/**
 * The rows of a SELECT. Outside a transaction it goes straight to the `pg` pool under TypeORM (one `pool.query`):
 * TypeORM's query runner (connect, broadcast, release, its promises) cost more than the query itself on the hot reads
 * (the session check, a target's detail). It is a named prepared statement: PostgreSQL parses it once per connection
 * and, after a few runs, keeps its plan — planning the detail's statement (its sub-selects and the recursive
 * visibility check) took longer than running it (bind 1.35 ms, execute 0.59 ms). Inside a transaction, or on a
 * driver without a `pg` pool (the embedded database), it is the manager's `query`. Errors come back as TypeORM's
 * `QueryFailedError`, as from `query`, so that the error mapping of the API is the same.
 */
export async function readRows<T>(m: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const pool = m.queryRunner ? undefined : (m.connection.driver as unknown as { master?: Pool }).master;
  if (!pool || typeof pool.query !== 'function') return m.query(sql, params);
  try {
    return (await pool.query({ name: statementName(sql), text: sql, values: params })).rows as T[];
  } catch (e) {
    throw new QueryFailedError(sql, params, e as Error);
  }
}
