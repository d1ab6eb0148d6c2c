import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';
import { MIGRATIONS } from './migrations';

export const EMBEDDED_DB = Symbol('EMBEDDED_DB');

/** Stops the embedded database (and releases its data-dir lock) when the app shuts down. */
@Injectable()
export class EmbeddedDbLifecycle implements OnApplicationShutdown {
  constructor(@Inject(EMBEDDED_DB) private readonly embedded: EmbeddedPostgres | null) {}
  async onApplicationShutdown(): Promise<void> {
    await this.embedded?.stop();
  }
}

/** The connection options shared by the server, the scripts and the tests: one code path for both databases. */
export function dataSourceOptions(url: string, poolMax: number): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    migrations: MIGRATIONS,
    extra: { max: poolMax, connectionTimeoutMillis: 5000 },
  };
}

@Module({})
class EmbeddedDbModule {
  static forRoot(): DynamicModule {
    return {
      module: EmbeddedDbModule,
      providers: [
        {
          provide: EMBEDDED_DB,
          inject: [APP_CONFIG],
          useFactory: async (config: AppConfig) => {
            if (config.databaseUrl) return null;
            const embedded = await startEmbeddedPostgres(config.dataDir);
            new Logger('Database').log(`嵌入式数据库 (PGlite) 已启动: ${embedded.dataDir}`);
            return embedded;
          },
        },
        EmbeddedDbLifecycle,
      ],
      exports: [EMBEDDED_DB],
    };
  }
}

/** TypeORM on PostgreSQL: DATABASE_URL when set, otherwise the embedded PGlite in DATA_DIR (pool max 1). */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(): DynamicModule {
    const embeddedModule = EmbeddedDbModule.forRoot();
    return {
      module: DatabaseModule,
      imports: [
        embeddedModule,
        TypeOrmModule.forRootAsync({
          imports: [embeddedModule],
          inject: [APP_CONFIG, EMBEDDED_DB],
          useFactory: (config: AppConfig, embedded: EmbeddedPostgres | null) => ({
            ...dataSourceOptions(embedded ? embedded.url : (config.databaseUrl as string), embedded ? 1 : config.dbPoolMax),
            autoLoadEntities: true,
            retryAttempts: 3,
            retryDelay: 1000,
          }),
        }),
      ],
      exports: [TypeOrmModule],
    };
  }
}
