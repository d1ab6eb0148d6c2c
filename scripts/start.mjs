#!/usr/bin/env node
// `npm start`: build what is missing (Nx cache: nothing is rebuilt when nothing changed), then run the
// production server: the web app at / and the API under /api, on PORT (3000), with the embedded
// database in DATA_DIR (./data) unless DATABASE_URL is set. The server prints the one URL to open.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const nx = path.join(root, 'node_modules', '.bin', 'nx');
/** Newest modification time under `p` (skipping build output and dependencies). */
function newest(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const e of fs.readdirSync(p)) if (e !== 'node_modules' && e !== 'dist' && !e.startsWith('.')) max = Math.max(max, newest(path.join(p, e)));
  return max;
}

// Nothing changed since the last successful build: skip even the Nx cache check (about 20–40 s on 2 cores).
// The stamp is written after every successful build (Nx leaves outputs that match its cache untouched, so
// their own times cannot tell).
const stamp = path.join(root, 'dist', '.start-build-stamp');
const outputs = ['dist/apps/api/main.js', 'dist/apps/web/browser/index.html', 'dist/.start-build-stamp'].map((f) => newest(path.join(root, f)));
const inputs = ['apps', 'libs', 'tools', 'package-lock.json', 'tsconfig.base.json', 'nx.json'].map((f) => newest(path.join(root, f)));
const upToDate = Math.min(...outputs) > 0 && newest(stamp) > Math.max(...inputs);
const build = upToDate ? { status: 0 } : spawnSync(nx, ['run-many', '-t', 'build', '-p', 'api', 'web', '--outputStyle=static'], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, NX_TUI: 'false' },
});
if (build.status !== 0) {
  console.error('构建失败 (build failed)');
  process.exit(build.status ?? 1);
}
if (!upToDate) {
  fs.mkdirSync(path.dirname(stamp), { recursive: true });
  fs.writeFileSync(stamp, `${new Date().toISOString()}\n`);
}
// the CJK font of the PDF exports (installed with apt-get when missing and possible; the rest works without it)
if (!process.env.PDF_FONT && spawnSync('bash', [path.join(root, 'scripts/ensure-fonts.sh')], { stdio: 'inherit' }).status !== 0) {
  console.warn('提示：缺少中文字体，PDF 导出暂不可用 (CJK font missing: PDF export unavailable)');
}
const server = spawn(process.execPath, ['--enable-source-maps', path.join(root, 'dist/apps/api/main.js')], { cwd: root, stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
