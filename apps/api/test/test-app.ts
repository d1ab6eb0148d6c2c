import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig, type AppConfig } from '@pt/api/core';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import type { IncomingMessage } from 'node:http';
import type { Response as AgentResponse } from 'superagent';
import request from 'supertest';
import { createApp } from '../src/app/create-app';

/** Which database the API tests run against: TEST_DB=postgres (DATABASE_URL of a real server) or embedded (PGlite). */
export const TEST_DB = process.env['TEST_DB'] === 'postgres' ? 'postgres' : 'embedded';

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<typeof request>;
  config: AppConfig;
  close(): Promise<void>;
}

export interface TestDatabase {
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A fresh, empty database for one test file: a new database on the server, or a new embedded data dir. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (TEST_DB === 'postgres') {
    const base = process.env['DATABASE_URL'];
    if (!base) throw new Error('TEST_DB=postgres needs DATABASE_URL');
    const name = `pt_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_URL: url.toString() },
      async drop() {
        const c = new Client({ connectionString: base });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const parent = process.env['TEST_DATA_DIR'] ?? os.tmpdir();
  const dir = fs.mkdtempSync(path.join(parent, 'pt-api-'));
  // start from the initdb'd template of global-setup.ts when there is one
  const template = path.join(parent, 'template');
  if (fs.existsSync(path.join(template, 'pgdata', 'PG_VERSION'))) fs.cpSync(template, dir, { recursive: true });
  return {
    env: { DATA_DIR: dir },
    async drop() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Start the whole API in-process on `db` (demo data on unless `demo: false`). */
export async function startTestApp(db: TestDatabase, opts: { demo?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  const config = loadConfig({ ...db.env, DEMO: opts.demo === false ? '0' : '1', LOG_LEVEL: 'error', WEB_DIST: '/nonexistent', ...opts.env });
  const app = await createApp(config);
  const server = app.getHttpServer();
  return {
    app,
    config,
    http: request(server),
    async close() {
      await app.close();
    },
  };
}

/** The API of one test file: `t` of useTestApp, which also knows its database and can restart on it. */
export interface FileTestApp extends TestApp {
  readonly db: TestDatabase;
  /** Closes the app and starts a new one on the same database (a server restart). */
  restart(): Promise<void>;
}

/**
 * The API of one test file on a database of its own: started before the file's tests (beforeAll), closed and the
 * database dropped after them (afterAll). Call it in the describe block; read the app in tests and hooks only.
 */
export function useTestApp(opts: { demo?: boolean; env?: Record<string, string> } = {}): FileTestApp {
  let db: TestDatabase | undefined;
  let current: TestApp | undefined;
  const running = (): TestApp => {
    if (!current) throw new Error('the test app is not running: read it inside a test or hook');
    return current;
  };
  beforeAll(async () => {
    db = await createTestDatabase();
    current = await startTestApp(db, opts);
  });
  afterAll(async () => {
    await current?.close();
    await db?.drop();
  });
  return {
    get app() {
      return running().app;
    },
    get http() {
      return running().http;
    },
    get config() {
      return running().config;
    },
    get db() {
      if (!db) throw new Error('the test database does not exist yet: read it inside a test or hook');
      return db;
    },
    close: () => running().close(),
    async restart() {
      await running().close();
      current = await startTestApp(this.db, opts);
    },
  };
}

/** Four valid rows of a mof-2021 annual table (产出, 效益 and 满意度 indicators; no error finding). */
export const VALID_ROWS = [
  { level1: '产出指标', level2: '数量指标', name: '接待团组数量', target: '≥60个' },
  { level1: '产出指标', level2: '质量指标', name: '公务用车保障率', target: '>=90%' },
  { level1: '效益指标', level2: '社会效益指标', name: '合作交流工作支撑作用', target: '支撑作用明显' },
  { level1: '满意度指标', level2: '服务对象满意度指标', name: '服务对象满意度', target: '≥90%' },
];

/** The routes that take a body from the start of a project's life (login, create, and the draft `id`'s edits), as [method, path]. */
export function draftWriteRoutes(id: string): [string, string][] {
  return [
    ['post', '/api/auth/login'],
    ['post', '/api/projects'],
    ['patch', `/api/projects/${id}`],
    ['put', `/api/projects/${id}/indicators`],
    ['post', `/api/projects/${id}/transitions`],
  ];
}

export async function login(t: TestApp, username: string, password = 'Demo@2026'): Promise<string> {
  const res = await t.http.post('/api/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken as string;
}

/**
 * The demo accounts `users` logged in before the file's tests (a beforeAll after useTestApp's): `auth(u)` is the
 * Authorization header of user u. Call it in the describe block, after useTestApp.
 */
export function useLogins(t: TestApp, users: readonly string[]): { auth(u: string): { Authorization: string } } {
  const tok: Record<string, string> = {};
  beforeAll(async () => {
    for (const u of users) tok[u] = await login(t, u);
  });
  return { auth: (u: string) => ({ Authorization: `Bearer ${tok[u]}` }) };
}

/** Collect a binary answer as a Buffer (supertest parses only text and JSON by itself): `.buffer(true).parse(binary)`. */
export function binary(res: AgentResponse, cb: (err: Error | null, body: Buffer) => void): void {
  // under Node, superagent hands a parser the raw IncomingMessage
  const stream = res as unknown as IncomingMessage;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
  stream.on('error', (e: Error) => cb(e, Buffer.alloc(0)));
}
