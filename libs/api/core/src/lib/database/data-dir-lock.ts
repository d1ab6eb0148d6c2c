import * as fs from 'node:fs';
import * as path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `数据目录 ${dataDir} 正被另一个进程 (pid ${pid}) 使用：嵌入式数据库只允许一个服务进程。` +
        `请先停止该进程，或设置另一个 DATA_DIR，或用 DATABASE_URL 连接 PostgreSQL 服务器。` +
        ` (The data directory is in use by process ${pid}.)`,
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * An exclusive lock on the embedded database's data directory: a file holding the owner's pid,
 * created with O_EXCL. A lock left by a dead process is taken over.
 */
export class DataDirLock {
  private released = false;

  private constructor(readonly file: string) {}

  static acquire(dataDir: string): DataDirLock {
    fs.mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, 'server.lock');
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const fd = fs.openSync(file, 'wx');
        fs.writeSync(fd, String(process.pid));
        fs.closeSync(fd);
        return new DataDirLock(file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        const pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
        if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
          throw new DataDirLockedError(path.resolve(dataDir), pid);
        }
        // Stale lock (the owner died): remove it and try again.
        fs.rmSync(file, { force: true });
      }
    }
    throw new Error(`无法获得数据目录锁 ${file}`);
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    try {
      if (fs.readFileSync(this.file, 'utf8').trim() === String(process.pid)) fs.rmSync(this.file, { force: true });
    } catch {
      // already gone
    }
  }
}
