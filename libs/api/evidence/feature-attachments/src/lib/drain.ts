import { ATTACHMENT_MAX_BYTES } from '@pt/shared/api-types';
import type { Request } from 'express';

/** How much of a refused upload is read and dropped before the connection is cut instead. */
const DRAIN_LIMIT = 2 * ATTACHMENT_MAX_BYTES;

/**
 * The rest of a refused upload's body (413, 415, 404 …), read and dropped before the answer goes out: a server that
 * answers while the client still sends closes the connection under it, and the client sees a broken pipe instead of
 * the reason. A body far over the limit is cut off (the connection closes) rather than read to its end.
 */
export async function drainRefused(req: Request): Promise<void> {
  if (req.readableEnded || req.destroyed) return;
  if (Number(req.headers['content-length']) > DRAIN_LIMIT) {
    req.destroy();
    return;
  }
  await new Promise<void>((resolve) => {
    let read = 0;
    req.on('data', (chunk: Buffer) => {
      read += chunk.length;
      if (read > DRAIN_LIMIT) {
        req.destroy();
        resolve();
      }
    });
    req.once('end', () => resolve());
    req.once('close', () => resolve());
    req.once('error', () => resolve());
    req.resume();
  });
}
