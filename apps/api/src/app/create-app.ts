import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type AppConfig, configureApp, JsonLogger } from '@pt/api/core';
import { AppModule } from './app.module';

/** Build the configured Nest application (used by main.ts and by the API tests). */
export async function createApp(config: AppConfig, logger = new JsonLogger(config.logLevel)): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    logger,
    bodyParser: false,
    abortOnError: false,
  });
  app.enableShutdownHooks();
  configureApp(app, config);
  await app.init();
  return app;
}
