import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

/**
 * An optional whole-number variable within [min, max] (the messages name the variable and, in Chinese, its meaning).
 * The decorators are applied bottom-up as if written on the property, so the checks and messages stay in that order.
 */
function IntVariable(min: number, max: number, messages: { int: string; min: string; max?: string }): PropertyDecorator {
  const decorators = [
    IsOptional(),
    Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value))),
    IsInt({ message: messages.int }),
    Min(min, { message: messages.min }),
    Max(max, { message: messages.max ?? messages.min }),
  ];
  return (target, key) => {
    for (const d of [...decorators].reverse()) d(target, key);
  };
}

/** A whole number with the usual messages: `NAME 必须是整数` and `NAME 须在 min–max 之间（meaning）`. */
const IntRange = (name: string, min: number, max: number, meaning: string) =>
  IntVariable(min, max, { int: `${name} 必须是整数`, min: `${name} 须在 ${min}–${max} 之间（${meaning}）` });

/** Environment variables read at boot. Every field is validated; a bad value stops the server with a clear message. */
export class EnvironmentVariables {
  @IntVariable(1, 65535, { int: 'PORT 必须是整数 (PORT must be an integer)', min: 'PORT 必须在 1–65535 之间 (PORT must be 1–65535)' })
  PORT?: number;

  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'DATA_DIR 不能为空 (DATA_DIR must not be empty)' })
  DATA_DIR?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, {
    message: 'DATABASE_URL 必须是 postgres://user:password@host:port/db 形式 (DATABASE_URL must be a postgres:// URL)',
  })
  DATABASE_URL?: string;

  @IsOptional()
  @IsIn(['0', '1'], { message: 'DEMO 只能是 0 或 1 (DEMO must be 0 or 1)' })
  DEMO?: string;

  @IsOptional()
  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'], {
    message: 'LOG_LEVEL 只能是 error、warn、log、debug、verbose 之一',
  })
  LOG_LEVEL?: string;

  @IsOptional()
  @IsString()
  WEB_DIST?: string;

  // migrations hold an advisory lock on one connection while running on another
  @IntVariable(2, 200, { int: 'DB_POOL_MAX 必须是整数', min: 'DB_POOL_MAX 至少为 2', max: 'DB_POOL_MAX 最多为 200' })
  DB_POOL_MAX?: number;

  @IntRange('LOGIN_MAX_FAILURES', 1, 100, '连续登录失败几次后锁定')
  LOGIN_MAX_FAILURES?: number;

  @IntRange('LOGIN_LOCK_MINUTES', 1, 1440, '锁定分钟数')
  LOGIN_LOCK_MINUTES?: number;

  @IntRange('SESSION_IDLE_MINUTES', 1, 1440, '无操作超时分钟数')
  SESSION_IDLE_MINUTES?: number;

  @IntRange('SESSION_ABSOLUTE_HOURS', 1, 168, '会话最长小时数')
  SESSION_ABSOLUTE_HOURS?: number;

  @IntRange('EXPORT_WORKERS', 0, 8, '本实例同时运行的后台导出数，0 表示本实例不运行导出')
  EXPORT_WORKERS?: number;

  @IntRange('EXPORT_KEEP_HOURS', 1, 720, '导出文件保留小时数')
  EXPORT_KEEP_HOURS?: number;
}

export type LogLevelName = 'error' | 'warn' | 'log' | 'debug' | 'verbose';

export interface AppConfig {
  port: number;
  dataDir: string;
  databaseUrl: string | null;
  demo: boolean;
  logLevel: LogLevelName;
  webDist: string | null;
  dbPoolMax: number;
  /** The login and session profile (等保三级 defaults: 5 failures → 15 minutes locked; idle 30 minutes; 12 hours at most). */
  security: { maxFailures: number; lockMinutes: number; idleMinutes: number; absoluteHours: number };
  /** Background batch exports: jobs run at once on this instance (each holds at most one connection), hours a file is kept. */
  exports: { workers: number; keepHours: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置错误 (invalid configuration):\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Validate `env` (default: process.env) and return the typed configuration, or throw a ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const known: Record<string, string | undefined> = {};
  for (const key of ['PORT', 'DATA_DIR', 'DATABASE_URL', 'DEMO', 'LOG_LEVEL', 'WEB_DIST', 'DB_POOL_MAX', 'LOGIN_MAX_FAILURES', 'LOGIN_LOCK_MINUTES', 'SESSION_IDLE_MINUTES', 'SESSION_ABSOLUTE_HOURS', 'EXPORT_WORKERS', 'EXPORT_KEEP_HOURS']) {
    const v = env[key];
    known[key] = v === undefined || v === '' ? undefined : v;
  }
  const parsed = plainToInstance(EnvironmentVariables, known);
  const errors = validateSync(parsed, { skipMissingProperties: false });
  if (errors.length > 0) {
    const problems = errors.flatMap((e) =>
      Object.values(e.constraints ?? {}).map((m) => `${e.property}=${JSON.stringify(known[e.property])}: ${m}`),
    );
    throw new ConfigError(problems);
  }
  return {
    port: parsed.PORT ?? 3000,
    dataDir: parsed.DATA_DIR ?? './data',
    databaseUrl: parsed.DATABASE_URL ?? null,
    demo: (parsed.DEMO ?? '1') === '1',
    logLevel: (parsed.LOG_LEVEL as LogLevelName | undefined) ?? 'log',
    webDist: parsed.WEB_DIST ?? null,
    dbPoolMax: parsed.DB_POOL_MAX ?? 10,
    security: {
      maxFailures: parsed.LOGIN_MAX_FAILURES ?? 5,
      lockMinutes: parsed.LOGIN_LOCK_MINUTES ?? 15,
      idleMinutes: parsed.SESSION_IDLE_MINUTES ?? 30,
      absoluteHours: parsed.SESSION_ABSOLUTE_HOURS ?? 12,
    },
    exports: { workers: parsed.EXPORT_WORKERS ?? 1, keepHours: parsed.EXPORT_KEEP_HOURS ?? 24 },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
