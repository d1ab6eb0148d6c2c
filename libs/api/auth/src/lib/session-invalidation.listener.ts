import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@pt/api/core';
import { Client } from 'pg';
import { SessionCache } from './session-cache';

/** The PostgreSQL channel of session invalidations; the triggers of migration 1734100000000 notify it. */
export const SESSION_CHANNEL = 'session_invalidate';

/** The listening connection's application_name (pg_stat_activity shows it). */
export const LISTENER_NAME = 'pt-session-listener';
const HEARTBEAT_MS = 5_000;
const RECONNECT_MAX_MS = 10_000;

/**
 * Keeps this instance's SessionCache in step with every instance: a dedicated connection LISTENs on
 * `session_invalidate`, which triggers on user_session, app_user and org notify when a session is revoked, deleted or
 * shortened, or a user changed (disabled, new password, roles, organisation, name). While that connection is down the
 * cache keeps nothing (every request reads the database, as without a cache); it reconnects with a growing pause and
 * a heartbeat finds a connection that died silently.
 *
 * The embedded database (PGlite) serves one connection to one process (its data-dir lock), so there is no second
 * instance to hear from and no connection to spare: the in-process invalidations (AuthService, the admin and security
 * routes, called after their change committed) are all there is, and the cache is live from the start.
 */
@Injectable()
export class SessionInvalidationListener implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('SessionCache');
  private client: Client | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private retry: NodeJS.Timeout | null = null;
  private pauseMs = 250;
  private stopped = false;

  constructor(
    private readonly cache: SessionCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.databaseUrl) {
      this.cache.setLive(true);
      return;
    }
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.cache.setLive(false);
    if (this.retry) clearTimeout(this.retry);
    this.stopHeartbeat();
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.config.databaseUrl ?? undefined, keepAlive: true, connectionTimeoutMillis: 5_000, application_name: LISTENER_NAME });
    client.on('notification', (n) => n.channel === SESSION_CHANNEL && this.cache.apply(n.payload));
    client.on('error', (e) => this.lost(client, e));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${SESSION_CHANNEL}`);
    } catch (e) {
      this.lost(client, e as Error);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.pauseMs = 250;
    // what changed while nobody listened is unknown: start empty (setLive forgets everything)
    this.cache.setLive(true);
    this.startHeartbeat(client);
  }

  /** The channel is gone: nothing is cached until a new connection listens again. */
  private lost(client: Client, e?: Error): void {
    if (this.client !== null && this.client !== client) return;
    const wasLive = this.client === client;
    this.client = null;
    this.cache.setLive(false);
    this.stopHeartbeat();
    client.removeAllListeners('end');
    client.on('error', () => undefined);
    client.end().catch(() => undefined);
    if (this.stopped || this.retry) return;
    if (wasLive) this.logger.warn(`会话失效通知连接中断，暂停会话缓存并重连: ${e?.message ?? 'connection ended'}`);
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, this.pauseMs);
    this.retry.unref();
    this.pauseMs = Math.min(RECONNECT_MAX_MS, this.pauseMs * 2);
  }

  private startHeartbeat(client: Client): void {
    this.heartbeat = setInterval(() => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('heartbeat timed out')), HEARTBEAT_MS);
      });
      Promise.race([client.query('SELECT 1'), timeout])
        .catch((e: Error) => this.lost(client, e))
        .finally(() => clearTimeout(timer));
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }
}
