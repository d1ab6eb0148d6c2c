import 'reflect-metadata';
import { ConfigError, DataDirLockedError, JsonLogger, loadConfig } from '@pt/api/core';
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
