import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource, type DataSourceOptions, type EntityManager } from 'typeorm';
import { dataSourceOptions } from '../lib/database/database.module';
import { MIGRATIONS } from '../lib/database/migrations';

export interface TestDatabase {
  /** A TypeORM DataSource on the migrated database (one connection, as the app has on PGlite). */
  dataSource: DataSource;
  manager: EntityManager;
  /** Closes the connection, stops the database and deletes its directory. */
  stop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** The entities the spec reads and writes through repositories (the schema itself comes from MIGRATIONS). */
  entities?: DataSourceOptions['entities'];
}

const SERVER = path.join(__dirname, 'pglite-server.mjs');

const MIGRATIONS_DIR = path.join(__dirname, '..', 'lib', 'database', 'migrations');

/**
 * The migrated database is dumped once per state of the migrations (their names and source files) and each later
 * database starts from that copy.
 */
function templateFile(): string {
  const hash = createHash('sha256').update(MIGRATIONS.map((m) => m.name).join('\n'));
  for (const f of fs.readdirSync(MIGRATIONS_DIR).sort()) hash.update(`\n${f}\n`).update(fs.readFileSync(path.join(MIGRATIONS_DIR, f)));
  const key = hash.digest('hex').slice(0, 16);
  return path.join(os.tmpdir(), `pt-test-db-${key}.tar.gz`);
}

function waitForLine(child: ChildProcessWithoutNullStreams, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const onOut = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.split('\n').includes(line)) {
        child.stdout.off('data', onOut);
        child.off('exit', onExit);
        resolve();
      }
    };
    const onErr = (chunk: Buffer) => (err += chunk.toString());
    const onExit = (code: number | null) => reject(new Error(`PGlite exited (${code}) before "${line}": ${err || out}`));
    child.stdout.on('data', onOut);
    child.stderr.on('data', onErr);
    child.once('exit', onExit);
  });
}

/**
 * An embedded PostgreSQL (PGlite) with every migration run, for the specs of the api libraries: a service is
 * tested against the real schema, without the HTTP layer. It runs in a child process, so it needs no Node flag
 * under Jest. Call it in `beforeAll` and `stop()` in `afterAll`; each call is a fresh, empty database.
 */
export async function startTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-test-db-'));
  const template = templateFile();
  const fromTemplate = fs.existsSync(template);
  const child = spawn(process.execPath, [SERVER, dir, template], { stdio: 'pipe' });
  const dataSource = new DataSource({
    ...dataSourceOptions('', 1),
    url: undefined,
    // PGlite serves one connection, on a Unix socket in `dir`
    host: dir,
    port: 5432,
    username: 'postgres',
    password: 'postgres',
    database: 'postgres',
    entities: options.entities ?? [],
  } as DataSourceOptions);
  const stop = async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin.end();
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForLine(child, 'ready');
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    if (!fromTemplate) {
      const dumped = waitForLine(child, 'dumped');
      child.stdin.write(`dump ${template}\n`);
      await dumped;
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return { dataSource, manager: dataSource.manager, stop };
}
