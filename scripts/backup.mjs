#!/usr/bin/env node
// Backup and restore.
//   npm run backup -- <file>     DATABASE_URL set: pg_dump (custom format) of that database.
//                                otherwise: a consistent copy (tar.gz) of the embedded database in DATA_DIR (./data);
//                                the server must be stopped (its lock file says whether it runs).
//   npm run restore -- <file>    DATABASE_URL set: pg_restore into that database (it must be empty).
//                                otherwise: unpack into DATA_DIR, which must not hold a database yet.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const [command, file] = process.argv.slice(2);
if (!['backup', 'restore'].includes(command) || !file) {
  console.error('用法 (usage): node scripts/backup.mjs backup|restore <file>');
  process.exit(2);
}
const target = path.resolve(file);
const url = process.env.DATABASE_URL || '';
const dataDir = path.resolve(process.env.DATA_DIR || './data');

/** pg_dump / pg_restore of the newest PostgreSQL on the machine (a dump works with a server of its version or older). */
function pgTool(name) {
  for (const v of [17, 16, 15, 14]) {
    const p = `/usr/lib/postgresql/${v}/bin/${name}`;
    if (fs.existsSync(p)) return p;
  }
  return name;
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.error) fail(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) fail(`${path.basename(cmd)} 失败 (exit ${r.status})`);
}

function serverRunning() {
  const lock = path.join(dataDir, 'server.lock');
  if (!fs.existsSync(lock)) return null;
  const pid = Number(fs.readFileSync(lock, 'utf8').trim());
  try {
    process.kill(pid, 0);
    return pid;
  } catch (e) {
    return e.code === 'EPERM' ? pid : null;
  }
}

if (url) {
  if (command === 'backup') {
    run(pgTool('pg_dump'), ['--format=custom', '--no-owner', '--file', target, url]);
  } else {
    if (!fs.existsSync(target)) fail(`备份文件不存在：${target}`);
    run(pgTool('pg_restore'), ['--no-owner', '--exit-on-error', '--single-transaction', '--dbname', url, target]);
  }
} else {
  const pid = serverRunning();
  if (pid) fail(`嵌入式数据库正被服务进程 ${pid} 使用：请先停止服务再${command === 'backup' ? '备份' : '恢复'} (stop the server first)`);
  if (command === 'backup') {
    if (!fs.existsSync(path.join(dataDir, 'pgdata', 'PG_VERSION'))) fail(`${dataDir} 中没有嵌入式数据库`);
    run('tar', ['-czf', target, '-C', dataDir, 'pgdata']);
  } else {
    if (!fs.existsSync(target)) fail(`备份文件不存在：${target}`);
    if (fs.existsSync(path.join(dataDir, 'pgdata'))) fail(`${dataDir} 中已有数据库：请恢复到一个空的 DATA_DIR`);
    fs.mkdirSync(dataDir, { recursive: true });
    run('tar', ['-xzf', target, '-C', dataDir]);
  }
}
console.log(`${command === 'backup' ? '已备份到' : '已恢复自'} ${target}`);
