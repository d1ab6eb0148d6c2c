// A PGlite database served on a Unix socket, in a process of its own: the spec that starts it (through
// start-test-database.ts) runs in Jest's VM, where PGlite's dynamic WASM import needs --experimental-vm-modules;
// here it needs nothing. Usage: node pglite-server.mjs <dir> [template.tar.gz]. It prints one line `ready` once
// it accepts connections, and stops when its stdin closes (the parent ended, even by a crash) or on SIGTERM.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const [dir, template] = process.argv.slice(2);
const loadDataDir = template && fs.existsSync(template) ? new Blob([fs.readFileSync(template)]) : undefined;
const db = await PGlite.create({ loadDataDir });
const server = new PGLiteSocketServer({ db, path: path.join(dir, '.s.PGSQL.5432') });
await server.start();

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.stop().catch(() => undefined);
  await db.close().catch(() => undefined);
  process.exit(0);
}

// `dump <file>`: write the data dir as a tarball (the migrated template the next databases start from)
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', async (chunk) => {
  input += chunk;
  let nl;
  while ((nl = input.indexOf('\n')) >= 0) {
    const [cmd, file] = input.slice(0, nl).split(' ');
    input = input.slice(nl + 1);
    if (cmd === 'dump') {
      const blob = await db.dumpDataDir('gzip');
      // written aside and renamed: specs running side by side may dump the same template
      fs.writeFileSync(`${file}.${process.pid}.tmp`, Buffer.from(await blob.arrayBuffer()));
      fs.renameSync(`${file}.${process.pid}.tmp`, file);
      process.stdout.write('dumped\n');
    }
  }
});
process.stdin.on('end', stop);
process.on('SIGTERM', stop);
process.stdout.write('ready\n');
