import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ADVISORY_LOCKS } from './advisory-locks';
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
    // run by MigrationRunner at start, under an advisory lock (several instances may start together)
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    migrations: MIGRATIONS,
    // uuid keys default to the built-in gen_random_uuid() (PostgreSQL 13+), as the migrations write them; and
    // TypeORM installs no extension at connect (it would try uuid-ossp): the schema changes only by migrations
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    extra: { max: poolMax, connectionTimeoutMillis: 5000 },
  };
}

/** Runs pending migrations when the app starts (before any bootstrap hook such as the demo seed). */
@Injectable()
export class MigrationRunner implements OnModuleInit {
  private readonly logger = new Logger('Migrations');
  constructor(
    private readonly dataSource: DataSource,
    @Inject(EMBEDDED_DB) private readonly embedded: EmbeddedPostgres | null,
  ) {}

  async onModuleInit(): Promise<void> {
    // The embedded database has one connection and one process (its data-dir lock): no advisory lock needed.
    const lock = this.embedded ? null : this.dataSource.createQueryRunner();
    try {
      if (lock) {
        await lock.connect();
        await lock.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCKS.migrations]);
      }
      const ran = await this.dataSource.runMigrations({ transaction: 'each' });
      if (ran.length) this.logger.log(`已执行迁移: ${ran.map((m) => m.name).join(', ')}`);
    } finally {
      if (lock) {
        await lock.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCKS.migrations]).catch(() => undefined);
        await lock.release();
      }
    }
  }
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
      providers: [MigrationRunner],
      exports: [TypeOrmModule],
    };
  }
}
