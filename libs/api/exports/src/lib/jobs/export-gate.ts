import { Injectable } from '@nestjs/common';
import { ApiHttpException } from '@pt/api/core';

/** Whole-year exports streamed directly (GET /api/exports) at once on one instance, and per user. */
export const DIRECT_EXPORTS_PER_INSTANCE = 2;
export const DIRECT_EXPORTS_PER_USER = 1;

/**
 * Bounds the batch exports that are streamed directly instead of queued as background jobs: beyond the limits
 * the request is refused with 429 and Retry-After rather than let one user's downloads take the CPU, memory
 * and database connections of everyone else. Per instance (the balancer spreads users over instances).
 */
@Injectable()
export class ExportGate {
  private total = 0;
  private readonly perUser = new Map<string, number>();

  /** Seconds a refused client is told to wait (Retry-After). */
  readonly retryAfterSeconds = 5;

  /** Take a slot or throw 429; call the returned function when the export ends (twice is harmless). */
  enter(userId: string): () => void {
    const mine = this.perUser.get(userId) ?? 0;
    if (mine >= DIRECT_EXPORTS_PER_USER || this.total >= DIRECT_EXPORTS_PER_INSTANCE) {
      throw new ApiHttpException(
        429,
        'TOO_MANY_REQUESTS',
        mine >= DIRECT_EXPORTS_PER_USER
          ? '您已有一个批量导出正在进行，请等它完成，或在“批量导出”页面使用后台导出排队'
          : '当前批量导出较多，请稍后再试，或在“批量导出”页面使用后台导出排队',
      );
    }
    this.total++;
    this.perUser.set(userId, mine + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.total--;
      const n = (this.perUser.get(userId) ?? 1) - 1;
      if (n <= 0) this.perUser.delete(userId);
      else this.perUser.set(userId, n);
    };
  }
}
