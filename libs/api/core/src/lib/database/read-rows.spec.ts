import { type EntityManager, QueryFailedError } from 'typeorm';
import { readRows } from './read-rows';

/** A manager with a pg pool under its driver (as TypeORM's postgres driver has it in `master`). */
function manager(opts: { inTransaction?: boolean; pool?: { query: jest.Mock } | undefined }) {
  const viaManager = jest.fn(async () => [{ via: 'manager' }]);
  const m = {
    queryRunner: opts.inTransaction ? {} : undefined,
    connection: { driver: { master: opts.pool } },
    query: viaManager,
  } as unknown as EntityManager;
  return { m, viaManager };
}

describe('readRows', () => {
  it('outside a transaction: one pool.query of a named prepared statement with the same SQL and parameters, its rows', async () => {
    const pool = { query: jest.fn(async () => ({ rows: [{ id: 1 }, { id: 2 }] })) };
    const { m, viaManager } = manager({ pool });
    await expect(readRows(m, 'SELECT id FROM t WHERE a = $1', ['x'])).resolves.toEqual([{ id: 1 }, { id: 2 }]);
    expect(pool.query).toHaveBeenCalledWith({ name: expect.stringMatching(/^rr_[0-9a-f]{20}$/), text: 'SELECT id FROM t WHERE a = $1', values: ['x'] });
    expect(viaManager).not.toHaveBeenCalled();
  });

  it('the same text is the same statement name; another text, another name (pg refuses one name for two texts)', async () => {
    const pool = { query: jest.fn(async () => ({ rows: [] })) };
    const { m } = manager({ pool });
    await readRows(m, 'SELECT 1 WHERE $1::int = 1', [1]);
    await readRows(m, 'SELECT 1 WHERE $1::int = 1', [2]);
    await readRows(m, 'SELECT 2 WHERE $1::int = 1', [1]);
    const [a, b, c] = pool.query.mock.calls.map(([q]: [{ name: string }]) => q.name);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it("inside a transaction: the transaction's own connection (the manager's query)", async () => {
    const pool = { query: jest.fn() };
    const { m, viaManager } = manager({ inTransaction: true, pool });
    await expect(readRows(m, 'SELECT 1', [])).resolves.toEqual([{ via: 'manager' }]);
    expect(pool.query).not.toHaveBeenCalled();
    expect(viaManager).toHaveBeenCalledWith('SELECT 1', []);
  });

  it('without a pg pool: the manager', async () => {
    const { m, viaManager } = manager({ pool: undefined });
    await expect(readRows(m, 'SELECT 1', [])).resolves.toEqual([{ via: 'manager' }]);
    expect(viaManager).toHaveBeenCalled();
  });

  it('a database error comes back as QueryFailedError with its code (the API maps it as before)', async () => {
    const pgError = Object.assign(new Error('invalid input syntax for type uuid'), { code: '22P02' });
    const pool = { query: jest.fn(async () => Promise.reject(pgError)) };
    const { m } = manager({ pool });
    const e = await readRows(m, 'SELECT 1 WHERE id = $1', ['x']).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(QueryFailedError);
    expect((e as QueryFailedError).driverError).toBe(pgError);
    expect((e as QueryFailedError & { code?: string }).code).toBe('22P02');
  });
});
