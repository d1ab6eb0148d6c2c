import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { hashPassword } from '@pt/api/auth';
import { APP_CONFIG, type AppConfig } from '@pt/api/core';
import { DataSource } from 'typeorm';
import { DEMO_ORGS, DEMO_PASSWORD, DEMO_USERS } from './demo-orgs';

/** Lock key for the seeding transaction, so two instances starting together seed once. */
const SEED_LOCK = 7_202_611;

/** On an empty database (no organisation yet) create the demo data, unless DEMO=0. */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo) return;
    const seeded = await this.seedIfEmpty();
    if (seeded) this.logger.log(`已创建演示数据：${DEMO_ORGS.length} 个组织，${DEMO_USERS.length} 个账号（密码 ${DEMO_PASSWORD}）`);
  }

  /** Returns true when it created the data. */
  async seedIfEmpty(): Promise<boolean> {
    const hash = await hashPassword(DEMO_PASSWORD);
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
      const [{ n }] = await m.query('SELECT count(*)::int AS n FROM org');
      if (n > 0) return false;
      const ids = new Map<string, string>();
      for (const o of DEMO_ORGS) {
        const [row] = await m.query('INSERT INTO org (code, name, kind, parent_id) VALUES ($1, $2, $3, $4) RETURNING id', [
          o.code,
          o.name,
          o.kind,
          o.parent ? ids.get(o.parent) : null,
        ]);
        ids.set(o.code, row.id);
      }
      for (const u of DEMO_USERS) {
        await m.query('INSERT INTO app_user (username, display_name, password_hash, roles, org_id) VALUES ($1, $2, $3, $4, $5)', [
          u.username,
          u.displayName,
          hash,
          u.roles,
          ids.get(u.org),
        ]);
      }
      return true;
    });
  }
}
