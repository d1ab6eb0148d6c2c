import type { DataSource } from 'typeorm';
import { HealthService } from './health.service';

describe('HealthService', () => {
  it('is up when the database answers', async () => {
    const ds = { query: jest.fn().mockResolvedValue([{ ok: 1 }]) } as unknown as DataSource;
    await expect(new HealthService(ds).databaseUp()).resolves.toBe(true);
  });

  it('is down when the query fails', async () => {
    const ds = { query: jest.fn().mockRejectedValue(new Error('ECONNREFUSED')) } as unknown as DataSource;
    await expect(new HealthService(ds).databaseUp()).resolves.toBe(false);
  });

  it('is down when the database does not answer within 2 s', async () => {
    jest.useFakeTimers();
    const ds = { query: jest.fn().mockReturnValue(new Promise(() => undefined)) } as unknown as DataSource;
    const p = new HealthService(ds).databaseUp();
    jest.advanceTimersByTime(2001);
    await expect(p).resolves.toBe(false);
    jest.useRealTimers();
  });
});
