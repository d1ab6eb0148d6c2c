#!/usr/bin/env node
// `npm start`: build what is missing (Nx cache: nothing is rebuilt when nothing changed), then run the
// production server: the web app at / and the API under /api, on PORT (3000), with the embedded
// database in DATA_DIR (./data) unless DATABASE_URL is set. The server prints the one URL to open.
import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const nx = path.join(root, 'node_modules', '.bin', 'nx');
const build = spawnSync(nx, ['run-many', '-t', 'build', '-p', 'api', 'web', '--outputStyle=static'], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
  // the Nx daemon keeps the project graph warm, so a later start checks the cache in ~3 s instead of ~20 s
  env: { NX_DAEMON: 'true', ...process.env, NX_TUI: 'false' },
});
if (build.status !== 0) {
  console.error('构建失败 (build failed)');
  process.exit(build.status ?? 1);
}
const server = spawn(process.execPath, ['--enable-source-maps', path.join(root, 'dist/apps/api/main.js')], { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
