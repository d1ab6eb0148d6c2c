import type { Logger } from '@nestjs/common';

/** The one structured line logged for every API request (by the Express stack and by a fast path alike). */
export function logRequest(logger: Logger, method: string, url: string, status: number, started: bigint): void {
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  logger.log({ msg: 'request', method, path: url.split('?')[0], status, ms: Math.round(ms * 10) / 10 });
}
