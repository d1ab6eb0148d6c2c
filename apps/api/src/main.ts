import 'reflect-metadata';
import { AuditService, ConfigError, DataDirLockedError, JsonLogger, loadConfig } from '@pt/api/core';
import { createApp } from './app/create-app';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const logger = new JsonLogger(config.logLevel);
  // `main.js audit-verify` (npm run audit:verify): check the audit log's hash chain and exit 0 (intact) or 1
  if (process.argv.includes('audit-verify')) {
    try {
      const app = await createApp({ ...config, demo: false, logLevel: 'warn' }, new JsonLogger('warn'));
      const r = await app.get(AuditService).verify();
      await app.close();
      console.log(r.ok ? `审计日志哈希链完整：${r.rows} 条 (audit chain intact: ${r.rows} rows)` : `审计日志哈希链断裂于第 ${r.firstBad} 条：${r.reason} (audit chain broken at row ${r.firstBad})`);
      process.exit(r.ok ? 0 : 1);
    } catch (e) {
      console.error((e as Error).message);
      process.exit(e instanceof DataDirLockedError ? 3 : 1);
    }
  }
  try {
    const started = Date.now();
    const app = await createApp(config, logger);
    await app.listen(config.port, '0.0.0.0');
    const url = `http://localhost:${config.port}/`;
    logger.log({ msg: 'ready', url, ms: Date.now() - started, database: config.databaseUrl ? 'postgresql' : 'embedded' }, 'Bootstrap');
    // the one line a person looks for
    process.stdout.write(`\n  绩效目标管理已启动 / ready: ${url}\n\n`);
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      console.error(e.message);
      process.exit(3);
    }
    logger.error(`启动失败 (startup failed): ${(e as Error).message}`, (e as Error).stack, 'Bootstrap');
    process.exit(1);
  }
}

void main();
