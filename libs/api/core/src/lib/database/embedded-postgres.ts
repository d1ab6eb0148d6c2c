import * as net from 'node:net';
import * as path from 'node:path';
import type { Extension } from '@electric-sql/pglite';
import { DataDirLock } from './data-dir-lock';

export interface EmbeddedPostgres {
  /** A postgres:// URL for `pg` (one connection only). */
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Start PGlite (PostgreSQL compiled to WASM) on `dataDir` and expose it on a loopback port through
 * pglite-socket, so the same `pg` driver and TypeORM `postgres` code path serve both databases.
 * PGlite is single-connection: the pool using this URL must have max 1.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const dir = path.resolve(dataDir);
  const lock = DataDirLock.acquire(dir);
  try {
    // Loaded lazily: the packages are ESM and only needed without DATABASE_URL.
    const { PGlite } = await import('@electric-sql/pglite');
    const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
    // pg_trgm (the list's name search index, migration 1734100000000): PGlite ships it as a contrib module to load
    // (a subpath export, which this repository's `node` module resolution does not type: hence the string and the cast)
    const contrib = '@electric-sql/pglite/contrib/pg_trgm';
    const { pg_trgm } = (await import(contrib)) as { pg_trgm: Extension };
    const db = await PGlite.create({ dataDir: path.join(dir, 'pgdata'), extensions: { pg_trgm } });
    const port = await freePort();
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port });
    await server.start();
    let stopped = false;
    return {
      url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
      dataDir: dir,
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
          await server.stop();
          await db.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (e) {
    lock.release();
    throw e;
  }
}
