import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

@Injectable()
export class HealthService {
  constructor(private readonly dataSource: DataSource) {}

  /** True when the database answers a trivial query within 2 s. */
  async databaseUp(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), 2000);
      });
      const rows = await Promise.race([this.dataSource.query('SELECT 1 AS ok'), timeout]);
      return Array.isArray(rows) && rows.length === 1;
    } catch {
      return false;
    } finally {
      if (timer) clearTimeout(timer);
    }
  }
}
