import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      dataDir: './data',
      databaseUrl: null,
      demo: true,
      logLevel: 'log',
      webDist: null,
      dbPoolMax: 10,
      security: { maxFailures: 5, lockMinutes: 15, idleMinutes: 30, absoluteHours: 12 },
      exports: { workers: 1, keepHours: 24 },
    });
  });

  it('reads every variable', () => {
    const c = loadConfig({
      PORT: '8080',
      DATA_DIR: '/tmp/x',
      DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db',
      DEMO: '0',
      LOG_LEVEL: 'warn',
      DB_POOL_MAX: '5',
      LOGIN_MAX_FAILURES: '3',
      LOGIN_LOCK_MINUTES: '30',
      SESSION_IDLE_MINUTES: '10',
      SESSION_ABSOLUTE_HOURS: '8',
      EXPORT_WORKERS: '2',
      EXPORT_KEEP_HOURS: '48',
    });
    expect(c.security).toEqual({ maxFailures: 3, lockMinutes: 30, idleMinutes: 10, absoluteHours: 8 });
    expect(c.exports).toEqual({ workers: 2, keepHours: 48 });
    expect(() => loadConfig({ EXPORT_WORKERS: '9' })).toThrow(/EXPORT_WORKERS/);
    expect(c.port).toBe(8080);
    expect(c.dataDir).toBe('/tmp/x');
    expect(c.databaseUrl).toBe('postgres://u:p@127.0.0.1:5432/db');
    expect(c.demo).toBe(false);
    expect(c.logLevel).toBe('warn');
    expect(c.dbPoolMax).toBe(5);
  });

  it.each([
    ['PORT', 'abc', 'PORT 必须是整数'],
    ['PORT', '70000', 'PORT 必须在 1–65535 之间'],
    ['DATABASE_URL', 'mysql://x', 'DATABASE_URL 必须是'],
    ['DEMO', 'yes', 'DEMO 只能是 0 或 1'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL 只能是'],
    ['DB_POOL_MAX', '1', 'DB_POOL_MAX 至少为 2'],
    ['LOGIN_MAX_FAILURES', '0', 'LOGIN_MAX_FAILURES 须在 1–100 之间'],
    ['SESSION_IDLE_MINUTES', 'x', 'SESSION_IDLE_MINUTES 必须是整数'],
  ])('rejects %s=%s with a clear message', (key, value, text) => {
    let err: unknown;
    try {
      loadConfig({ [key]: value });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toContain(text);
    expect((err as ConfigError).message).toContain(key);
  });

  it('lists every problem at once', () => {
    expect(() => loadConfig({ PORT: '0', DEMO: '2' })).toThrow(/PORT[\s\S]*DEMO|DEMO[\s\S]*PORT/);
  });
});
