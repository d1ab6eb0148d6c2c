import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataDirLock, DataDirLockedError } from './data-dir-lock';

describe('DataDirLock', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lock-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a directory held by another live process, with a clear message', () => {
    // pid 1 is always alive
    fs.writeFileSync(path.join(dir, 'server.lock'), '1');
    expect(() => DataDirLock.acquire(dir)).toThrow(DataDirLockedError);
    expect(() => DataDirLock.acquire(dir)).toThrow(/正被另一个进程 \(pid 1\) 使用/);
  });

  it('takes over a stale lock left by a dead process', () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    fs.writeFileSync(path.join(dir, 'server.lock'), dead);
    const lock = DataDirLock.acquire(dir);
    expect(fs.readFileSync(path.join(dir, 'server.lock'), 'utf8')).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(path.join(dir, 'server.lock'))).toBe(false);
  });

  it('creates the directory and releases the lock', () => {
    const sub = path.join(dir, 'a', 'b');
    const lock = DataDirLock.acquire(sub);
    expect(fs.existsSync(path.join(sub, 'server.lock'))).toBe(true);
    lock.release();
    expect(DataDirLock.acquire(sub)).toBeInstanceOf(DataDirLock);
  });
});
