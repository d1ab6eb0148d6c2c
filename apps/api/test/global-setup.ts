import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * For the embedded database: run PGlite's initdb once into a template data dir; every test file then
 * starts from a copy of it (initdb is the slow part of a first start). The copy is a real data dir,
 * started by the app's own embedded-database code.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env['TEST_DB'] === 'postgres') return;
  const parent = process.env['TEST_DATA_DIR'] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pt-embedded-'));
  process.env['TEST_DATA_DIR'] = parent;
  const template = path.join(parent, 'template');
  if (fs.existsSync(path.join(template, 'pgdata', 'PG_VERSION'))) return;
  const { PGlite } = await import('@electric-sql/pglite');
  fs.mkdirSync(template, { recursive: true });
  const db = await PGlite.create({ dataDir: path.join(template, 'pgdata') });
  await db.close();
}
